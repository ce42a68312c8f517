import {
  assertAdminFieldsUnchanged,
  assertCanDelete,
  assertCanWrite,
  isAdmin,
  writeScopeFilter,
} from '../access/policy';
import { ACCESS_RULES } from '../access/rules';
import { validateRecord } from '../entities/validate';
import { readJsonBody } from '../http/body';
import { badRequest, forbidden, jsonResponse } from '../http/errors';
import type { Route } from '../http/router';
import { andConditions, compileFilter } from '../query/filter';
import { applyUpdateSpec, fieldsTouched, parseUpdateSpec } from '../query/update-operators';
import { isPlainObject } from '../query/values';
import type { Services } from '../services';
import { rewrittenRecord } from '../store/records';
import { translateConstraintError } from './constraint-errors';
import { entityOf, readableWhere } from './entity-helpers';

/** Base44 applies update-many in batches of this size and says `has_more` when more match. */
const UPDATE_MANY_BATCH = 500;

export function updateManyRoute({ store }: Services): Route {
  return {
    // PATCH /entities/:entity/update-many {query, data}: $set / $inc / $unset, in one transaction
    method: 'PATCH',
    pattern: '/entities/:entity/update-many',
    access: 'session',
    async handle({ params, request, actor }) {
      const entity = entityOf(params);
      const body = await readJsonBody(request);
      if (!isPlainObject(body) || !isPlainObject(body.query)) {
        throw badRequest('update-many expects {query, data}');
      }
      const spec = parseUpdateSpec(body.data);
      if (!isAdmin(actor)) {
        const adminOnly = fieldsTouched(spec).filter((f) => ACCESS_RULES[entity.name].adminOnlyFields.includes(f));
        if (adminOnly.length > 0) throw forbidden(`Only an admin may change ${entity.name}.${adminOnly[0]}`);
      }
      const where = andConditions(
        readableWhere(entity, actor, body.query),
        compileFilter(entity, writeScopeFilter(entity.name, actor)),
      );
      // Selection and writes share one immediate transaction: a guard in the query (such as
      // `black_diamonds >= 1`) still holds when the write lands, whoever else is writing.
      const result = store.transaction(() => {
        const ids = store.ids(entity.name, where, UPDATE_MANY_BATCH + 1);
        const batch = ids.slice(0, UPDATE_MANY_BATCH);
        for (const id of batch) {
          const before = store.get(entity.name, id);
          if (!before) continue;
          const after = rewrittenRecord(before, applyUpdateSpec(before, spec));
          assertAdminFieldsUnchanged(entity.name, before, after, actor);
          assertCanWrite(entity.name, after, actor);
          validateRecord(entity.name, after);
          translateConstraintError(() => store.replace(entity.name, after));
        }
        return { updated: batch.length, hasMore: ids.length > batch.length };
      });
      return jsonResponse({ success: true, updated: result.updated, matched: result.updated, has_more: result.hasMore });
    },
  };
}

export function deleteManyRoute({ store }: Services): Route {
  return {
    // DELETE /entities/:entity with a query body: deletes what matches and the caller may delete
    method: 'DELETE',
    pattern: '/entities/:entity',
    access: 'session',
    async handle({ params, request, actor }) {
      const entity = entityOf(params);
      const query = await readJsonBody(request);
      if (!isPlainObject(query) || Object.keys(query).length === 0) {
        throw badRequest('delete-many expects a non-empty query object');
      }
      const where = andConditions(
        readableWhere(entity, actor, query),
        compileFilter(entity, writeScopeFilter(entity.name, actor)),
      );
      const deleted = store.transaction(() => {
        const ids = store.ids(entity.name, where, Number.MAX_SAFE_INTEGER);
        for (const id of ids) {
          const record = store.get(entity.name, id);
          if (record) assertCanDelete(entity.name, record, actor);
          store.delete(entity.name, id);
        }
        return ids.length;
      });
      return jsonResponse({ success: true, deleted });
    },
  };
}

import {
  assertAdminFieldsUnchanged,
  assertCanDelete,
  assertCanRead,
  assertCanWrite,
  prepareCreate,
  type Actor,
} from '../access/policy';
import { flattenProfileUpdate } from '../access/user-view';
import type { EntityName } from '../entities/definitions';
import { clientFields, validateRecord } from '../entities/validate';
import { readJsonBody } from '../http/body';
import { badRequest, jsonResponse, notFound } from '../http/errors';
import type { Route } from '../http/router';
import type { Services } from '../services';
import type { EntityRecord, EntityStore } from '../store/entity-store';
import { newRecord, updatedRecord } from '../store/records';
import { entityOf, presentForCaller } from './entity-helpers';
import { deleteManyRoute, updateManyRoute } from './entity-bulk-routes';
import { translateConstraintError } from './constraint-errors';

const MAX_BULK = 5000;

export function entityWriteRoutes(services: Services): Route[] {
  const { store } = services;
  return [
    {
      // POST /entities/:entity/bulk - create many records at once, all or none
      method: 'POST',
      pattern: '/entities/:entity/bulk',
      access: 'session',
      async handle({ params, request, actor }) {
        const entity = entityOf(params);
        const body = await readJsonBody(request);
        if (!Array.isArray(body) || body.length > MAX_BULK) {
          throw badRequest(`bulk expects an array of at most ${MAX_BULK} records`);
        }
        const created = store.transaction(() => body.map((item) => createOne(store, entity.name, item, actor)));
        return jsonResponse(created.map((record) => presentForCaller(entity.name, record, actor)), 201);
      },
    },
    updateManyRoute(services),
    deleteManyRoute(services),
    {
      // POST /entities/:entity - create one record
      method: 'POST',
      pattern: '/entities/:entity',
      access: 'session',
      async handle({ params, request, actor }) {
        const entity = entityOf(params);
        const body = await readJsonBody(request);
        const record = store.transaction(() => createOne(store, entity.name, body, actor));
        return jsonResponse(presentForCaller(entity.name, record, actor), 201);
      },
    },
    {
      // PUT /entities/:entity/:id - partial update
      method: 'PUT',
      pattern: '/entities/:entity/:id',
      access: 'session',
      async handle({ params, request, actor }) {
        const entity = entityOf(params);
        const body = await readJsonBody(request);
        const record = store.transaction(() => updateOne(store, entity.name, params.id ?? '', body, actor));
        return jsonResponse(presentForCaller(entity.name, record, actor));
      },
    },
    {
      // DELETE /entities/:entity/:id
      method: 'DELETE',
      pattern: '/entities/:entity/:id',
      access: 'session',
      handle({ params, actor }) {
        const entity = entityOf(params);
        store.transaction(() => {
          const record = existing(store, entity.name, params.id ?? '');
          assertCanRead(entity.name, record, actor);
          assertCanDelete(entity.name, record, actor);
          store.delete(entity.name, record.id);
        });
        return jsonResponse({ success: true });
      },
    },
  ];
}

function existing(store: EntityStore, entity: EntityName, id: string): EntityRecord {
  const record = store.get(entity, id);
  if (!record) throw notFound(`${entity} not found`);
  return record;
}

function fieldsFromBody(entity: EntityName, body: unknown, what: string): Record<string, unknown> {
  const fields = clientFields(body, what);
  return entity === 'User' ? flattenProfileUpdate(fields) : fields;
}

export function createOne(store: EntityStore, entity: EntityName, body: unknown, actor: Actor): EntityRecord {
  const fields = prepareCreate(entity, fieldsFromBody(entity, body, 'A record'), actor);
  if (entity === 'User' && typeof fields.email === 'string') fields.email = fields.email.toLowerCase();
  const record = newRecord(fields, actor);
  validateRecord(entity, record);
  translateConstraintError(() => store.insert(entity, record));
  return record;
}

function updateOne(store: EntityStore, entity: EntityName, id: string, body: unknown, actor: Actor): EntityRecord {
  const before = existing(store, entity, id);
  assertCanRead(entity, before, actor);
  assertCanWrite(entity, before, actor);
  const after = updatedRecord(before, fieldsFromBody(entity, body, 'An update'));
  assertAdminFieldsUnchanged(entity, before, after, actor);
  // Ownership cannot be handed away: the result must still be the caller's to write.
  assertCanWrite(entity, after, actor);
  validateRecord(entity, after);
  translateConstraintError(() => store.replace(entity, after));
  return after;
}

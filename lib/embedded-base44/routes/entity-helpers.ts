import { assertQueryableFields, fieldsInFilter, presentRecord, readScopeFilter, type Actor } from '../access/policy';
import { withCustomData } from '../access/user-view';
import { ENTITIES, isEntityName, type EntityDefinition, type EntityName } from '../entities/definitions';
import { badRequest } from '../http/errors';
import { andConditions, compileFilter, type SqlCondition } from '../query/filter';
import { projectRecord } from '../query/list-request';
import type { EntityRecord, StoredRow } from '../store/entity-store';

export function entityOf(params: Readonly<Record<string, string>>): EntityDefinition & { name: EntityName } {
  const name = params.entity ?? '';
  if (!isEntityName(name)) throw badRequest(`Unknown entity: ${name.slice(0, 80)}`);
  return ENTITIES[name];
}

/** The caller's filter narrowed to the records they may read. */
export function readableWhere(
  entity: EntityDefinition,
  actor: Actor,
  filter: Record<string, unknown> | null,
  extraFields: readonly string[] = [],
): SqlCondition {
  assertQueryableFields(entity.name, [...fieldsInFilter(filter), ...extraFields], actor);
  return andConditions(compileFilter(entity, filter), compileFilter(entity, readScopeFilter(entity.name, actor)));
}

/** A record as this caller may see it: hidden fields removed, users with their `data`. */
export function presentForCaller(entity: EntityName, record: EntityRecord, actor: Actor): EntityRecord {
  const visible = presentRecord(entity, record, actor);
  return entity === 'User' ? withCustomData(visible) : visible;
}

/**
 * A list's JSON text from rows read with `visibleDataSql` (hidden fields already removed in SQL):
 * stored JSON is passed through untouched unless users need their `data` or fields are picked.
 */
export function rowsJson(entity: EntityName, rows: readonly StoredRow[], fields: readonly string[] | null): string {
  if (entity !== 'User' && !fields) return `[${rows.map((row) => row.data).join(',')}]`;
  return JSON.stringify(
    rows.map((row) => {
      const record = JSON.parse(row.data) as EntityRecord;
      return projectRecord(entity === 'User' ? withCustomData(record) : record, fields);
    }),
  );
}

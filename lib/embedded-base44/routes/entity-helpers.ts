import {
  assertQueryableFields,
  fieldsInFilter,
  presentRecord,
  readScopeFilter,
  readsEverything,
  type Actor,
} from '../access/policy';
import { withCustomData } from '../access/user-view';
import { ENTITIES, isEntityName, type EntityDefinition, type EntityName } from '../entities/definitions';
import { badRequest, jsonResponse, rawJsonArrayResponse } from '../http/errors';
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

export function presentRows(
  entity: EntityName,
  rows: readonly StoredRow[],
  actor: Actor,
  fields: readonly string[] | null,
): Record<string, unknown>[] {
  return rows.map((row) =>
    projectRecord(presentForCaller(entity, JSON.parse(row.data) as EntityRecord, actor), fields),
  );
}

/** A list answer; stored JSON is passed through untouched when nothing needs hiding or trimming. */
export function listResponse(
  entity: EntityName,
  rows: readonly StoredRow[],
  actor: Actor,
  fields: readonly string[] | null,
): Response {
  if (readsEverything(actor) && entity !== 'User' && !fields) return rawJsonArrayResponse(rows.map((r) => r.data));
  return jsonResponse(presentRows(entity, rows, actor, fields));
}

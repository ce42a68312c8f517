import type { Role } from '../../domain/enums';
import type { EntityName } from '../entities/definitions';
import { forbidden } from '../http/errors';
import { isPlainObject } from '../query/values';
import type { EntityRecord } from '../store/entity-store';
import { ACCESS_RULES, CALLER, type Scope } from './rules';

export interface Actor {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
}

export const isAdmin = (actor: Actor) => actor.role === 'admin';
export const readsEverything = (actor: Actor) => actor.role === 'admin' || actor.role === 'admin_readonly';

const bindCaller = (scope: Scope, actor: Actor): Record<string, unknown> =>
  Object.fromEntries(Object.entries(scope).map(([k, v]) => [k, v === CALLER ? actor.id : v]));

function matchesAny(record: Record<string, unknown>, scopes: readonly Scope[], actor: Actor): boolean {
  return scopes.some((scope) =>
    Object.entries(bindCaller(scope, actor)).every(([field, value]) => record[field] === value),
  );
}

/** The filter that limits a read to what the caller may see; null when they see everything. */
export function readScopeFilter(entity: EntityName, actor: Actor): Record<string, unknown> | null {
  const { read } = ACCESS_RULES[entity];
  if (readsEverything(actor) || read === 'all') return null;
  return { $or: read.map((scope) => bindCaller(scope, actor)) };
}

/** The filter that limits update-many and delete-many to what the caller may change. */
export function writeScopeFilter(entity: EntityName, actor: Actor): Record<string, unknown> | null {
  if (isAdmin(actor)) return null;
  return { $or: ACCESS_RULES[entity].write.map((scope) => bindCaller(scope, actor)) };
}

export function assertCanRead(entity: EntityName, record: EntityRecord, actor: Actor): void {
  const { read } = ACCESS_RULES[entity];
  if (readsEverything(actor) || read === 'all' || matchesAny(record, read, actor)) return;
  throw forbidden(`You may not read this ${entity}`);
}

export function assertCanWrite(entity: EntityName, record: Record<string, unknown>, actor: Actor): void {
  if (isAdmin(actor) || matchesAny(record, ACCESS_RULES[entity].write, actor)) return;
  throw forbidden(`You may not change this ${entity}`);
}

export function assertCanDelete(entity: EntityName, record: EntityRecord, actor: Actor): void {
  if (ACCESS_RULES[entity].delete === 'admin' && !isAdmin(actor)) {
    throw forbidden(`Only an admin may delete a ${entity}`);
  }
  assertCanWrite(entity, record, actor);
}

/** The fields of a new record as the rules shape them; throws 403 when they may not be created. */
export function prepareCreate(entity: EntityName, fields: Record<string, unknown>, actor: Actor) {
  const rule = ACCESS_RULES[entity];
  if (isAdmin(actor)) return { ...bindCaller(rule.ownerDefaults, actor), ...fields };
  if (rule.create === 'admin') throw forbidden(`Only an admin may create a ${entity}`);
  for (const field of rule.adminOnlyFields) {
    if (!(field in rule.forcedOnCreate) && isSet(fields[field])) {
      throw forbidden(`Only an admin may set ${entity}.${field}`);
    }
  }
  const prepared = {
    ...bindCaller(rule.ownerDefaults, actor),
    ...fields,
    ...bindCaller(rule.forcedOnCreate, actor),
  };
  if (!matchesAny(prepared, rule.createScope, actor)) {
    throw forbidden(`You may only create a ${entity} that belongs to you`);
  }
  return prepared;
}

/** A non-admin sending a new value for an admin-only field is refused, not silently ignored. */
export function assertAdminFieldsUnchanged(
  entity: EntityName,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  actor: Actor,
): void {
  if (isAdmin(actor)) return;
  const changed = (field: string) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null);
  for (const field of ACCESS_RULES[entity].adminOnlyFields) {
    if (changed(field)) throw forbidden(`Only an admin may change ${entity}.${field}`);
  }
  for (const field of ACCESS_RULES[entity].setOnceFields ?? []) {
    if (isSet(before[field]) && changed(field)) throw forbidden(`${entity}.${field} cannot be changed once set`);
  }
}

/** Non-admins may not filter or sort on fields hidden from them (that would reveal them). */
export function assertQueryableFields(entity: EntityName, fields: Iterable<string>, actor: Actor): void {
  if (readsEverything(actor)) return;
  const hidden = ACCESS_RULES[entity].privateFields;
  for (const field of fields) {
    const top = field.split('.')[0] as string;
    if (hidden.includes(top)) throw forbidden(`${entity}.${top} cannot be queried`);
  }
}

/** Removes fields the caller may not see from a record they may read. */
export function presentRecord(entity: EntityName, record: EntityRecord, actor: Actor): EntityRecord {
  if (readsEverything(actor)) return record;
  const isOwn = record.created_by_id === actor.id || (entity === 'User' && record.id === actor.id);
  if (isOwn) return record;
  // created_by is an email address: only its owner and admins see it.
  const { created_by: _hidden, ...visible } = record;
  for (const field of ACCESS_RULES[entity].privateFields) delete visible[field];
  return visible as EntityRecord;
}

/**
 * The same rule as presentRecord, as a SQL expression over a row's `data`, so list answers can be
 * passed through without parsing each record. Null when the caller sees records whole.
 */
export function visibleDataSql(entity: EntityName, actor: Actor): { sql: string; params: string[] } | null {
  if (readsEverything(actor)) return null;
  const hidden = ['created_by', ...ACCESS_RULES[entity].privateFields].map((f) => `'$.${f}'`).join(', ');
  const own = entity === 'User' ? '(f_created_by_id = ? OR id = ?)' : 'f_created_by_id = ?';
  return {
    sql: `CASE WHEN ${own} THEN data ELSE json_remove(data, ${hidden}) END`,
    params: entity === 'User' ? [actor.id, actor.id] : [actor.id],
  };
}

/** Every field name a filter mentions, at any depth. */
export function fieldsInFilter(filter: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(filter)) filter.forEach((item) => fieldsInFilter(item, found));
  else if (isPlainObject(filter)) {
    for (const [key, value] of Object.entries(filter)) {
      if (key.startsWith('$')) fieldsInFilter(value, found);
      else found.add(key);
    }
  }
  return found;
}

const isSet = (value: unknown) => value !== undefined && value !== null && value !== false && value !== 0 && value !== '';

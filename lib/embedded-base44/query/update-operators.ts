import { SYSTEM_FIELDS } from '../entities/definitions';
import { badRequest } from '../http/errors';
import { isPlainObject } from './values';

export interface UpdateSpec {
  readonly set: Readonly<Record<string, unknown>>;
  readonly inc: Readonly<Record<string, number>>;
  readonly unset: readonly string[];
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Parses the `data` of update-many: `$set`, `$inc`, `$unset`, or plain fields (meaning `$set`). */
export function parseUpdateSpec(data: unknown): UpdateSpec {
  if (!isPlainObject(data) || Object.keys(data).length === 0) {
    throw badRequest('update-many needs a non-empty data object');
  }
  const keys = Object.keys(data);
  if (!keys.some((k) => k.startsWith('$'))) return checked({ set: data, inc: {}, unset: [] });
  if (!keys.every((k) => k.startsWith('$'))) throw badRequest('Cannot mix update operators and fields');
  const spec = { set: {} as Record<string, unknown>, inc: {} as Record<string, number>, unset: [] as string[] };
  for (const [operator, value] of Object.entries(data)) {
    if (!isPlainObject(value)) throw badRequest(`${operator} expects an object of fields`);
    if (operator === '$set') spec.set = value;
    else if (operator === '$unset') spec.unset = Object.keys(value);
    else if (operator === '$inc') {
      for (const [field, amount] of Object.entries(value)) {
        if (typeof amount !== 'number' || !Number.isFinite(amount)) {
          throw badRequest(`$inc.${field} must be a number`);
        }
        spec.inc[field] = amount;
      }
    } else throw badRequest(`Unknown update operator ${operator}`);
  }
  return checked(spec);
}

function checked(spec: UpdateSpec): UpdateSpec {
  const fields = [...Object.keys(spec.set), ...Object.keys(spec.inc), ...spec.unset];
  const seen = new Set<string>();
  for (const field of fields) {
    if (!FIELD.test(field)) throw badRequest(`Invalid field name in update: ${field.slice(0, 80)}`);
    if ((SYSTEM_FIELDS as readonly string[]).includes(field)) throw badRequest(`${field} cannot be updated`);
    if (seen.has(field)) throw badRequest(`${field} appears in more than one update operator`);
    seen.add(field);
  }
  return spec;
}

export function fieldsTouched(spec: UpdateSpec): string[] {
  return [...Object.keys(spec.set), ...Object.keys(spec.inc), ...spec.unset];
}

export function applyUpdateSpec(record: Record<string, unknown>, spec: UpdateSpec): Record<string, unknown> {
  const next: Record<string, unknown> = { ...record, ...spec.set };
  for (const [field, amount] of Object.entries(spec.inc)) {
    const current = next[field] ?? 0;
    if (typeof current !== 'number') throw badRequest(`$inc.${field}: the field is not a number`);
    next[field] = current + amount;
  }
  for (const field of spec.unset) delete next[field];
  return next;
}

import { badRequest } from '../http/errors';
import type { ResolvedField } from './field-path';

export type SqlValue = string | number | null;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const NUMERIC = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/**
 * Turns a query value into what SQLite stores for that field: JSON booleans are 1/0 there.
 * Declared fields get their declared type (numeric strings such as query-string values become
 * numbers); a value that cannot be one is a 400, so `bpm: "fast"` never silently matches nothing.
 */
export function toSqlValue(field: ResolvedField, value: unknown, op: string): SqlValue {
  const type = field.type;
  const wrong = (expected: string) =>
    badRequest(`${op} on ${field.path} expects ${expected}, got ${JSON.stringify(value)?.slice(0, 40)}`, {
      field: field.path,
    });
  if (type === 'number') {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && NUMERIC.test(value.trim())) return Number(value);
    throw wrong('a number');
  }
  if (type === 'boolean') {
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (value === 'true' || value === 'false') return value === 'true' ? 1 : 0;
    throw wrong('true or false');
  }
  if (type !== undefined) {
    if (typeof value === 'string') return value;
    throw wrong('a string');
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  throw wrong('a string, number or boolean');
}

/** Mongo's `$options` letters that JavaScript shares; anything else is rejected, not ignored. */
export function regexpFlags(options: unknown): string {
  if (options === undefined) return '';
  if (typeof options !== 'string' || !/^[ims]*$/.test(options)) {
    throw badRequest('$options may only contain the letters i, m and s');
  }
  return [...new Set(options)].join('');
}

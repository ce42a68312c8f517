import type { EntityDefinition } from '../entities/definitions';
import { badRequest } from '../http/errors';
import { resolveField, type ResolvedField } from './field-path';
import { isPlainObject } from './values';

/** Base44 silently caps a list at this many records. */
export const MAX_LIST_LIMIT = 5000;
export const DEFAULT_SORT = '-created_date';

export interface SortSpec {
  readonly text: string;
  readonly field: ResolvedField;
  readonly descending: boolean;
}

export interface ListParams {
  /** The `q` filter combined with plain `?field=value` filters. */
  readonly filter: Record<string, unknown> | null;
  readonly sort: SortSpec;
  readonly limit: number;
  readonly skip: number;
  readonly fields: readonly string[] | null;
}

/**
 * Reads Base44's list parameters. Any parameter the endpoint does not define is a field
 * equality filter, as Base44 documents: a misspelt `offset=20` narrows the result to nothing.
 */
export function parseListParams(
  entity: EntityDefinition,
  params: URLSearchParams,
  defined: readonly string[],
  defaultLimit: number,
): ListParams {
  const plainFilters: Record<string, unknown> = {};
  for (const [key, value] of params) {
    if (!defined.includes(key)) plainFilters[key] = value;
  }
  return {
    filter: combineFilters(parseQueryParam(params.get('q')), plainFilters),
    sort: parseSort(entity, params.get('sort')),
    limit: parseCount(params.get('limit'), 'limit', defaultLimit, 1),
    skip: parseCount(params.get('skip'), 'skip', 0, 0),
    fields: parseFields(entity, params.get('fields')),
  };
}

export function parseQueryParam(q: string | null): Record<string, unknown> | null {
  if (q === null || q.trim() === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(q);
  } catch {
    throw badRequest('The q parameter is not valid JSON');
  }
  if (parsed === null) return null;
  if (!isPlainObject(parsed)) throw badRequest('The q parameter must be a JSON object');
  return parsed;
}

function combineFilters(
  q: Record<string, unknown> | null,
  plain: Record<string, unknown>,
): Record<string, unknown> | null {
  if (Object.keys(plain).length === 0) return q;
  return q ? { $and: [q, plain] } : plain;
}

export function parseSort(entity: EntityDefinition, sort: string | null): SortSpec {
  const text = sort === null || sort.trim() === '' ? DEFAULT_SORT : sort.trim();
  const descending = text.startsWith('-');
  const name = text.replace(/^[-+]/, '');
  if (name === '') throw badRequest(`Invalid sort: ${JSON.stringify(text)}`);
  return { text, field: resolveField(entity, name), descending };
}

function parseCount(raw: string | null, name: string, fallback: number, min: number): number {
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw badRequest(`${name} must be a whole number`);
  const value = Number(raw);
  if (value < min) throw badRequest(`${name} must be at least ${min}`);
  // SQLite refuses an OFFSET past 64-bit integers; nothing lies that far anyway.
  return name === 'limit' ? Math.min(value, MAX_LIST_LIMIT) : Math.min(value, Number.MAX_SAFE_INTEGER);
}

export function parseFields(entity: EntityDefinition, raw: string | null): string[] | null {
  if (raw === null || raw.trim() === '') return null;
  const fields = raw.split(',').map((f) => f.trim()).filter(Boolean);
  for (const field of fields) resolveField(entity, field);
  return fields;
}

/** Keeps `id` and the requested top-level fields (dotted names keep their top-level field). */
export function projectRecord(record: Record<string, unknown>, fields: readonly string[] | null) {
  if (!fields) return record;
  const projected: Record<string, unknown> = { id: record.id };
  for (const field of fields) {
    const top = field.split('.')[0] as string;
    if (top in record) projected[top] = record[top];
  }
  return projected;
}

import { badRequest } from '../http/errors';
import type { SqlCondition } from './filter';
import type { SortSpec } from './list-request';
import { isPlainObject, type SqlValue } from './values';

/**
 * A v2 page cursor: the walk's query, sort and fields plus the sort key and id of the last record
 * returned. Pages continue after that key (keyset paging), so every page costs the same however
 * deep the walk is and deletions between pages never shift the boundary.
 */
export interface CursorState {
  readonly query: string;
  readonly sort: string;
  readonly fields: string;
  readonly after: readonly [SqlValue, string];
}

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeCursor(cursor: string): CursorState {
  let state: unknown;
  try {
    state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('Invalid cursor');
  }
  if (
    !isPlainObject(state) ||
    typeof state.query !== 'string' ||
    typeof state.sort !== 'string' ||
    typeof state.fields !== 'string' ||
    !Array.isArray(state.after) ||
    state.after.length !== 2 ||
    (state.after[0] !== null && !['string', 'number'].includes(typeof state.after[0])) ||
    typeof state.after[1] !== 'string'
  ) {
    throw badRequest('Invalid cursor');
  }
  return state as unknown as CursorState;
}

/** Rows strictly after `(value, id)` in the order `sort, id` (SQLite sorts NULL first). */
export function afterCondition(sort: SortSpec, [value, id]: readonly [SqlValue, string]): SqlCondition {
  const expr = sort.field.sql;
  if (!sort.descending) {
    return value === null
      ? { sql: `(${expr} IS NULL AND id > ?) OR ${expr} IS NOT NULL`, params: [id] }
      : { sql: `${expr} > ? OR (${expr} = ? AND id > ?)`, params: [value, value, id] };
  }
  return value === null
    ? { sql: `${expr} IS NULL AND id < ?`, params: [id] }
    : { sql: `${expr} < ? OR (${expr} = ? AND id < ?) OR ${expr} IS NULL`, params: [value, value, id] };
}

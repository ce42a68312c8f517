import type { Actor } from '../access/policy';
import type { EntityDefinition } from '../entities/definitions';
import { badRequest, jsonResponse } from '../http/errors';
import { decodeCursor, encodeCursor } from '../query/cursor';
import { jsonPathOf, resolveField } from '../query/field-path';
import { parseListParams, parseQueryParam } from '../query/list-request';
import type { EntityStore } from '../store/entity-store';
import { readableWhere } from './entity-helpers';

const MAX_DISTINCT_PAGE = 1000;

/** `v2/list?distinct=field`: the field's distinct values (array elements each count), ascending. */
export function distinctPage(store: EntityStore, entity: EntityDefinition, actor: Actor, search: URLSearchParams) {
  const field = resolveField(entity, search.get('distinct') ?? '');
  const params = parseListParams(entity, search, ['q', 'limit', 'cursor', 'distinct'], 100);
  const limit = Math.min(params.limit, MAX_DISTINCT_PAGE);
  const walk = { query: JSON.stringify(params.filter), sort: `distinct:${field.path}`, fields: '' };
  const cursorText = search.get('cursor');
  const cursor = cursorText ? decodeCursor(cursorText) : null;
  if (cursor && (cursor.sort !== walk.sort || (params.filter !== null && cursor.query !== walk.query))) {
    throw badRequest('A cursor continues its own query and field: do not change them');
  }
  const filter = cursor ? parseQueryParam(cursor.query) : params.filter;
  const where = readableWhere(entity, actor, filter, [field.path]);
  const values = store.distinct(entity.name, where, jsonPathOf(field), cursor?.after[0] ?? null, limit + 1);
  const items = values.slice(0, limit);
  const hasMore = values.length > limit;
  const last = items[items.length - 1];
  // SQLite hands JSON booleans back as 1/0.
  const fromSql = (v: unknown) => (field.type === 'boolean' ? v === 1 : v);
  return jsonResponse({
    items: items.map(fromSql),
    next_cursor: hasMore && last !== undefined ? encodeCursor({ ...walk, query: JSON.stringify(filter), after: [last, ''] }) : null,
    has_more: hasMore,
  });
}

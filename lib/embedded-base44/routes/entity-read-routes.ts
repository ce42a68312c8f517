import { assertCanRead, visibleDataSql } from '../access/policy';
import { badRequest, jsonResponse, notFound, rawJsonResponse } from '../http/errors';
import type { Route } from '../http/router';
import { afterCondition, decodeCursor, encodeCursor, type CursorState } from '../query/cursor';
import { andConditions } from '../query/filter';
import type { EntityDefinition } from '../entities/definitions';
import {
  MAX_LIST_LIMIT,
  parseFields,
  parseListParams,
  parseQueryParam,
  parseSort,
  type ListParams,
} from '../query/list-request';
import type { Services } from '../services';
import { distinctPage } from './distinct-page';
import { entityOf, presentForCaller, readableWhere, rowsJson } from './entity-helpers';

const LIST_PARAMS = ['q', 'sort', 'limit', 'skip', 'fields'];
const PAGE_PARAMS = ['q', 'sort', 'limit', 'fields', 'cursor', 'distinct'];
const DEFAULT_PAGE_SIZE = 100;

export function entityReadRoutes({ store }: Services): Route[] {
  return [
    {
      // GET /entities/:entity - list and filter: sort, limit, skip, fields, q; other params filter
      method: 'GET',
      pattern: '/entities/:entity',
      access: 'session',
      rateLimited: true,
      handle({ params, url, actor }) {
        const entity = entityOf(params);
        const list = parseListParams(entity, url.searchParams, LIST_PARAMS, MAX_LIST_LIMIT);
        const where = readableWhere(entity, actor, list.filter, [list.sort.field.path]);
        const rows = store.list(entity.name, {
          where,
          descending: list.sort.descending,
          sortExpression: list.sort.field.sql,
          limit: list.limit,
          skip: list.skip,
          dataExpression: visibleDataSql(entity.name, actor),
        });
        return rawJsonResponse(rowsJson(entity.name, rows, list.fields));
      },
    },
    {
      // GET /entities/:entity/v2/list - cursor pages {items, next_cursor, has_more}
      method: 'GET',
      pattern: '/entities/:entity/v2/list',
      access: 'session',
      rateLimited: true,
      handle({ params, url, actor }) {
        const entity = entityOf(params);
        const search = url.searchParams;
        if (search.has('distinct')) return distinctPage(store, entity, actor, search);
        const cursorText = search.get('cursor');
        const cursor = cursorText ? decodeCursor(cursorText) : null;
        const asked = parseListParams(entity, search, PAGE_PARAMS, DEFAULT_PAGE_SIZE);
        const page = cursor ? continuedWalk(entity, search, asked, cursor) : asked;
        const walk = { query: JSON.stringify(page.filter), sort: page.sort.text, fields: page.fields?.join(',') ?? '' };
        const readable = readableWhere(entity, actor, page.filter, [page.sort.field.path]);
        const where = cursor ? andConditions(readable, afterCondition(page.sort, cursor.after)) : readable;
        const rows = store.list(entity.name, {
          where,
          descending: page.sort.descending,
          sortExpression: page.sort.field.sql,
          limit: page.limit + 1,
          skip: 0,
          dataExpression: visibleDataSql(entity.name, actor),
        });
        const items = rows.slice(0, page.limit);
        const last = items[items.length - 1];
        const hasMore = rows.length > page.limit && last !== undefined;
        const nextCursor = hasMore ? encodeCursor({ ...walk, after: [last.sort_key, last.id] }) : null;
        return rawJsonResponse(
          `{"items":${rowsJson(entity.name, items, page.fields)},"next_cursor":${JSON.stringify(nextCursor)},"has_more":${hasMore}}`,
        );
      },
    },
    {
      // GET /entities/:entity/count?q= - {count}
      method: 'GET',
      pattern: '/entities/:entity/count',
      access: 'session',
      rateLimited: true,
      handle({ params, url, actor }) {
        const entity = entityOf(params);
        const { filter } = parseListParams(entity, url.searchParams, ['q'], 1);
        return jsonResponse({ count: store.count(entity.name, readableWhere(entity, actor, filter)) });
      },
    },
    {
      // GET /entities/:entity/:id - one record
      method: 'GET',
      pattern: '/entities/:entity/:id',
      access: 'session',
      handle({ params, actor }) {
        const entity = entityOf(params);
        const record = store.get(entity.name, params.id ?? '');
        if (!record) throw notFound(`${entity.name} not found`);
        assertCanRead(entity.name, record, actor);
        return jsonResponse(presentForCaller(entity.name, record, actor));
      },
    },
  ];
}

/**
 * A later page may send only `cursor` and `limit`: the walk's own query, sort and fields apply.
 * Sending different ones with a cursor is an error, as in Base44.
 */
function continuedWalk(entity: EntityDefinition, search: URLSearchParams, asked: ListParams, cursor: CursorState): ListParams {
  const changed =
    (asked.filter !== null && JSON.stringify(asked.filter) !== cursor.query) ||
    (search.has('sort') && asked.sort.text !== cursor.sort) ||
    (search.has('fields') && (asked.fields?.join(',') ?? '') !== cursor.fields);
  if (changed) throw badRequest('A cursor continues its own query, sort and fields: do not change them');
  return {
    ...asked,
    filter: parseQueryParam(cursor.query),
    sort: parseSort(entity, cursor.sort),
    fields: parseFields(entity, cursor.fields),
  };
}

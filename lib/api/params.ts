import { z } from 'zod';

/**
 * Names Base44 (and the embedded backend) route under `/entities/:entity/…` as actions, not
 * records: an "id" spelled like one would be forwarded as that action (`/entities/Track/count`).
 */
const UPSTREAM_SUB_ROUTES = new Set([
  'aggregate', 'bulk', 'count', 'definitions', 'delete-many', 'deletemany', 'filter', 'import',
  'list', 'me', 'schema', 'search', 'subscribe', 'update-many', 'updatemany', 'upsert',
]);
const VERSIONED_ROUTE = /^v\d*$/i;

export function isUpstreamSubRoute(id: string): boolean {
  return UPSTREAM_SUB_ROUTES.has(id.toLowerCase()) || VERSIONED_ROUTE.test(id);
}

/** Record ids as Base44 issues them: opaque, URL-safe, never one of its sub-route names. */
export const recordIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Invalid id')
  .refine((id) => !isUpstreamSubRoute(id), 'Invalid id');
export const idParamsSchema = z.object({ id: recordIdSchema });

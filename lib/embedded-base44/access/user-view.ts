import type { EntityRecord } from '../store/entity-store';

/** Fields Base44 keeps on the user itself; everything else is the app's custom data. */
const BUILT_IN_USER_FIELDS = new Set([
  'id', 'email', 'full_name', 'role', 'created_date', 'updated_date', 'created_by', 'created_by_id',
  'disabled', 'is_verified', 'app_id',
]);

/**
 * Real Base44 returns a user's custom fields under `data`; the console reads them flattened.
 * Both are served, so code written against either shape works.
 */
export function withCustomData(user: EntityRecord): EntityRecord {
  const custom = Object.fromEntries(Object.entries(user).filter(([key]) => !BUILT_IN_USER_FIELDS.has(key)));
  return { ...user, data: custom };
}

/** A profile update may arrive flattened or nested under `data` (as the user is served). */
export function flattenProfileUpdate(body: Record<string, unknown>): Record<string, unknown> {
  const { data, ...rest } = body;
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) return { ...data, ...rest };
  return body;
}

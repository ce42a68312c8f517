// The persisted query cache is thrown away when the code that reads it may no longer understand it.
import { version as appVersion } from '@/package.json';

/**
 * Bump when the shape of persisted query data changes in a way old rows would break (a domain type
 * renamed a field, a query key factory changed its layout). Restoring with another value discards
 * the whole persisted cache instead of hydrating data the new code misreads.
 */
export const QUERY_CACHE_SCHEMA_VERSION = 1;

/**
 * schema version + app version (+ the build id when the build provides NEXT_PUBLIC_BUILD_ID), so a
 * release that changes data shapes never restores the previous release's cache.
 */
export const QUERY_CACHE_BUSTER = [
  `schema-${QUERY_CACHE_SCHEMA_VERSION}`,
  `app-${appVersion}`,
  process.env.NEXT_PUBLIC_BUILD_ID,
]
  .filter(Boolean)
  .join('|');

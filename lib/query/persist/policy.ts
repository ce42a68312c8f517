// What may be written to IndexedDB, and the `meta.persist` opt-out convention.
import type { DehydrateOptions, Query } from '@tanstack/react-query';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: Record<string, unknown> & {
      /**
       * `false` keeps this query in memory only: never written to IndexedDB. Use it for anything
       * secret, huge or volatile (signed URLs, upload progress, search-as-you-type suggestions).
       */
      persist?: boolean;
    };
  }
}

/**
 * Query key roots that are never persisted, whatever their meta says. next-auth's session
 * (`/api/auth/session`) is not a TanStack query today; this guards against someone making it one.
 */
const NEVER_PERSISTED = new Set(['auth', 'session', 'csrf']);

/**
 * Replaces TanStack's default (`status === 'success'`): a query whose background refetch failed is
 * in `error` state but still holds its last good data, and the default would drop it from the
 * snapshot, deleting that data from IndexedDB (TanStack #5112). We keep any query that has data.
 */
export function shouldPersistQuery(query: Query): boolean {
  if (query.state.data === undefined) return false;
  if (query.meta?.persist === false) return false;
  const root = query.queryKey[0];
  return !(typeof root === 'string' && NEVER_PERSISTED.has(root));
}

export const persistDehydrateOptions: DehydrateOptions = {
  shouldDehydrateQuery: shouldPersistQuery,
  // Writes that must survive live in the Dexie outbox, not in TanStack's paused mutations.
  shouldDehydrateMutation: () => false,
};

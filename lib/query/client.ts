import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiClientError } from '@/lib/api/client';
import { getConnectivity } from '@/lib/offline/connectivity';
import { QUERY_GC_TIME, SHORT_STALE_TIME } from './durations';

const NOT_WORTH_RETRYING = new Set(['unauthenticated', 'session_expired', 'forbidden', 'not_found', 'invalid_input']);

export interface CreateQueryClientOptions {
  /** Told about every request that failed at the network level (default: the browser's connectivity). */
  onNetworkFailure?: () => void;
}

function isNetworkFailure(error: unknown): boolean {
  return error instanceof ApiClientError && error.code === 'network';
}

/**
 * The console's one QueryClient factory. Memory is the first cache level; lib/query/persist
 * mirrors it into IndexedDB (see lib/query/README.md).
 */
export function createQueryClient({
  onNetworkFailure = () => getConnectivity().reportNetworkFailure(),
}: CreateQueryClientOptions = {}): QueryClient {
  const noteFailure = (error: unknown) => {
    if (isNetworkFailure(error)) onNetworkFailure();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: noteFailure }),
    mutationCache: new MutationCache({ onError: noteFailure }),
    defaultOptions: {
      queries: {
        // Resource query options set their own staleTime from ./durations; this is the fallback.
        staleTime: SHORT_STALE_TIME,
        // >= PERSIST_MAX_AGE: a query dropped from memory is dropped from IndexedDB too.
        gcTime: QUERY_GC_TIME,
        retry: (failureCount, error) => {
          if (isNetworkFailure(error)) {
            // Tell connectivity at the first failed attempt, not after the last retry: once it
            // marks the console offline, the retryer pauses (networkMode 'online') and resumes
            // when a probe reaches the server again, instead of failing the query.
            onNetworkFailure();
            return failureCount < 3;
          }
          return failureCount < 2 && !(error instanceof ApiClientError && NOT_WORTH_RETRYING.has(error.code));
        },
      },
    },
  });
}

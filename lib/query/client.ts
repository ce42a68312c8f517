import { QueryClient } from '@tanstack/react-query';
import { ApiClientError } from '@/lib/api/client';
import { CACHE_DURATIONS } from './durations';

const NOT_WORTH_RETRYING = new Set(['unauthenticated', 'session_expired', 'forbidden', 'not_found', 'invalid_input']);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: CACHE_DURATIONS.short,
        gcTime: 24 * 60 * 60 * 1000,
        retry: (failureCount, error) =>
          failureCount < 2 && !(error instanceof ApiClientError && NOT_WORTH_RETRYING.has(error.code)),
      },
    },
  });
}

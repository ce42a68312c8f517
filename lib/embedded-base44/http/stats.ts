export interface RequestStats {
  requests: number;
  byRoute: Record<string, number>;
}

/** Counts calls per route, so tests can assert how often a proxy really reached the backend. */
export function createStats() {
  let current: RequestStats = { requests: 0, byRoute: {} };
  return {
    get snapshot(): RequestStats {
      return current;
    },
    record(key: string): void {
      current.requests += 1;
      current.byRoute[key] = (current.byRoute[key] ?? 0) + 1;
    },
    reset(): void {
      current = { requests: 0, byRoute: {} };
    },
  };
}

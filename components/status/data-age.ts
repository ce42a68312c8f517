import type { Query } from '@tanstack/react-query';

/**
 * What the offline banner needs from the query cache, as one primitive so useSyncExternalStore can
 * compare snapshots: `${oldestDataUpdatedAt}|${refreshFailed ? 1 : 0}`.
 * - oldest: the oldest data on screen (active queries), else the oldest data in the cache (what was
 *   restored from IndexedDB); 0 when there is none.
 * - refreshFailed: an active query holds data but its last refetch failed.
 */
export function summarizeQueries(queries: readonly Query[]): string {
  let oldestActive = Infinity;
  let oldestAny = Infinity;
  let refreshFailed = false;
  for (const query of queries) {
    const { data, dataUpdatedAt, status, fetchStatus } = query.state;
    if (data === undefined || dataUpdatedAt === 0) continue;
    oldestAny = Math.min(oldestAny, dataUpdatedAt);
    if (!query.isActive()) continue;
    oldestActive = Math.min(oldestActive, dataUpdatedAt);
    if (status === 'error' && fetchStatus === 'idle') refreshFailed = true;
  }
  const oldest = Number.isFinite(oldestActive) ? oldestActive : Number.isFinite(oldestAny) ? oldestAny : 0;
  return `${oldest}|${refreshFailed ? 1 : 0}`;
}

export function parseSummary(summary: string): { oldest: number | null; refreshFailed: boolean } {
  const [oldest, failed] = summary.split('|');
  return { oldest: Number(oldest) || null, refreshFailed: failed === '1' };
}

/** 90 s → "2 min ago"; 5 h → "5 h ago"; 3 days → "3 days ago". */
export function formatAge(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'less than a minute ago';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

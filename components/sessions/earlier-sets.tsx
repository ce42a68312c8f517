'use client';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/client';
import type { SessionMix } from '@/lib/domain/types';
import { CACHE_DURATIONS } from '@/lib/query/durations';
import { sessionKeys } from '@/lib/query/keys';
import { formatDay, formatPlace } from './format';
import styles from './sessions.module.css';

/** The DJ's sets as SPYNNERS has them (every device), from the persisted query cache when offline. */
export function EarlierSets({ exclude }: { exclude: ReadonlySet<string> }) {
  const sets = useQuery({
    queryKey: sessionKeys.mine(),
    queryFn: ({ signal }) => apiFetch<{ sets: SessionMix[] }>('/api/sessions', { signal }),
    staleTime: CACHE_DURATIONS.short,
    select: (answer) => answer.sets,
  });
  const shown = (sets.data ?? []).filter((set) => !exclude.has(set.id));
  return (
    <section className={styles.card} aria-labelledby="earlier-sets-title" data-testid="earlier-sets">
      <h2 id="earlier-sets-title">On SPYNNERS</h2>
      {sets.isPending && <p className="muted">Loading your sets…</p>}
      {sets.isError && !sets.data && <p className="muted">Your recorded sets show here once the console is online.</p>}
      {sets.data && shown.length === 0 && <p className="muted">No other recorded set.</p>}
      {shown.length > 0 && (
        <ul className={styles.sets}>
          {shown.map((set) => (
            <li key={set.id} className={styles.setRow} data-testid="remote-set">
              <div className={styles.setMain}>
                <strong>{formatPlace(set)}</strong>
                <span className="muted">
                  {formatDay(set.startedAt)} · {set.tracksCount} {set.tracksCount === 1 ? 'track' : 'tracks'}
                </span>
              </div>
              {set.diamondAwarded && <span className="chip chip-vip">+1 Black Diamond</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

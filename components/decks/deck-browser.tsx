'use client';
import { useQuery } from '@tanstack/react-query';
import { memo, useDeferredValue, useMemo, useState } from 'react';
import type { Track } from '@/lib/domain/types';
import { catalogueOptions } from '@/lib/query/catalogue';
import { player } from '@/lib/player/store';
import type { PlayerTrack } from '@/lib/player/types';
import { usePlayableTrack } from '@/components/player/use-playable';
import { OfflineBadge } from '@/components/downloads/offline-badge';
import { LoadingState } from '@/components/ui/states';
import styles from './decks.module.css';

const SHOWN = 60;
/**
 * Rows skip rendering below the fold by groups, not one by one: a containment box per row (60 of
 * them) doubled the page's layerisation on every frame while the decks play (traced, issue #6).
 */
const GROUP_SIZE = 10;

function groupsOf<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let start = 0; start < items.length; start += size) groups.push(items.slice(start, start + size));
  return groups;
}

/** Same audio and window: a row's buttons load the same thing (toPlayerTrack builds new objects). */
function samePlayable(a: PlayerTrack | null, b: PlayerTrack | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.audioUrl === b.audioUrl && a.preview?.startSeconds === b.preview?.startSeconds && a.preview?.endSeconds === b.preview?.endSeconds;
}

/** One track: re-renders only when its track or what it plays changes, not with its neighbours. */
const DeckRow = memo(
  function DeckRow({ track, item }: { track: Track; item: PlayerTrack | null }) {
    return (
      <div role="listitem" className={styles.browserRow} data-testid="deck-track" data-track-id={track.id}>
        <span className={styles.browserTitle}>
          <strong>{track.title}</strong>
          <span className="muted">{track.artist}</span>
        </span>
        <span className={styles.metric}>{track.bpm ?? '–'}</span>
        <span className={styles.metric}>{track.key ?? '–'}</span>
        <span className={styles.browserChips}>
          {track.isVip && <span className="chip chip-vip">{item?.preview ? 'Preview' : 'VIP'}</span>}
          <OfflineBadge trackId={track.id} compact />
        </span>
        <button type="button" className="button" disabled={!item} onClick={() => item && player.loadDeck('A', item)} aria-label={`Load ${track.title} on deck A`} data-testid="load-A">A</button>
        <button type="button" className="button" disabled={!item} onClick={() => item && player.loadDeck('B', item)} aria-label={`Load ${track.title} on deck B`} data-testid="load-B">B</button>
      </div>
    );
  },
  (before, after) => before.track === after.track && samePlayable(before.item, after.item),
);

/**
 * Tracks to load on a deck: the cached catalogue (offline too), filtered as the DJ types. Memoised:
 * a tap on a deck (which deck is "last used") must not re-render the list (long tasks, issue #6).
 * What arrives after the first paint (the catalogue, the unlocks, the downloads) is rendered as a
 * deferred update: React renders the rows in slices that yield to taps, not in one long task.
 */
export const DeckBrowser = memo(function DeckBrowser() {
  const catalogue = useQuery(catalogueOptions());
  const playable = useDeferredValue(usePlayableTrack());
  const tracks = useDeferredValue(catalogue.data?.tracks);
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim().toLowerCase());
  const groups = useMemo(() => {
    const all = tracks ?? [];
    const words = query.split(/\s+/).filter(Boolean);
    const matching = words.length
      ? all.filter((t) => {
          const text = `${t.title} ${t.artist} ${t.genre} ${t.key ?? ''} ${t.bpm ?? ''}`.toLowerCase();
          return words.every((w) => text.includes(w));
        })
      : all;
    return groupsOf(matching.slice(0, SHOWN), GROUP_SIZE);
  }, [tracks, query]);

  return (
    <section className={styles.browser} aria-labelledby="deck-browser-title">
      <div className={styles.browserHead}>
        <h2 id="deck-browser-title">Load a track</h2>
        <input className="input" type="search" placeholder="Title, artist, genre, key, BPM" value={search} onChange={(e) => setSearch(e.currentTarget.value)} aria-label="Search tracks to load" />
      </div>
      {!tracks && !catalogue.isError && <LoadingState>Loading tracks…</LoadingState>}
      {catalogue.isError && <p className="alert alert-error">{catalogue.error.message}</p>}
      <div className={styles.browserList} role="list" aria-labelledby="deck-browser-title">
        {groups.map((group, index) => (
          <div key={index} className={styles.browserGroup} role="presentation">
            {group.map((track) => (
              <DeckRow key={track.id} track={track} item={playable(track)} />
            ))}
          </div>
        ))}
      </div>
    </section>
  );
});

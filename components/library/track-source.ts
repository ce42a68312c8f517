import type { Track } from '@/lib/domain/types';
import type { PlayerTrack } from '@/lib/player/types';

/** What a track list shows: the local index's results or the server's pages. */
export interface TrackSource {
  count: number;
  at: (index: number) => Track | undefined;
  /** Server paging: more rows exist beyond `count`. */
  hasMore?: boolean;
  loadMore?: () => void;
}

/** A row's play button queues the list around it: this many tracks before and after. */
const QUEUE_BEFORE = 50;
const QUEUE_AFTER = 200;

/** The playable tracks of `source` around `index` (the queue a row's play button starts). */
export function queueAround(source: TrackSource, index: number, playable: (track: Track) => PlayerTrack | null): PlayerTrack[] {
  const queue: PlayerTrack[] = [];
  const end = Math.min(source.count, index + QUEUE_AFTER);
  for (let i = Math.max(0, index - QUEUE_BEFORE); i < end; i += 1) {
    const track = source.at(i);
    const item = track ? playable(track) : null;
    if (item) queue.push(item);
  }
  return queue;
}

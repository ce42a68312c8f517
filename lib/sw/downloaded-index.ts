// Which tracks are downloaded, known to the worker without awaiting anything, so that its fetch
// listener can leave a streamed track alone: `respondWith` must be decided synchronously, and a
// stream answered through the worker keeps that worker busy for as long as the media element holds
// the connection open (a paused element does), which holds back an accepted update's activation.
// A track not downloaded then goes to the network as if there were no worker (and one hop shorter).
//
// Never a way to miss a download: until the index is read (worker start) or while it is re-read
// (a page said downloads changed), the answer is "unknown" and the worker looks the cache up.
// Pure: the cache listing is passed in.

export interface DownloadedIndex {
  /** true: downloaded; false: known not to be; null: unknown right now (look it up). */
  has(trackId: string): boolean | null;
  /** Re-reads the listing; until it resolves every answer is "unknown". */
  refresh(): Promise<void>;
}

/** `listTrackIds` lists the downloaded tracks (the audio cache's keys); it may throw (then: unknown). */
export function createDownloadedIndex(listTrackIds: () => Promise<Iterable<string>>): DownloadedIndex {
  let ids: ReadonlySet<string> | null = null;
  let generation = 0;
  return {
    has(trackId) {
      return ids === null ? null : ids.has(trackId);
    },
    async refresh() {
      generation += 1;
      const mine = generation;
      ids = null;
      try {
        const listed = new Set(await listTrackIds());
        // A later refresh started meanwhile: its listing is the newer one.
        if (mine === generation) ids = listed;
      } catch {
        // stays unknown: every request is looked up, as before the index existed
      }
    },
  };
}

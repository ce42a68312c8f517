// Hot cues in IndexedDB, per DJ and track (the `hotCues` table of lib/offline/db.ts): offline too.
import { consoleDb, withDb, type ConsoleDatabase } from '@/lib/offline/db';
import { normaliseHotCues, type CueStore } from './hot-cues';

export function dexieCueStore(db: () => ConsoleDatabase = consoleDb): CueStore {
  return {
    async load(userId, trackId) {
      const database = db();
      const row = await withDb(database, () => database.hotCues.get([userId, trackId]));
      return row ? { cuePoint: row.cuePoint, hotCues: normaliseHotCues(row.hotCues) } : null;
    },
    async save(userId, trackId, cues) {
      const database = db();
      await withDb(database, () =>
        database.hotCues.put({ userId, trackId, cuePoint: cues.cuePoint, hotCues: normaliseHotCues(cues.hotCues), updatedAt: Date.now() }),
      );
    },
  };
}

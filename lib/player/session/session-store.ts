// The player's saved session in IndexedDB (the `playerSessions` table of lib/offline/db.ts), per member.
import { consoleDb, withDb, type ConsoleDatabase } from '@/lib/offline/db';
import { parseSavedSession, type SavedPlayerSession } from './saved-session';

export interface PlayerSessionStore {
  /** `userId`'s session, or null (none, unreadable, or from an incompatible build). */
  load(userId: string): Promise<SavedPlayerSession | null>;
  save(session: SavedPlayerSession): Promise<void>;
  /** Deletes every other member's session (a member starts the console on a shared iPad). */
  keepOnly(userId: string): Promise<void>;
  /** Deletes every session (sign-out). */
  clear(): Promise<void>;
}

export function dexiePlayerSessionStore(db: () => ConsoleDatabase = consoleDb): PlayerSessionStore {
  return {
    async load(userId) {
      const database = db();
      const row = await withDb(database, () => database.playerSessions.get(userId));
      return row ? parseSavedSession(row.session, userId) : null;
    },
    async save(session) {
      const database = db();
      await withDb(database, () => database.playerSessions.put({ userId: session.userId, session, savedAt: session.savedAt }));
    },
    async keepOnly(userId) {
      const database = db();
      await withDb(database, () => database.playerSessions.where(':id').notEqual(userId).delete());
    },
    async clear() {
      const database = db();
      await withDb(database, () => database.playerSessions.clear());
    },
  };
}

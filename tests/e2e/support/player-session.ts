import type { Page } from '@playwright/test';

export interface SavedRow {
  userId: string;
  session: { decks: Record<'A' | 'B', { track: { id: string } | null; position: number }>; player: { track: { id: string } | null } };
}

/** The saved sessions, read straight from IndexedDB (no app code). */
export function savedSessions(page: Page): Promise<SavedRow[]> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('spynners-console')) return [];
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const open = indexedDB.open('spynners-console');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => ko(open.error);
    });
    if (!db.objectStoreNames.contains('playerSessions')) return (db.close(), []);
    const rows = await new Promise<SavedRow[]>((ok) => {
      const req = db.transaction('playerSessions').objectStore('playerSessions').getAll();
      req.onsuccess = () => ok(req.result as SavedRow[]);
    });
    db.close();
    return rows;
  });
}

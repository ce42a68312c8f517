import type { Page } from '@playwright/test';

/** The rows of the persisted query cache, read straight from IndexedDB (no app code). */
export function persistedQueryRows(page: Page): Promise<Array<{ userId: string; root: string }>> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('spynners-console')) return [];
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const open = indexedDB.open('spynners-console');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => ko(open.error);
    });
    if (!db.objectStoreNames.contains('queryCache')) return (db.close(), []);
    const rows = await new Promise<Array<{ userId: string; queryKey: unknown[] }>>((ok) => {
      const req = db.transaction('queryCache').objectStore('queryCache').getAll();
      req.onsuccess = () => ok(req.result);
    });
    db.close();
    return rows.map((row) => ({ userId: row.userId, root: String(row.queryKey[0]) }));
  });
}

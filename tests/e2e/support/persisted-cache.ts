import type { Page } from '@playwright/test';

/**
 * Every row of one store of the console's IndexedDB, read straight from the browser (no app code).
 * Never creates the database: a store (or database) not there yet has no rows.
 */
export function consoleStoreRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('spynners-console')) return [];
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const open = indexedDB.open('spynners-console');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => ko(open.error);
    });
    if (!db.objectStoreNames.contains(name)) return (db.close(), []);
    const rows = await new Promise<unknown[]>((ok) => {
      const req = db.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => ok(req.result);
    });
    db.close();
    return rows;
  }, store) as Promise<T[]>;
}

/** The rows of the persisted query cache. */
export async function persistedQueryRows(page: Page): Promise<Array<{ userId: string; root: string }>> {
  const rows = await consoleStoreRows<{ userId: string; queryKey: unknown[] }>(page, 'queryCache');
  return rows.map((row) => ({ userId: row.userId, root: String(row.queryKey[0]) }));
}

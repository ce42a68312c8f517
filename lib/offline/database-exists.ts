import { CONSOLE_DB_NAME } from './db-name';

type DatabasesHost = { indexedDB?: { databases?: () => Promise<Array<{ name?: string }>> } };

/**
 * Whether this device has the console's database at all, without opening it (which would create
 * it) or loading Dexie. True when the browser cannot tell (no `indexedDB.databases()`), so a
 * caller that skips work on "no" only ever skips it when there is surely nothing.
 */
export async function consoleDatabaseMayExist(host: DatabasesHost = globalThis as DatabasesHost, name = CONSOLE_DB_NAME): Promise<boolean> {
  const list = host.indexedDB?.databases;
  if (typeof list !== 'function') return true;
  try {
    const databases = await list.call(host.indexedDB);
    return databases.some((database) => database.name === name);
  } catch {
    return true;
  }
}

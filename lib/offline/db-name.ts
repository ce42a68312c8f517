// The name of the console's IndexedDB database, on its own so that asking whether the database
// exists (lib/offline/database-exists.ts) does not load Dexie.
export const CONSOLE_DB_NAME = 'spynners-console';

export { QUERY_CACHE_BUSTER, QUERY_CACHE_SCHEMA_VERSION } from './buster';
export { createDexiePersister, deleteAllPersistedQueries } from './dexie-persister';
export { persistDehydrateOptions, shouldPersistQuery } from './policy';
export { clearPersistedQueryCache, startQueryPersistence, type QueryPersistence } from './session';

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { allEntityTablesDdl, FILES_TABLE_DDL } from './entity-tables';

export type Db = Database.Database;

/** SQL function `b44_regexp(pattern, flags, value)`: 1 when a string value matches. */
export const REGEXP_FUNCTION = 'b44_regexp';

export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'base44.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Another process (the CLI next to the web server) may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');
  registerRegexp(db);
  db.transaction(() => {
    for (const statement of [...allEntityTablesDdl(), FILES_TABLE_DDL]) db.exec(statement);
  })();
  refreshPlannerStatistics(db);
  return db;
}

/**
 * Lets SQLite's planner know the tables' shapes (ANALYZE, sampled): with statistics it walks the
 * (status, created_date) index for "approved, newest first, bpm in range" instead of sorting
 * every match. Cheap when nothing changed much; run at open and after large writes.
 */
export function refreshPlannerStatistics(db: Db): void {
  db.pragma('analysis_limit = 400');
  db.pragma('optimize = 0x10002');
}

function registerRegexp(db: Db): void {
  const compiled = new Map<string, RegExp>();
  db.function(REGEXP_FUNCTION, { deterministic: true }, (pattern, flags, value) => {
    if (typeof value !== 'string' || typeof pattern !== 'string') return 0;
    const key = `${String(flags)}/${pattern}`;
    let regexp = compiled.get(key);
    if (!regexp) {
      // Patterns are validated by the query compiler before they reach SQL.
      regexp = new RegExp(pattern, typeof flags === 'string' ? flags : '');
      if (compiled.size > 500) compiled.clear();
      compiled.set(key, regexp);
    }
    return regexp.test(value) ? 1 : 0;
  });
}

/** Prepared statements are reused by SQL text: list queries repeat the same few shapes. */
export function statementCache(db: Db, maxSize = 500) {
  const cache = new Map<string, Database.Statement>();
  return (sql: string): Database.Statement => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (cache.size >= maxSize) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
    }
    return statement;
  };
}

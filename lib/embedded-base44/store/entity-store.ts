import { quoteIdentifier } from '../db/entity-tables';
import { refreshPlannerStatistics, statementCache, type Db } from '../db/open-database';
import type { EntityName } from '../entities/definitions';
import type { SqlCondition } from '../query/filter';
import type { SqlValue } from '../query/values';

export type EntityRecord = Record<string, unknown> & { id: string };

export interface StoredRow {
  readonly id: string;
  /** The record's JSON text, as stored. */
  readonly data: string;
  readonly sort_key: SqlValue;
}

export interface ListQuery {
  readonly where: SqlCondition;
  /** SQL expression of the sort field (ties broken by id), returned as `sort_key` for cursors. */
  readonly sortExpression: string;
  readonly descending: boolean;
  readonly limit: number;
  readonly skip: number;
  /** Replaces `data` in the answer, e.g. to drop fields the caller may not see. */
  readonly dataExpression?: SqlCondition | null;
}

/** Plain SQL access to the entity tables; rules and validation live in the layers above. */
const WRITES_BETWEEN_STATISTICS = 1000;

export class EntityStore {
  private readonly statement: ReturnType<typeof statementCache>;
  private writesSinceStatistics = 0;

  constructor(readonly db: Db) {
    this.statement = statementCache(db);
  }

  /**
   * One page of rows. The page is chosen on row ids and sort keys only; documents are read for
   * the rows kept, so a sort never carries whole documents and `dataExpression` runs per kept row.
   */
  list(entity: EntityName, query: ListQuery): StoredRow[] {
    const table = quoteIdentifier(entity);
    const direction = query.descending ? 'DESC' : 'ASC';
    const data = query.dataExpression ?? { sql: 'data', params: [] };
    const sql =
      `SELECT id, ${data.sql} AS data, page.sort_key FROM (` +
      `SELECT rowid AS row_id, id AS page_id, ${query.sortExpression} AS sort_key FROM ${table} ` +
      `WHERE ${query.where.sql} ORDER BY sort_key ${direction}, page_id ${direction} LIMIT ? OFFSET ?` +
      `) AS page JOIN ${table} ON ${table}.rowid = page.row_id ORDER BY page.sort_key ${direction}, page.page_id ${direction}`;
    const params = [...data.params, ...query.where.params, query.limit, query.skip];
    return this.statement(sql).all(...params) as StoredRow[];
  }

  ids(entity: EntityName, where: SqlCondition, limit: number): string[] {
    const sql = `SELECT id FROM ${quoteIdentifier(entity)} WHERE ${where.sql} ORDER BY id LIMIT ?`;
    return this.statement(sql).pluck().all(...where.params, limit) as string[];
  }

  /** Distinct values at `jsonPath` (array elements counted one by one), ascending, after `after`. */
  distinct(entity: EntityName, where: SqlCondition, jsonPath: string, after: SqlValue, limit: number): SqlValue[] {
    const sql =
      `SELECT DISTINCT j.value AS v FROM (SELECT data FROM ${quoteIdentifier(entity)} WHERE ${where.sql}) AS t, ` +
      `json_each(t.data, ${jsonPath}) AS j WHERE j.value IS NOT NULL AND j.type NOT IN ('object', 'array')` +
      `${after === null ? '' : ' AND j.value > ?'} ORDER BY v LIMIT ?`;
    const params = after === null ? [...where.params, limit] : [...where.params, after, limit];
    return this.statement(sql).pluck().all(...params) as SqlValue[];
  }

  count(entity: EntityName, where: SqlCondition): number {
    const sql = `SELECT count(*) FROM ${quoteIdentifier(entity)} WHERE ${where.sql}`;
    return this.statement(sql).pluck().get(...where.params) as number;
  }

  /** How many rows match and the total of a numeric SQL expression over them (0 when none). */
  countAndSum(entity: EntityName, where: SqlCondition, valueSql: string): { count: number; sum: number } {
    const sql = `SELECT count(*) AS count, total(${valueSql}) AS sum FROM ${quoteIdentifier(entity)} WHERE ${where.sql}`;
    return this.statement(sql).get(...where.params) as { count: number; sum: number };
  }

  get(entity: EntityName, id: string): EntityRecord | null {
    const sql = `SELECT data FROM ${quoteIdentifier(entity)} WHERE id = ?`;
    const data = this.statement(sql).pluck().get(id) as string | undefined;
    return data === undefined ? null : (JSON.parse(data) as EntityRecord);
  }

  insert(entity: EntityName, record: EntityRecord): void {
    this.writesSinceStatistics += 1;
    const sql = `INSERT INTO ${quoteIdentifier(entity)} (id, data) VALUES (?, ?)`;
    this.statement(sql).run(record.id, JSON.stringify(record));
  }

  replace(entity: EntityName, record: EntityRecord): void {
    const sql = `UPDATE ${quoteIdentifier(entity)} SET data = ? WHERE id = ?`;
    this.statement(sql).run(JSON.stringify(record), record.id);
  }

  delete(entity: EntityName, id: string): boolean {
    const sql = `DELETE FROM ${quoteIdentifier(entity)} WHERE id = ?`;
    return this.statement(sql).run(id).changes > 0;
  }

  isEmpty(entity: EntityName): boolean {
    return this.statement(`SELECT count(*) FROM ${quoteIdentifier(entity)}`).pluck().get() === 0;
  }

  /** Runs `work` in one write transaction, taken up front so no other writer can interleave. */
  transaction<T>(work: () => T): T {
    const result = this.db.transaction(work).immediate();
    if (this.writesSinceStatistics >= WRITES_BETWEEN_STATISTICS && !this.db.inTransaction) {
      this.writesSinceStatistics = 0;
      refreshPlannerStatistics(this.db);
    }
    return result;
  }

  findUserIdByEmail(email: string): string | null {
    const sql = `SELECT id FROM "User" WHERE f_email = ?`;
    return (this.statement(sql).pluck().get(email.toLowerCase()) as string | undefined) ?? null;
  }

  passwordHash(userId: string): string | null {
    const sql = `SELECT password_hash FROM "User" WHERE id = ?`;
    return (this.statement(sql).pluck().get(userId) as string | null | undefined) ?? null;
  }

  setPasswordHash(userId: string, hash: string): void {
    this.statement(`UPDATE "User" SET password_hash = ? WHERE id = ?`).run(hash, userId);
  }
}

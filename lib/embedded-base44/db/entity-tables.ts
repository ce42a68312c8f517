import { ENTITIES, ENTITY_NAMES, type EntityDefinition } from '../entities/definitions';

/**
 * One table per entity: the record is a JSON document in `data`; the fields that lists filter and
 * sort on are mirrored into indexed generated columns `f_<field>`. They are STORED, so a scan or
 * a sort reads them without parsing the document, and declared without a type so they keep
 * json_extract's values unconverted: comparisons behave the same whether the query compiler
 * reads a column or calls json_extract.
 */
export const ALWAYS_HOT_FIELDS = ['created_date', 'updated_date', 'created_by_id'] as const;

export function hotColumnsOf(entity: EntityDefinition): readonly string[] {
  return [...ALWAYS_HOT_FIELDS, ...entity.hotFields];
}

export const columnName = (field: string) => `f_${field}`;

export function entityTableDdl(entity: EntityDefinition): string[] {
  const table = quoteIdentifier(entity.name);
  const generated = hotColumnsOf(entity).map(
    (field) => `${columnName(field)} GENERATED ALWAYS AS (json_extract(data, '$.${field}')) STORED`,
  );
  // Only User rows carry a credential, kept outside the document so no read path can leak it.
  const credential = entity.name === 'User' ? ['password_hash TEXT'] : [];
  const statements = [
    `CREATE TABLE IF NOT EXISTS ${table} (
      id TEXT PRIMARY KEY NOT NULL,
      data TEXT NOT NULL CHECK (json_valid(data)),
      ${[...credential, ...generated].join(',\n      ')}
    )`,
    `CREATE INDEX IF NOT EXISTS ${quoteIdentifier(`${entity.name}_created`)} ON ${table} (f_created_date, id)`,
  ];
  for (const fields of entity.indexes) {
    const name = quoteIdentifier(`${entity.name}_${fields.join('_')}`);
    const columns = fields.map((f) => (f === 'id' ? 'id' : columnName(f))).join(', ');
    statements.push(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} (${columns}, id)`);
  }
  for (const fields of entity.unique ?? []) {
    const name = quoteIdentifier(`${entity.name}_${fields.join('_')}_unique`);
    statements.push(`CREATE UNIQUE INDEX IF NOT EXISTS ${name} ON ${table} (${fields.map(columnName).join(', ')})`);
  }
  if (entity.name === 'User') {
    statements.push(`CREATE UNIQUE INDEX IF NOT EXISTS "User_email_unique" ON "User" (f_email)`);
  }
  return statements;
}

export function allEntityTablesDdl(): string[] {
  return ENTITY_NAMES.flatMap((name) => entityTableDdl(ENTITIES[name]));
}

export const FILES_TABLE_DDL = `CREATE TABLE IF NOT EXISTS files (
  name TEXT PRIMARY KEY NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  original_name TEXT,
  created_date TEXT NOT NULL
)`;

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

import { columnName, hotColumnsOf } from '../db/entity-tables';
import { fieldType, type EntityDefinition, type FieldType } from '../entities/definitions';
import { badRequest } from '../http/errors';

const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface ResolvedField {
  readonly path: string;
  /** SQL expression yielding the field's value (an indexed column where there is one). */
  readonly sql: string;
  /** Declared type for top-level fields; undefined for free-form and dotted fields. */
  readonly type: FieldType | undefined;
}

/** Field names end up inside SQL text, so only plain identifiers (dotted for nesting) pass. */
export function resolveField(entity: EntityDefinition, path: string): ResolvedField {
  const segments = path.split('.');
  if (path.length > 200 || !segments.every((s) => SEGMENT.test(s))) {
    throw badRequest(`Invalid field name: ${JSON.stringify(path).slice(0, 80)}`);
  }
  if (path === 'id') return { path, sql: 'id', type: 'string' };
  const topLevel = segments.length === 1;
  const sql =
    topLevel && hotColumnsOf(entity).includes(path)
      ? columnName(path)
      : `json_extract(data, '$.${path}')`;
  return { path, sql, type: topLevel ? fieldType(entity, path) : undefined };
}

/** `json_each` source for array fields, used for element-wise matching. */
export function jsonPathOf(field: ResolvedField): string {
  return `'$.${field.path}'`;
}

import { REGEXP_FUNCTION } from '../db/open-database';
import type { EntityDefinition } from '../entities/definitions';
import { badRequest } from '../http/errors';
import { jsonPathOf, resolveField, type ResolvedField } from './field-path';
import { isPlainObject, regexpFlags, toSqlValue, type SqlValue } from './values';

export interface SqlCondition {
  readonly sql: string;
  readonly params: SqlValue[];
}

export const MATCH_ALL: SqlCondition = { sql: '1', params: [] };
const MAX_DEPTH = 16;

/**
 * Compiles a Mongo-style filter (the `q` of Base44's list calls) into a parameterised SQL
 * condition. Everything a client sends is checked here: unknown operators, malformed values and
 * wrong types for declared fields are 400s, never SQL errors.
 */
export function compileFilter(entity: EntityDefinition, filter: unknown): SqlCondition {
  if (filter === undefined || filter === null) return MATCH_ALL;
  return new FilterCompiler(entity).document(filter, 0);
}

export function andConditions(...conditions: SqlCondition[]): SqlCondition {
  const parts = conditions.filter((c) => c.sql !== '1');
  if (parts.length === 0) return MATCH_ALL;
  return { sql: parts.map((c) => `(${c.sql})`).join(' AND '), params: parts.flatMap((c) => c.params) };
}

class FilterCompiler {
  private readonly params: SqlValue[] = [];
  constructor(private readonly entity: EntityDefinition) {}

  document(filter: unknown, depth: number): SqlCondition {
    if (depth > MAX_DEPTH) throw badRequest('Query is nested too deeply');
    if (!isPlainObject(filter)) throw badRequest('A query must be a JSON object');
    const parts: string[] = [];
    for (const [key, value] of Object.entries(filter)) {
      if (key === '$and' || key === '$or' || key === '$nor') parts.push(this.logical(key, value, depth));
      else if (key.startsWith('$')) throw badRequest(`Unknown operator ${key}`);
      else parts.push(this.field(resolveField(this.entity, key), value));
    }
    const sql = parts.length === 0 ? '1' : parts.map((p) => `(${p})`).join(' AND ');
    return { sql, params: depth === 0 ? this.params : [] };
  }

  private logical(operator: string, value: unknown, depth: number): string {
    if (!Array.isArray(value) || value.length === 0) {
      throw badRequest(`${operator} expects a non-empty array of queries`);
    }
    const parts = value.map((sub) => `(${this.document(sub, depth + 1).sql})`);
    if (operator === '$and') return parts.join(' AND ');
    if (operator === '$or') return parts.join(' OR ');
    return `NOT (${parts.join(' OR ')})`;
  }

  private field(field: ResolvedField, condition: unknown): string {
    if (!isPlainObject(condition) || !Object.keys(condition).some((k) => k.startsWith('$'))) {
      return this.equals(field, condition);
    }
    const keys = Object.keys(condition);
    if (!keys.every((k) => k.startsWith('$'))) {
      throw badRequest(`Cannot mix operators and values for field ${field.path}`);
    }
    if ('$options' in condition && !('$regex' in condition)) throw badRequest('$options needs $regex');
    return keys
      .filter((op) => op !== '$options')
      .map((op) => this.operator(field, op, condition[op], condition.$options))
      .join(' AND ');
  }

  private operator(field: ResolvedField, op: string, value: unknown, options: unknown): string {
    switch (op) {
      case '$eq': return this.equals(field, value);
      case '$ne': return this.notEquals(field, value);
      case '$gt': return this.compare(field, '>', value, op);
      case '$gte': return this.compare(field, '>=', value, op);
      case '$lt': return this.compare(field, '<', value, op);
      case '$lte': return this.compare(field, '<=', value, op);
      case '$in': return this.inList(field, value, op, false);
      case '$nin': return this.inList(field, value, op, true);
      case '$all': return this.all(field, value);
      case '$regex': return this.regex(field, value, options);
      case '$exists': return this.exists(field, value);
      case '$not':
        if (!isPlainObject(value)) throw badRequest('$not expects an operator object');
        return `NOT COALESCE((${this.field(field, value)}), 0)`;
      default: throw badRequest(`Unknown operator ${op}`);
    }
  }

  private bind(value: SqlValue): string {
    this.params.push(value);
    return '?';
  }

  private isArrayField = (field: ResolvedField) => field.type === 'string[]';

  private elementMatch(field: ResolvedField, predicate: string): string {
    return `EXISTS (SELECT 1 FROM json_each(data, ${jsonPathOf(field)}) WHERE ${predicate})`;
  }

  private equals(field: ResolvedField, value: unknown): string {
    if (value === null) return `${field.sql} IS NULL`;
    if (Array.isArray(value) || isPlainObject(value)) {
      return `${field.sql} = json(${this.bind(JSON.stringify(value))})`;
    }
    if (this.isArrayField(field)) {
      return this.elementMatch(field, `value = ${this.bind(toSqlValue(field, value, '$eq'))}`);
    }
    return `${field.sql} = ${this.bind(toSqlValue(field, value, '$eq'))}`;
  }

  private notEquals(field: ResolvedField, value: unknown): string {
    if (value === null) return `${field.sql} IS NOT NULL`;
    return `NOT COALESCE((${this.equals(field, value)}), 0)`;
  }

  private compare(field: ResolvedField, sqlOp: string, value: unknown, op: string): string {
    if (this.isArrayField(field)) throw badRequest(`${op} does not apply to the list field ${field.path}`);
    if (value === null || typeof value === 'boolean' || typeof value === 'object') {
      throw badRequest(`${op} on ${field.path} expects a number or a string`);
    }
    const bound = toSqlValue(field, value, op);
    // Free-form fields may hold any type; compare like with like, as Mongo does.
    const guard = field.type
      ? ''
      : ` AND typeof(${field.sql}) IN (${typeof bound === 'string' ? "'text'" : "'integer','real'"})`;
    return `${field.sql} ${sqlOp} ${this.bind(bound)}${guard}`;
  }

  private inList(field: ResolvedField, value: unknown, op: string, negate: boolean): string {
    if (!Array.isArray(value)) throw badRequest(`${op} on ${field.path} expects an array`);
    if (value.length > 1000) throw badRequest(`${op} accepts at most 1000 values`);
    const hasNull = value.includes(null);
    const values = value.filter((v) => v !== null).map((v) => toSqlValue(field, v, op));
    const list = values.map((v) => this.bind(v)).join(', ');
    let match: string;
    if (this.isArrayField(field)) {
      match = values.length ? this.elementMatch(field, `value IN (${list})`) : '0';
    } else {
      match = values.length ? `${field.sql} IN (${list})` : '0';
    }
    if (hasNull) match = `(${match} OR ${field.sql} IS NULL)`;
    return negate ? `NOT COALESCE((${match}), 0)` : match;
  }

  private all(field: ResolvedField, value: unknown): string {
    if (!Array.isArray(value) || value.length === 0) throw badRequest('$all expects a non-empty array');
    return value.map((v) => `(${this.equals(field, v)})`).join(' AND ');
  }

  private regex(field: ResolvedField, pattern: unknown, options: unknown): string {
    if (typeof pattern !== 'string' || pattern.length > 500) {
      throw badRequest(`$regex on ${field.path} expects a pattern string (at most 500 characters)`);
    }
    const flags = regexpFlags(options);
    try {
      new RegExp(pattern, flags);
    } catch {
      throw badRequest(`Invalid $regex pattern for ${field.path}`);
    }
    const call = (target: string) =>
      `${REGEXP_FUNCTION}(${this.bind(pattern)}, ${this.bind(flags)}, ${target})`;
    return this.isArrayField(field) ? this.elementMatch(field, call('value')) : call(field.sql);
  }

  private exists(field: ResolvedField, value: unknown): string {
    if (typeof value !== 'boolean') throw badRequest('$exists expects true or false');
    if (field.path === 'id') return value ? '1' : '0';
    return `json_type(data, ${jsonPathOf(field)}) IS ${value ? 'NOT ' : ''}NULL`;
  }
}

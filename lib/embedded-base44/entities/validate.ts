import { z } from 'zod';
import { badRequest } from '../http/errors';
import { isPlainObject } from '../query/values';
import { ENTITIES, SYSTEM_FIELDS, type EntityName, type FieldType } from './definitions';

const MAX_RECORD_BYTES = 1024 * 1024;

function zodFor(type: FieldType): z.ZodType {
  if (typeof type === 'object') return z.enum(type.enum as [string, ...string[]]);
  switch (type) {
    case 'string': return z.string().max(100_000);
    case 'number': return z.number().finite();
    case 'boolean': return z.boolean();
    case 'string[]': return z.array(z.string()).max(10_000);
  }
}

// Declared fields are typed; others pass through, as a Base44 app tolerates legacy fields.
const schemas = {} as Record<EntityName, z.ZodType>;
for (const entity of Object.values(ENTITIES)) {
  const shape = Object.entries(entity.fields).map(([field, type]) => [field, zodFor(type).nullable().optional()]);
  schemas[entity.name] = z.looseObject(Object.fromEntries(shape));
}

/** Checks a whole record (after defaults or a merge), so a partial update is checked in context. */
export function validateRecord(entity: EntityName, record: Record<string, unknown>): void {
  const result = schemas[entity].safeParse(record);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      field: issue.path.join('.'),
      message: issue.message,
    }));
    const first = issues[0];
    throw badRequest(`Invalid ${entity}: ${first ? `${first.field}: ${first.message}` : 'bad data'}`, {
      issues,
    });
  }
  if (JSON.stringify(record).length > MAX_RECORD_BYTES) {
    throw badRequest(`A ${entity} record may not exceed ${MAX_RECORD_BYTES} bytes`);
  }
}

/** What a client sent as a record body, minus the fields only the server sets. */
export function clientFields(body: unknown, what: string): Record<string, unknown> {
  if (!isPlainObject(body)) throw badRequest(`${what} must be a JSON object`);
  const fields: Record<string, unknown> = { ...body };
  for (const field of SYSTEM_FIELDS) delete fields[field];
  for (const key of Object.keys(fields)) {
    if (key.startsWith('$') || key.includes('.')) throw badRequest(`Invalid field name: ${key.slice(0, 80)}`);
  }
  // Credentials go through the auth endpoints only: a record field would keep them in clear.
  if ('password' in fields || 'password_hash' in fields) {
    throw badRequest('Passwords cannot be set through entity fields');
  }
  return fields;
}

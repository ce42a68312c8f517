import { randomBytes } from 'node:crypto';
import type { EntityRecord } from './entity-store';

export interface Author {
  readonly id: string;
  readonly email: string;
}

/** Base44 ids look like Mongo ObjectIds: 24 hex digits, the first 8 the creation second. */
export function newId(now = Date.now()): string {
  const seconds = Math.floor(now / 1000).toString(16).padStart(8, '0');
  return seconds + randomBytes(8).toString('hex');
}

export function newRecord(
  fields: Record<string, unknown>,
  author: Author | null,
  options: { id?: string; now?: string } = {},
): EntityRecord {
  const now = options.now ?? new Date().toISOString();
  return {
    ...fields,
    id: options.id ?? newId(Date.parse(now)),
    created_date: now,
    updated_date: now,
    created_by: author?.email ?? null,
    created_by_id: author?.id ?? null,
  };
}

export function updatedRecord(
  existing: EntityRecord,
  patch: Record<string, unknown>,
  now = new Date().toISOString(),
): EntityRecord {
  return rewrittenRecord(existing, { ...existing, ...patch }, now);
}

/** `next` as the new content of `existing` (fields absent from it are removed), system fields kept. */
export function rewrittenRecord(
  existing: EntityRecord,
  next: Record<string, unknown>,
  now = new Date().toISOString(),
): EntityRecord {
  return {
    ...next,
    id: existing.id,
    created_date: existing.created_date,
    created_by: existing.created_by,
    created_by_id: existing.created_by_id,
    updated_date: now,
  };
}

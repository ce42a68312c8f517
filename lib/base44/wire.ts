// Lenient readers for Base44 record fields. Legacy records send numbers as strings, booleans as
// "true"/1, nulls and missing fields: optional fields read those as a value or null instead of
// failing the record. Only the fields a record cannot be shown without are strict.
import { z } from 'zod';

/** A field read by `read` whatever its wire value, missing included. */
export function lenient<T>(read: (value: unknown) => T) {
  // `.optional()` first: zod 4 rejects a missing key before a transform would see `undefined`.
  return z.unknown().optional().transform(read);
}

/** Record ids: strings, or numbers some imports wrote. */
export const wireId = z.union([z.string().trim().min(1), z.number().int()]).transform(String);

/** Trimmed text; empty, missing or not text → null. */
export const optionalText = lenient((value): string | null => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
});

/** A finite number, also when sent as a string; else null. */
export const optionalNumber = lenient((value): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const parsed = Number(value.trim().replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : null;
});

/** A count: a non-negative integer, 0 when missing or unreadable. */
export const count = optionalNumber.transform((n) => (n !== null && n > 0 ? Math.round(n) : 0));

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'on']);

/** true / "true" / 1 / "yes" → true; everything else, missing included → false. */
export const flag = lenient((value): boolean => {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1;
  return typeof value === 'string' && TRUE_WORDS.has(value.trim().toLowerCase());
});

/** Base44 writes UTC timestamps without a zone ("2025-03-01T10:00:00.123000"): read them as UTC. */
export const optionalTimestamp = lenient((value): string | null => {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) || !text.includes('T') ? text : `${text}Z`;
  const time = Date.parse(zoned);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
});

/** A list of strings, also when sent as one comma-separated string. */
export const textList = lenient((value): string[] => {
  const items: unknown[] = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [];
  return items
    .map((item) => (typeof item === 'number' ? String(item) : item))
    .filter((item): item is string => typeof item === 'string' && item.trim() !== '')
    .map((item) => item.trim());
});

export const EPOCH = new Date(0).toISOString();

/** The first value that is not null, for fields with legacy names. */
export function firstOf<T>(...values: (T | null)[]): T | null {
  for (const value of values) if (value !== null) return value;
  return null;
}

/** Readable, value-free summary of why a record did not parse (for logs and error details). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`)
    .join('; ');
}

// Whole-collection reads. Base44 answers a list with at most 5000 records and does not say it cut
// the result, so a read of "everything" pages with `skip` until a page comes back short.
import { z } from 'zod';
import type { Base44Client } from './client';
import { Base44Error } from './errors';
import { describeIssues } from './wire';

/** Base44's silent cap on one list answer. */
export const MAX_LIST_CHUNK = 5000;
/** A guard against an upstream that never answers short: 1000 pages of 5000. */
const MAX_PAGES = 1000;

export interface SkippedRecord {
  /** Position in the whole walk. */
  index: number;
  id: string | null;
  reason: string;
}

export interface EveryRecordSpec<T> {
  /** An entity list path, e.g. `/entities/Track`. */
  path: string;
  /** The JSON filter. */
  q: Record<string, unknown>;
  /**
   * Always given: without it Base44 returns records in no particular order and pages overlap. Sort
   * on a field that does not change (`created_date`) so updates during the walk move nothing.
   */
  sort: string;
  token: string;
  record: z.ZodType<T>;
  idOf: (item: T) => string;
  signal?: AbortSignal;
  waitOnRateLimit?: boolean;
  /** Records per page; at most (and by default) MAX_LIST_CHUNK. Smaller only for tests. */
  chunkSize?: number;
}

/**
 * Every record matching `q`, in `sort` order, each parsed by `record`: those that do not parse are
 * skipped and reported, not fatal. A record seen twice (the set changed during the walk) is kept
 * once. An upstream that ignores `skip` (the same page again) is a `bad_response`, not a loop.
 */
export async function listEvery<T>(client: Base44Client, spec: EveryRecordSpec<T>) {
  const limit = Math.min(MAX_LIST_CHUNK, Math.max(1, spec.chunkSize ?? MAX_LIST_CHUNK));
  const q = JSON.stringify(spec.q);
  const items: T[] = [];
  const seen = new Set<string>();
  /** Ids of every record met, malformed ones included, to tell a repeated page from a new one. */
  const met = new Set<string>();
  const skipped: SkippedRecord[] = [];
  for (let page = 0, skip = 0; page < MAX_PAGES; page++) {
    const records = await client.request({
      method: 'GET',
      path: spec.path,
      query: { q, sort: spec.sort, limit, skip },
      token: spec.token,
      schema: z.array(z.unknown()),
      signal: spec.signal,
      waitOnRateLimit: spec.waitOnRateLimit,
    });
    const unmet = records.filter((raw) => {
      const id = idOf(raw);
      return id === null || !met.has(id);
    }).length;
    records.forEach((raw, i) => {
      const rawId = idOf(raw);
      if (rawId !== null) met.add(rawId);
      const parsed = spec.record.safeParse(raw);
      if (!parsed.success) {
        skipped.push({ index: skip + i, id: idOf(raw), reason: describeIssues(parsed.error) });
        return;
      }
      const id = spec.idOf(parsed.data);
      if (seen.has(id)) return;
      seen.add(id);
      items.push(parsed.data);
    });
    if (records.length < limit) return { items, skipped };
    if (unmet === 0) {
      throw new Base44Error('bad_response', { detail: `GET ${spec.path}: a full page at skip=${skip} held no new record (skip ignored?)` });
    }
    skip += records.length;
  }
  throw new Base44Error('bad_response', { detail: `GET ${spec.path}: more than ${MAX_PAGES} pages` });
}

function idOf(record: unknown): string | null {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

// A small in-process LRU for public catalogue reads, bounded by entries and by bytes. Entries are
// fresh for `freshMs`, then kept until `staleIfErrorMs` old to answer when the upstream fails
// (RFC 5861 stale-if-error). Invalidating a tag makes its entries stale, not gone, for that reason.

export interface CacheOptions {
  maxEntries: number;
  maxBytes: number;
  freshMs: number;
  staleIfErrorMs: number;
  now?: () => number;
}

export interface CacheHit<T> {
  value: T;
  ageMs: number;
  fresh: boolean;
}

interface Entry {
  value: unknown;
  bytes: number;
  storedAt: number;
  tag: string;
  invalidated: boolean;
}

export class StaleIfErrorCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();
  private bytes = 0;
  private readonly now: () => number;

  constructor(private readonly options: CacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get<T>(key: string): CacheHit<T> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const ageMs = this.now() - entry.storedAt;
    if (ageMs > Math.max(this.options.freshMs, this.options.staleIfErrorMs)) {
      this.delete(key);
      return undefined;
    }
    this.entries.delete(key); // re-insert: Map order is the LRU order
    this.entries.set(key, entry);
    const fresh = !entry.invalidated && ageMs <= this.options.freshMs;
    return { value: entry.value as T, ageMs, fresh };
  }

  /** The generation of a tag, read before a fetch and handed back to `set`. */
  generation(tag: string): number {
    return this.generations.get(tag) ?? 0;
  }

  /**
   * Stores a value fetched when `tag` was at `generation`. If the tag was invalidated meanwhile,
   * the value may predate a write: it is kept only as stale.
   */
  set(key: string, value: unknown, tag: string, generation: number, storedAt = this.now()): void {
    const bytes = approximateBytes(key, value);
    if (bytes > this.options.maxBytes) return;
    this.delete(key);
    const invalidated = this.generation(tag) !== generation;
    this.entries.set(key, { value, bytes, storedAt, tag, invalidated });
    this.bytes += bytes;
    this.evict();
  }

  invalidateTag(tag: string): void {
    this.generations.set(tag, this.generation(tag) + 1);
    for (const entry of this.entries.values()) {
      if (entry.tag === tag) entry.invalidated = true;
    }
  }

  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) return;
      this.delete(key);
    }
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.entries.delete(key);
  }
}

/** UTF-16 length of the JSON: close enough to bound memory, and cheap next to the fetch. */
function approximateBytes(key: string, value: unknown): number {
  return (key.length + (JSON.stringify(value)?.length ?? 0)) * 2;
}

// Fakes for the download manager: a file server behind `fetch` whose streams can be held, broken
// or cut short, and a Cache Storage that commits a put atomically and can run out of quota.
import type { Track } from '@/lib/domain/types';
import { syntheticTracks } from '../search/support/synthetic-tracks';

export const CHUNK = 1000;

interface FileSpec {
  bytes: Uint8Array;
  type: string;
}

interface Behaviour {
  /** Answer with this status (and a JSON error body) instead of the file. */
  status?: number;
  /** Stop sending after this many bytes and wait for resume(); cancel still works. */
  holdAt?: number;
  /** The connection drops after this many bytes. */
  breakAt?: number;
  /** The stream ends cleanly after this many bytes while Content-Length says more. */
  endAt?: number;
  /** No Content-Length header. */
  noLength?: boolean;
  /** fetch() itself rejects (no network). */
  offline?: boolean;
}

function bytesOf(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + seed) & 0xff;
  return out;
}

export class FakeServer {
  readonly audio = new Map<string, FileSpec>();
  readonly artwork = new Map<string, FileSpec>();
  readonly behaviour = new Map<string, Behaviour>();
  readonly requests: Array<{ url: string; init: RequestInit }> = [];
  /** Downloads whose body is being read right now. */
  inFlight = 0;
  private readonly holds = new Map<string, { reached: () => void; reachedPromise: Promise<void>; resume: () => void; resumed: Promise<void> }>();

  addTrack(id: string, size = 10 * CHUNK, artwork = true): void {
    this.audio.set(id, { bytes: bytesOf(size, id.length), type: 'audio/mpeg' });
    if (artwork) this.artwork.set(id, { bytes: bytesOf(300, 7), type: 'image/svg+xml' });
  }

  set(id: string, behaviour: Behaviour): void {
    this.behaviour.set(id, behaviour);
    if (behaviour.holdAt !== undefined) {
      let reached!: () => void;
      let resume!: () => void;
      const reachedPromise = new Promise<void>((r) => (reached = r));
      const resumed = new Promise<void>((r) => (resume = r));
      this.holds.set(id, { reached, reachedPromise, resume, resumed });
    }
  }

  /** Resolves once the held download has sent its first `holdAt` bytes. */
  held(id: string): Promise<void> {
    return this.holds.get(id)!.reachedPromise;
  }

  resume(id: string): void {
    this.holds.get(id)?.resume();
  }

  fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    this.requests.push({ url: input, init });
    const match = /^\/api\/tracks\/([^/]+)\/(audio|artwork)$/.exec(input);
    if (!match) return new Response('no', { status: 404 });
    const [, id = '', kind] = match;
    const behaviour = kind === 'audio' ? (this.behaviour.get(id) ?? {}) : {};
    if (behaviour.offline) throw new TypeError('Failed to fetch');
    const file = (kind === 'audio' ? this.audio : this.artwork).get(id);
    if (behaviour.status) return Response.json({ error: { code: 'x', message: 'x' } }, { status: behaviour.status });
    if (!file) return Response.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 });
    const signal = init.signal ?? undefined;
    const headers = new Headers({ 'content-type': file.type });
    if (!behaviour.noLength) headers.set('content-length', String(file.bytes.byteLength));
    if (kind === 'artwork') return new Response(file.bytes.slice(), { status: 200, headers });

    const hold = this.holds.get(id);
    let sent = 0;
    const server = this;
    server.inFlight += 1;
    let finished = false;
    const finish = () => {
      if (!finished) {
        finished = true;
        server.inFlight -= 1;
      }
    };
    const aborted = new Promise<never>((_, reject) => {
      if (signal?.aborted) reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    aborted.catch(() => undefined);
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          if (hold && behaviour.holdAt !== undefined && sent >= behaviour.holdAt) {
            hold.reached();
            await Promise.race([hold.resumed, aborted]);
          }
          await Promise.race([new Promise((r) => setTimeout(r, 1)), aborted]);
        } catch (reason) {
          finish();
          controller.error(reason);
          return;
        }
        const limit = behaviour.endAt ?? behaviour.breakAt ?? file.bytes.byteLength;
        if (sent >= limit) {
          finish();
          if (behaviour.breakAt !== undefined) controller.error(new TypeError('network error'));
          else controller.close();
          return;
        }
        const next = file.bytes.slice(sent, Math.min(sent + CHUNK, limit));
        sent += next.byteLength;
        controller.enqueue(next);
      },
      cancel() {
        finish();
      },
    });
    return new Response(stream, { status: 200, headers });
  };

  audioRequests(): string[] {
    return this.requests.filter((r) => r.url.endsWith('/audio')).map((r) => r.url);
  }
}

interface Entry {
  body: Uint8Array;
  status: number;
  headers: [string, string][];
}

const FAKE_ORIGIN = 'http://127.0.0.1:3000';

export class FakeCache {
  readonly entries = new Map<string, Entry>();
  constructor(private readonly storage: FakeCacheStorage) {}

  async match(key: string): Promise<Response | undefined> {
    const entry = this.entries.get(key);
    return entry ? new Response(entry.body.slice(), { status: entry.status, headers: entry.headers }) : undefined;
  }

  /** Like the real thing: the body is read to the end before anything is committed. */
  async put(key: string, response: Response): Promise<void> {
    if (response.status === 206) throw new TypeError('Partial response (status code 206) is unsupported');
    const body = new Uint8Array(await response.arrayBuffer());
    const { quotaBytes } = this.storage;
    if (quotaBytes !== null && this.storage.usedBytes() - (this.entries.get(key)?.body.byteLength ?? 0) + body.byteLength > quotaBytes) {
      throw new DOMException('The operation failed because it would cause the application to exceed its storage quota.', 'QuotaExceededError');
    }
    this.entries.set(key, { body, status: response.status, headers: [...response.headers] });
  }

  async delete(key: string | Request): Promise<boolean> {
    return this.entries.delete(typeof key === 'string' ? key : new URL(key.url).pathname);
  }

  /** Like the real thing: Requests with absolute URLs. */
  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((key) => new Request(new URL(key, FAKE_ORIGIN)));
  }
}

export class FakeCacheStorage {
  readonly caches = new Map<string, FakeCache>();
  quotaBytes: number | null = null;

  async open(name: string): Promise<Cache> {
    let cache = this.caches.get(name);
    if (!cache) {
      cache = new FakeCache(this);
      this.caches.set(name, cache);
    }
    return cache as unknown as Cache;
  }

  entry(name: string, key: string): Entry | undefined {
    return this.caches.get(name)?.entries.get(key);
  }

  keys(name: string): string[] {
    return [...(this.caches.get(name)?.entries.keys() ?? [])];
  }

  usedBytes(): number {
    let total = 0;
    for (const cache of this.caches.values()) for (const entry of cache.entries.values()) total += entry.body.byteLength;
    return total;
  }
}

export function fakeStorage(caches: FakeCacheStorage, quota = 50 * 1024 * 1024) {
  const calls = { persist: 0 };
  let persisted = false;
  return {
    calls,
    estimate: async () => ({ usage: caches.usedBytes(), quota }),
    persisted: async () => persisted,
    persist: async () => {
      calls.persist += 1;
      persisted = true;
      return true;
    },
  };
}

let made = 0;
/** Approved, non-VIP tracks with audio and artwork at the console's URLs. */
export function tracks(count: number, fields: Partial<Track> = {}): Track[] {
  return syntheticTracks(count).map((track) => {
    made += 1;
    const id = `t${made}`;
    return {
      ...track,
      id,
      status: 'approved',
      isVip: false,
      audioUrl: `/api/tracks/${id}/audio`,
      artworkUrl: `/api/tracks/${id}/artwork`,
      ...fields,
    };
  });
}

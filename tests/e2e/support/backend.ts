import { expect, type APIRequestContext } from '@playwright/test';
import { E2E } from './servers';

/** A member's session straight on the backend (no console): what is really stored, or a setup write. */
export async function backendAs(request: APIRequestContext, email: string) {
  const base = `${E2E.backendUrl}/api/apps/${E2E.appId}`;
  const login = await request.post(`${base}/auth/login`, { data: { email, password: E2E.demoPassword } });
  expect(login.status()).toBe(200);
  const { access_token: token, user } = (await login.json()) as { access_token: string; user: { id: string } };
  const headers = { Authorization: `Bearer ${token}` };
  return {
    userId: user.id,
    async get<T = Record<string, unknown>>(path: string): Promise<T> {
      const res = await request.get(`${base}${path}`, { headers });
      expect(res.status(), path).toBe(200);
      return (await res.json()) as T;
    },
    async post<T = Record<string, unknown>>(path: string, body: unknown): Promise<T> {
      const res = await request.post(`${base}${path}`, { headers, data: body });
      expect(res.status(), path).toBe(201);
      return (await res.json()) as T;
    },
  };
}

export const q = (filter: unknown) => encodeURIComponent(JSON.stringify(filter));

let titles = 0;
/**
 * A unique track title of short words (under 6 letters): other specs pick long words from the
 * newest catalogue titles for their fuzzy-search checks, and these tracks become the newest.
 */
export function uniqueTitle(prefix: string): string {
  titles += 1;
  const stamp = `${Date.now().toString(36)}${titles}${Math.random().toString(36).slice(2, 6)}`;
  return `${prefix} ${stamp.slice(0, 4)} ${stamp.slice(4, 8)} ${stamp.slice(8, 12)}`;
}

/**
 * The producer whose tracks the admin specs send for review: not the demo producer, whose
 * catalogue (one rejected track, its statuses) other specs assert on.
 */
export const REVIEWED_PRODUCER = 'producer4@spynners.local';

/** Pending tracks sent by REVIEWED_PRODUCER, with real audio borrowed from their catalogue. */
export async function pendingTracksForReview(request: APIRequestContext, titles: string[]) {
  const producer = await backendAs(request, REVIEWED_PRODUCER);
  const [source] = await producer.get<{ audio_url: string; artwork_url: string; duration: number }[]>(
    `/entities/Track?q=${q({ status: 'approved', producer_id: producer.userId })}&limit=1&sort=created_date`,
  );
  const ids: string[] = [];
  for (const title of titles) {
    const created = await producer.post<{ id: string; status: string }>('/entities/Track', {
      title, producer_name: 'Ventura', genre: 'Deep House', bpm: 122, key: '8A', duration: source!.duration,
      audio_url: source!.audio_url, artwork_url: source!.artwork_url, rights_confirmed: true,
    });
    expect(created.status).toBe('pending');
    ids.push(created.id);
  }
  return { producerId: producer.userId, ids, duration: source!.duration };
}

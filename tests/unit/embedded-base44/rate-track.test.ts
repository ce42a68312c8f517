import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, JWT_SECRET, startTestBackend, type TestBackend } from './support';

// The rateTrack function and the TrackRating entity: one vote per member and track, the track's
// average kept in step in the same transaction, and votes writable only through the function.

let api!: TestBackend;
const token: Record<'dj' | 'producer' | 'stranger' | 'admin', string> = { dj: '', producer: '', stranger: '', admin: '' };
const userId: Record<keyof typeof token, string> = { dj: '', producer: '', stranger: '', admin: '' };

beforeAll(async () => {
  api = await startTestBackend();
  const emails = { dj: 'dj@spynners.local', producer: 'producer@spynners.local', stranger: 'producer2@spynners.local', admin: 'admin@spynners.local' };
  for (const who of Object.keys(emails) as (keyof typeof emails)[]) {
    token[who] = await api.login(emails[who]);
    userId[who] = (await api.call('GET', '/entities/User/me', { token: token[who] })).json.id;
  }
});
afterAll(() => api.close());

const rate = (who: string, body: unknown) => api.call('POST', '/functions/rateTrack', { token: who, body });

async function newTrack(fields: Record<string, unknown> = {}): Promise<string> {
  const answer = await api.call('POST', '/entities/Track', {
    token: token.admin,
    body: { title: 'Rated', producer_id: userId.producer, status: 'approved', ...fields },
  });
  expect(answer.status, JSON.stringify(answer.json)).toBe(201);
  return answer.json.id;
}

async function track(id: string) {
  return (await api.call('GET', `/entities/Track/${id}`, { token: token.admin })).json;
}

/** `count` members who can call the backend: created by the admin, tokens signed like the backend's. */
async function members(count: number): Promise<string[]> {
  const key = new TextEncoder().encode(JWT_SECRET);
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const created = await api.call('POST', '/entities/User', {
        token: token.admin,
        body: { email: `voter-${i}-${Math.random().toString(36).slice(2)}@example.com`, full_name: `Voter ${i}`, role: 'user' },
      });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(created.json.id)
        .setIssuer('embedded-base44')
        .setAudience(APP_ID)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(key);
    }),
  );
}

describe('rateTrack', () => {
  it('records one vote per member, and a second call changes it instead of counting twice', async () => {
    const id = await newTrack();
    const first = await rate(token.dj, { track_id: id, stars: 4 });
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    expect(first.json).toEqual({ track_id: id, my_rating: 4, average_rating: 4, rating_count: 1 });

    const again = await rate(token.dj, { track_id: id, stars: 2 });
    expect(again.json).toEqual({ track_id: id, my_rating: 2, average_rating: 2, rating_count: 1 });

    const other = await rate(token.stranger, { track_id: id, stars: 5 });
    expect(other.json).toEqual({ track_id: id, my_rating: 5, average_rating: 3.5, rating_count: 2 });

    expect(await track(id)).toMatchObject({ average_rating: 3.5, rating_count: 2 });
    const votes = await api.call('GET', '/entities/TrackRating', { token: token.admin, query: { q: { track_id: id } } });
    expect(votes.json).toHaveLength(2);
    expect(votes.json.map((v: { stars: number }) => v.stars).sort()).toEqual([2, 5]);
  });

  it('keeps 20 concurrent votes from different members exact', async () => {
    const id = await newTrack();
    const voters = await members(20);
    const stars = voters.map((_, i) => (i % 5) + 1);
    const answers = await Promise.all(voters.map((t, i) => rate(t, { track_id: id, stars: stars[i] })));
    expect(answers.map((a) => a.status)).toEqual(voters.map(() => 200));
    const expected = stars.reduce((a, b) => a + b, 0) / stars.length;
    const stored = await track(id);
    expect(stored.rating_count).toBe(20);
    expect(stored.average_rating).toBeCloseTo(expected, 10);
    // Every answer saw a consistent state: counts 1..20, each exactly once.
    expect(answers.map((a) => a.json.rating_count).sort((a, b) => a - b)).toEqual(stars.map((_, i) => i + 1));
    // The same members again, concurrently, with new votes: still 20 votes.
    const changed = await Promise.all(voters.map((t) => rate(t, { track_id: id, stars: 5 })));
    expect(changed.every((a) => a.status === 200)).toBe(true);
    expect(await track(id)).toMatchObject({ rating_count: 20, average_rating: 5 });
  });

  it('counts the votes a legacy track had before its first TrackRating', async () => {
    const id = await newTrack({ average_rating: 4, rating_count: 10 });
    expect((await rate(token.dj, { track_id: id, stars: 1 })).json).toMatchObject({ rating_count: 11, average_rating: 41 / 11 });
    expect((await rate(token.dj, { track_id: id, stars: 5 })).json).toMatchObject({ rating_count: 11, average_rating: 45 / 11 });
    expect((await rate(token.stranger, { track_id: id, stars: 3 })).json).toMatchObject({ rating_count: 12, average_rating: 48 / 12 });
    expect(await track(id)).toMatchObject({ legacy_rating_count: 10, legacy_rating_sum: 40 });
  });

  it('refuses bad input, unknown and unrated-able tracks with clear 4xx', async () => {
    const id = await newTrack();
    for (const body of [{ track_id: id, stars: 6 }, { track_id: id, stars: 0 }, { track_id: id, stars: 2.5 },
      { track_id: id, stars: '4' }, { track_id: id }, { stars: 3 }, { track_id: id, stars: 3, extra: 1 }, [1]]) {
      const answer = await rate(token.dj, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    expect((await rate(token.dj, { track_id: 'nope', stars: 3 })).status).toBe(404);
    const pending = await newTrack({ status: 'pending' });
    // Someone else's pending track is invisible; one's own is there but cannot be rated.
    expect((await rate(token.dj, { track_id: pending, stars: 3 })).status).toBe(404);
    expect((await rate(token.producer, { track_id: pending, stars: 3 })).status).toBe(409);
    expect((await api.call('POST', '/functions/rateTrack', { body: { track_id: id, stars: 3 } })).status).toBe(401);
    expect((await api.call('POST', '/functions/constructor', { token: token.dj, body: {} })).status).toBe(404);
    expect((await track(id)).rating_count ?? 0).toBe(0);
  });
});

describe('TrackRating access', () => {
  it('lets members read only their own votes, and change them only through the function', async () => {
    const id = await newTrack();
    await rate(token.dj, { track_id: id, stars: 4 });
    await rate(token.stranger, { track_id: id, stars: 2 });
    const mine = await api.call('GET', '/entities/TrackRating', { token: token.dj, query: { q: { track_id: id } } });
    expect(mine.json).toHaveLength(1);
    expect(mine.json[0]).toMatchObject({ user_id: userId.dj, stars: 4 });
    const theirs = (await api.call('GET', '/entities/TrackRating', { token: token.stranger, query: { q: { track_id: id } } })).json[0];
    expect((await api.call('GET', `/entities/TrackRating/${theirs.id}`, { token: token.dj })).status).toBe(403);

    const forged = await api.call('POST', '/entities/TrackRating', { token: token.dj, body: { track_id: id, user_id: userId.dj, stars: 5 } });
    expect(forged.status).toBe(403);
    const bumped = await api.call('PUT', `/entities/TrackRating/${mine.json[0].id}`, { token: token.dj, body: { stars: 5 } });
    expect(bumped.status).toBe(403);
    const many = await api.call('PATCH', '/entities/TrackRating/update-many', { token: token.dj, body: { query: { track_id: id }, data: { $set: { stars: 5 } } } });
    expect(many.status).toBe(403);
    expect((await api.call('DELETE', `/entities/TrackRating/${mine.json[0].id}`, { token: token.dj })).status).toBe(403);
    expect(await track(id)).toMatchObject({ rating_count: 2, average_rating: 3 });
  });

  it('refuses a second vote record for the same member and track, even from an admin', async () => {
    const id = await newTrack();
    await rate(token.dj, { track_id: id, stars: 4 });
    const duplicate = await api.call('POST', '/entities/TrackRating', { token: token.admin, body: { track_id: id, user_id: userId.dj, stars: 1 } });
    expect(duplicate.status).toBe(409);
  });

  it('does not let a producer award their own track a rating', async () => {
    const created = await api.call('POST', '/entities/Track', { token: token.producer, body: { title: 'Mine', average_rating: 5, rating_count: 100 } });
    expect(created.status).toBe(403);
    const own = await api.call('POST', '/entities/Track', { token: token.producer, body: { title: 'Mine' } });
    expect(own.status).toBe(201);
    const bumped = await api.call('PUT', `/entities/Track/${own.json.id}`, { token: token.producer, body: { average_rating: 5 } });
    expect(bumped.status).toBe(403);
  });
});

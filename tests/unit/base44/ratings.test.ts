import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Base44Error } from '@/lib/base44/errors';
import { backendCall, createMembers, startEmbeddedWithDemoMembers, type SignedInMember } from './support/embedded';

// Ratings through the adapter: the rateTrack function of the embedded backend, the caller's own
// vote read back, and the catalogue cache showing the new average at once.

let env!: Awaited<ReturnType<typeof startEmbeddedWithDemoMembers>>;
let dj!: SignedInMember;
let producer!: SignedInMember;
let admin = '';

beforeAll(async () => {
  env = await startEmbeddedWithDemoMembers();
  ({ dj, producer } = env);
  admin = env.admin.token;
});
afterAll(() => env.close());

async function newTrack(fields: Record<string, unknown> = {}): Promise<string> {
  const created = await backendCall(env.backend, 'POST', '/entities/Track', admin, {
    title: 'To rate', producer_id: producer.id, status: 'approved', ...fields,
  });
  expect(created.status).toBe(201);
  return created.json.id;
}

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: unknown) => (e instanceof Base44Error ? e.code : String(e)));

describe('rating a track', () => {
  it('starts unrated, takes one vote per member, and a re-rate changes the average, not the count', async () => {
    const { base44 } = env;
    const id = await newTrack();
    // Not the producer: nobody rates their own track (issue #16).
    const [rater] = await createMembers(env.backend, admin, 1, 'rater');
    await expect(base44.getTrackRating(dj.token, dj.id, id)).resolves.toEqual({ myRating: null, averageRating: null, ratingCount: 0 });
    // The track is now in the shared cache; rating must not leave its old average there.
    await expect(base44.rateTrack(dj.token, id, 4)).resolves.toEqual({ myRating: 4, averageRating: 4, ratingCount: 1 });
    await expect(base44.getTrackRating(dj.token, dj.id, id)).resolves.toEqual({ myRating: 4, averageRating: 4, ratingCount: 1 });
    await expect(base44.rateTrack(rater!.token, id, 1)).resolves.toEqual({ myRating: 1, averageRating: 2.5, ratingCount: 2 });
    await expect(base44.rateTrack(dj.token, id, 5)).resolves.toEqual({ myRating: 5, averageRating: 3, ratingCount: 2 });
    await expect(base44.getTrackRating(rater!.token, rater!.id, id)).resolves.toEqual({ myRating: 1, averageRating: 3, ratingCount: 2 });
    await expect(base44.getTrack(dj.token, id)).resolves.toMatchObject({ averageRating: 3, ratingCount: 2 });
    const catalogue = await base44.listCatalogue(dj.token);
    expect(catalogue.tracks.find((t) => t.id === id)).toMatchObject({ averageRating: 3, ratingCount: 2 });
  });

  it('keeps 20 concurrent votes from 20 members exact', async () => {
    const { base44 } = env;
    const id = await newTrack();
    const voters = await createMembers(env.backend, admin, 20, 'voter');
    const stars = voters.map((_, i) => ((i * 3) % 5) + 1);
    const results = await Promise.all(voters.map((v, i) => base44.rateTrack(v.token, id, stars[i]!)));
    expect(results.map((r) => r.ratingCount).sort((a, b) => a - b)).toEqual(voters.map((_, i) => i + 1));
    const expected = stars.reduce((a, b) => a + b, 0) / 20;
    const rating = await base44.getTrackRating(voters[7]!.token, voters[7]!.id, id);
    expect(rating.ratingCount).toBe(20);
    expect(rating.averageRating).toBeCloseTo(expected, 10);
    expect(rating.myRating).toBe(stars[7]);
    const votes = await backendCall(env.backend, 'GET', `/entities/TrackRating?q=${encodeURIComponent(JSON.stringify({ track_id: id }))}`, admin);
    expect(votes.json).toHaveLength(20);
    expect(new Set(votes.json.map((v: { user_id: string }) => v.user_id)).size).toBe(20);
  });

  it('refuses a track that is not there or not approved, and stars out of range', async () => {
    const { base44 } = env;
    expect(await codeOf(base44.rateTrack(dj.token, 'no-such-track', 3))).toBe('not_found');
    const pending = await newTrack({ status: 'pending' });
    expect(await codeOf(base44.rateTrack(dj.token, pending, 3))).toBe('not_found');
    expect(await codeOf(base44.rateTrack(producer.token, pending, 3))).toBe('conflict');
    const id = await newTrack();
    expect(await codeOf(base44.rateTrack(dj.token, id, 6))).toBe('bad_request');
    await expect(base44.getTrackRating(dj.token, dj.id, id)).resolves.toEqual({ myRating: null, averageRating: null, ratingCount: 0 });
  });

  it('refuses the producer’s own track: forbidden, with a message the track page shows, no vote stored (issue #16)', async () => {
    const { base44 } = env;
    const id = await newTrack();
    const refused = await base44.rateTrack(producer.token, id, 5).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(Base44Error);
    expect(refused).toMatchObject({ code: 'forbidden', status: 403, message: expect.stringMatching(/cannot rate your own track/) });
    await expect(base44.getTrackRating(producer.token, producer.id, id)).resolves.toEqual({ myRating: null, averageRating: null, ratingCount: 0 });
  });
});

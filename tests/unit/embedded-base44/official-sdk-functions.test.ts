import { createClient } from '@base44/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startEmbeddedServer, type EmbeddedServer } from '../../../lib/embedded-base44';
import { APP_ID, tempDir } from './support';

// The official SDK, unchanged, calling the app's functions (issue #16): a hosted-app client reads
// recordSession's and rateTrack's refusals as Base44Errors with the status, code and details.
let server: EmbeddedServer;
let removeDir: () => void;

beforeAll(async () => {
  const dir = tempDir('embedded-base44-sdk-fn-');
  removeDir = dir.remove;
  server = await startEmbeddedServer({ dataDir: dir.dir, port: 0, seed: { trackCount: 8 } });
});
afterAll(async () => {
  await server.close();
  removeDir();
});

async function signedIn(email: string) {
  const base44 = createClient({ serverUrl: server.url, appId: APP_ID, analytics: { enabled: false } });
  const { user } = await base44.auth.loginViaEmailPassword(email, DEMO_PASSWORD);
  return { base44, user };
}

/** The SDK's functions client rejects with its HTTP error: the status and the body the function answered. */
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: { status?: number; response?: { status: number; data: Record<string, unknown> } }) => ({
      status: error.response?.status ?? error.status,
      ...(error.response?.data ?? {}),
    }),
  );

describe('@base44/sdk: the anti-farming refusals of the app functions', () => {
  it('recordSession: one set per stretch of time (409 overlapping_set with the other set), none in the future (400 set_in_future)', async () => {
    const { base44 } = await signedIn('dj@spynners.local');
    const [track] = (await base44.entities.Track!.filter({ status: 'approved', is_vip: false }, '-created_date', 1)) as Array<{ id: string }>;
    const set = (key: string) => ({
      idempotency_key: key, venue: 'SDK Club', city: 'Lyon', country: 'France',
      started_at: '2026-10-10T22:00:00.000Z', ended_at: '2026-10-11T01:00:00.000Z',
      tracks: [{ track_id: track!.id, played_at: '2026-10-10T23:00:00.000Z' }],
    });
    const first = (await base44.functions.invoke('recordSession', set('sdk-key-0001'))) as { data: { session_mix: { id: string }; black_diamonds_awarded: number } };
    expect(first.data.black_diamonds_awarded).toBe(1);
    const again = await failureOf(base44.functions.invoke('recordSession', set('sdk-key-0002')));
    expect(again).toMatchObject({ status: 409, code: 'overlapping_set', other_set_id: first.data.session_mix.id, other_set: { venue: 'SDK Club' } });
    const future = await failureOf(base44.functions.invoke('recordSession', { ...set('sdk-key-0003'), started_at: '2099-01-01T22:00:00.000Z', ended_at: '2099-01-02T01:00:00.000Z', tracks: [] }));
    expect(future).toMatchObject({ status: 400, code: 'set_in_future' });
    // Earlier the same UTC day, not overlapping: recorded, but one diamond a day and one credit per track a day.
    const morning = (await base44.functions.invoke('recordSession', {
      ...set('sdk-key-0004'), started_at: '2026-10-10T05:00:00.000Z', ended_at: '2026-10-10T06:00:00.000Z',
      tracks: [{ track_id: track!.id, played_at: '2026-10-10T05:30:00.000Z' }],
    })) as { data: Record<string, unknown> };
    expect(morning.data).toMatchObject({
      black_diamonds_awarded: 0, diamond_withheld_reason: 'daily_limit', notifications_sent: 0,
      session_tracks: [{ track_id: track!.id, credited: false, uncredited_reason: 'repeat' }],
    });
  });

  it('rateTrack: the producer of a track gets 403 own_track', async () => {
    const { base44, user } = await signedIn('producer@spynners.local');
    const [own] = (await base44.entities.Track!.filter({ producer_id: user.id, status: 'approved' }, '-created_date', 1)) as Array<{ id: string }>;
    expect(own).toBeDefined();
    const refused = await failureOf(base44.functions.invoke('rateTrack', { track_id: own!.id, stars: 5 }));
    expect(refused).toMatchObject({ status: 403, code: 'own_track', message: 'You cannot rate your own track' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOCK_SKEW_MS, overlaps } from '../../../lib/embedded-base44/functions/set-rules';
import { startTestBackend, type TestBackend } from './support';

// The demo data obeys the anti-farming rules it would meet through recordSession (issue #16): no
// DJ's seeded sets overlap, none ends after the seed ran, no play of one's own track is credited,
// and the demo DJ can still record a set tonight.

type Row = Record<string, unknown> & { id: string };
let api: TestBackend;
let admin: string;
let seededAt: number;

beforeAll(async () => {
  api = await startTestBackend({ seed: true });
  seededAt = Date.now();
  admin = await api.login('admin@spynners.local');
}, 60_000);
afterAll(() => api.close());

const all = async (entity: string) => (await api.call('GET', `/entities/${entity}`, { token: admin, query: { limit: '5000', sort: 'created_date' } })).json as Row[];
const span = (mix: Row) => ({ start: Date.parse(String(mix.started_at)), end: Date.parse(String(mix.ended_at)) });

describe('demo sets', () => {
  it('never overlap for one DJ and never end in the future', async () => {
    const mixes = await all('SessionMix');
    expect(mixes.length).toBeGreaterThan(2);
    for (const mix of mixes) expect(span(mix).end).toBeLessThanOrEqual(seededAt + CLOCK_SKEW_MS);
    for (const [i, a] of mixes.entries()) {
      for (const b of mixes.slice(i + 1)) {
        if (a.dj_id === b.dj_id) expect(overlaps(span(a), span(b)), `${a.id} / ${b.id}`).toBe(false);
      }
    }
  });

  it('credit no play of a DJ’s own track', async () => {
    const plays = await all('SessionTrack');
    expect(plays.length).toBeGreaterThan(0);
    for (const play of plays.filter((p) => p.producer_id === p.dj_id)) expect(play.credited).toBe(false);
  });

  it('leave tonight free: the demo DJ records a set now', async () => {
    const dj = await api.login('dj@spynners.local');
    const now = Date.now();
    const answer = await api.call('POST', '/functions/recordSession', {
      token: dj,
      body: { idempotency_key: `tonight-${now}`, venue: 'Club Orbit', city: 'Lyon', country: 'France', started_at: new Date(now - 3_600_000).toISOString(), ended_at: new Date(now).toISOString(), tracks: [] },
    });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  });
});

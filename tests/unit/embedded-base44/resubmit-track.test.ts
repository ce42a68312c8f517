import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from './support';

// The resubmitTrack function: a producer gives their own pending or rejected track new audio and
// sends it back to review; status and rejection are admin-only fields, so this is their only way.

let api!: TestBackend;
const token: Record<'producer' | 'stranger' | 'dj' | 'admin', string> = { producer: '', stranger: '', dj: '', admin: '' };
let producerId = '';

beforeAll(async () => {
  api = await startTestBackend();
  const emails = { producer: 'producer@spynners.local', stranger: 'producer2@spynners.local', dj: 'dj@spynners.local', admin: 'admin@spynners.local' };
  for (const who of Object.keys(emails) as (keyof typeof emails)[]) token[who] = await api.login(emails[who]);
  producerId = (await api.call('GET', '/entities/User/me', { token: token.producer })).json.id;
});
afterAll(() => api.close());

const resubmit = (who: string, body: unknown) => api.call('POST', '/functions/resubmitTrack', { token: who, body });

async function newTrack(fields: Record<string, unknown>): Promise<string> {
  const answer = await api.call('POST', '/entities/Track', {
    token: token.admin,
    body: { title: 'Take', producer_id: producerId, audio_url: 'https://files.test/old.mp3', duration: 200, ...fields },
  });
  expect(answer.status, JSON.stringify(answer.json)).toBe(201);
  return answer.json.id;
}

const stored = async (id: string) => (await api.call('GET', `/entities/Track/${id}`, { token: token.admin })).json;

describe('resubmitTrack', () => {
  it('stores the new audio and sends a rejected track back to review, its rejection cleared', async () => {
    const id = await newTrack({ status: 'rejected', rejection_reason: 'Clipping', rejected_at: '2025-11-01T10:00:00.000Z' });
    const answer = await resubmit(token.producer, { track_id: id, audio_url: 'https://files.test/new.mp3', duration: 215.5 });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    expect(await stored(id)).toMatchObject({
      status: 'pending', rejection_reason: null, rejected_at: null, audio_url: 'https://files.test/new.mp3', duration: 215.5, title: 'Take',
    });
  });

  it('a pending track gets new audio and stays pending', async () => {
    const id = await newTrack({ status: 'pending' });
    expect((await resubmit(token.producer, { track_id: id, audio_url: 'https://files.test/v2.mp3' })).status).toBe(200);
    expect(await stored(id)).toMatchObject({ status: 'pending', audio_url: 'https://files.test/v2.mp3', duration: null });
  });

  it('refuses an approved track (409), someone else’s (403/404), and any other input (400): nothing changes', async () => {
    const approved = await newTrack({ status: 'approved' });
    const answer = await resubmit(token.producer, { track_id: approved, audio_url: 'https://files.test/x.mp3' });
    expect(answer.status).toBe(409);
    expect(answer.json.code).toBe('track_approved');
    expect((await resubmit(token.stranger, { track_id: approved, audio_url: 'https://files.test/x.mp3' })).status).toBe(403);
    expect((await resubmit(token.dj, { track_id: approved, audio_url: 'https://files.test/x.mp3' })).status).toBe(403);
    expect(await stored(approved)).toMatchObject({ status: 'approved', audio_url: 'https://files.test/old.mp3' });

    const rejected = await newTrack({ status: 'rejected', rejection_reason: 'Too quiet' });
    expect((await resubmit(token.stranger, { track_id: rejected, audio_url: 'https://files.test/x.mp3' })).status).toBe(404);
    expect((await resubmit(token.producer, { track_id: rejected, audio_url: 'https://files.test/x.mp3', status: 'approved' })).status).toBe(400);
    expect((await resubmit(token.producer, { track_id: rejected })).status).toBe(400);
    expect(await stored(rejected)).toMatchObject({ status: 'rejected', rejection_reason: 'Too quiet', audio_url: 'https://files.test/old.mp3' });
  });

  it('the producer still cannot move status or rejection by a plain update', async () => {
    const id = await newTrack({ status: 'rejected', rejection_reason: 'Clipping' });
    const answer = await api.call('PUT', `/entities/Track/${id}`, { token: token.producer, body: { status: 'pending', rejection_reason: null } });
    expect(answer.status).toBe(403);
    expect(await stored(id)).toMatchObject({ status: 'rejected', rejection_reason: 'Clipping' });
  });
});

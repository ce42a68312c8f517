import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E } from './support/servers';
import { signInThroughApi, uniqueEmail } from './support/auth';
import { id3, mp3, png, type Fixture } from './support/audio-fixtures';

// Issue #18: a rejected track gets new audio and goes back to review (its reason cleared), through
// the same upload route and checks as a new track; an approved track's audio stays as DJs know it.

interface Track { id: string; title: string; status: string; rejectionReason: string | null; audioUrl: string | null }
interface ApiError { error: { code: string; message: string } }

const API = `${E2E.backendUrl}/api/apps/${E2E.appId}`;

function sendJson(request: APIRequestContext, url: string, body: unknown, origin: string = E2E.consoleUrl) {
  return request.post(url, { headers: { Origin: origin, 'Content-Type': 'application/json' }, data: Buffer.from(JSON.stringify(body)) });
}

async function receiptOf(request: APIRequestContext, kind: 'audio' | 'artwork', file: Fixture): Promise<string> {
  const res = await request.post(`/api/uploads?kind=${kind}`, { headers: { Origin: E2E.consoleUrl }, multipart: { file } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { receipt: string }).receipt;
}

async function member(playwright: typeof import('@playwright/test')['request'], userType: 'producer' | 'dj') {
  const context = await playwright.newContext({ baseURL: E2E.consoleUrl });
  await signInThroughApi(context, uniqueEmail(`replace-${userType}`), 'correct-horse-42', 'signup', {
    fullName: 'Replace Tester', artistName: 'Replace Tester', userType, acceptTerms: 'true',
  });
  return context;
}

async function backendToken(request: APIRequestContext, email: string): Promise<string> {
  const login = await request.post(`${API}/auth/login`, { data: { email, password: E2E.demoPassword } });
  return ((await login.json()) as { access_token: string }).access_token;
}

/** The admin's review, straight on the backend (the admin screens have their own specs). */
async function review(request: APIRequestContext, id: string, change: Record<string, unknown>) {
  const token = await backendToken(request, 'admin@spynners.local');
  const res = await request.put(`${API}/entities/Track/${id}`, { headers: { Authorization: `Bearer ${token}` }, data: change });
  expect(res.status()).toBe(200);
}

async function storedTrack(request: APIRequestContext, id: string) {
  const token = await backendToken(request, 'admin@spynners.local');
  return (await (await request.get(`${API}/entities/Track/${id}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as Record<string, unknown>;
}

async function newTrack(producer: APIRequestContext, title: string, audio: Fixture): Promise<Track> {
  const res = await sendJson(producer, '/api/my-tracks', {
    title, artist: 'Replace Tester', genre: 'Techno', bpm: 128, isUnreleased: false, vipRequested: false,
    rightsConfirmed: true, freeDownloadAuthorized: false, audio: await receiptOf(producer, 'audio', audio), durationSeconds: 4,
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as Track;
}

async function audioBytes(request: APIRequestContext, track: Track): Promise<Buffer> {
  const mine = (await (await request.get('/api/my-tracks')).json()) as Track[];
  const url = mine.find((t) => t.id === track.id)!.audioUrl!;
  return Buffer.from(await (await request.get(url)).body());
}

test.describe('Replacing the audio of a rejected or pending track', () => {
  test('API: a rejected track gets new audio and goes back to review, its rejection cleared', async ({ playwright, request }) => {
    const producer = await member(playwright.request, 'producer');
    const first = await mp3('first.mp3', 128, 4, id3({ TIT2: 'First Take' }));
    const second = await mp3('second.mp3', 126, 5, id3({ TIT2: 'Second Take' }));
    const track = await newTrack(producer, 'Clipped Take', first);
    await review(request, track.id, { status: 'rejected', rejection_reason: 'Clipping on the master', rejected_at: new Date().toISOString() });

    const res = await sendJson(producer, `/api/my-tracks/${track.id}/audio`, { audio: await receiptOf(producer, 'audio', second), durationSeconds: 5 });
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ id: track.id, status: 'pending', rejectionReason: null });
    expect(Buffer.compare(await audioBytes(producer, track), second.buffer)).toBe(0);
    expect(await storedTrack(request, track.id)).toMatchObject({ status: 'pending', rejection_reason: null, rejected_at: null, duration: 5, title: 'Clipped Take' });

    // Still pending: the producer may replace it again before the review.
    const again = await sendJson(producer, `/api/my-tracks/${track.id}/audio`, { audio: await receiptOf(producer, 'audio', first) });
    expect(again.status()).toBe(200);
    expect(Buffer.compare(await audioBytes(producer, track), first.buffer)).toBe(0);
    await producer.dispose();
  });

  test('API: an approved track, another producer’s, a DJ, a forged status or receipt are all refused, and nothing changes', async ({ playwright, request }) => {
    const owner = await member(playwright.request, 'producer');
    const original = await mp3('original.mp3', 124, 4, id3({ TIT2: 'Original' }));
    const track = await newTrack(owner, 'Guarded Take', original);
    const ownAudio = await receiptOf(owner, 'audio', await mp3('new.mp3', 122, 4, id3({ TIT2: 'New' })));
    const url = `/api/my-tracks/${track.id}/audio`;

    // Another producer, with a genuine receipt of their own.
    const other = await member(playwright.request, 'producer');
    const theirs = await sendJson(other, url, { audio: await receiptOf(other, 'audio', await mp3('theirs.mp3', 120, 4, id3({ TIT2: 'Theirs' }))) });
    expect(theirs.status()).toBe(403);
    // The owner's receipt in another producer's hands is no receipt at all.
    expect((await sendJson(other, url, { audio: ownAudio })).status()).toBe(400);
    // A DJ.
    const dj = await member(playwright.request, 'dj');
    expect((await sendJson(dj, url, { audio: ownAudio })).status()).toBe(403);
    // Forged fields, an artwork receipt, no receipt, another site.
    const forged = await sendJson(owner, url, { audio: ownAudio, status: 'approved' });
    expect(forged.status()).toBe(400);
    expect(((await forged.json()) as ApiError).error.code).toBe('invalid_input');
    expect((await sendJson(owner, url, { audio: await receiptOf(owner, 'artwork', { name: 'c.png', mimeType: 'image/png', buffer: png() }) })).status()).toBe(400);
    expect((await sendJson(owner, url, {})).status()).toBe(400);
    expect((await sendJson(owner, url, { audio: ownAudio }, 'https://evil.example')).status()).toBe(403);
    expect(await storedTrack(request, track.id)).toMatchObject({ status: 'pending', title: 'Guarded Take' });
    expect(Buffer.compare(await audioBytes(owner, track), original.buffer)).toBe(0);

    // Approved: the audio DJs play and download is not replaced, by the console or the backend.
    await review(request, track.id, { status: 'approved' });
    const approved = await sendJson(owner, url, { audio: ownAudio });
    expect(approved.status()).toBe(409);
    expect(((await approved.json()) as ApiError).error.message).toMatch(/approved track’s audio cannot be replaced/);
    // Approved, so visible to another producer, and still not theirs.
    expect((await sendJson(other, url, { audio: await receiptOf(other, 'audio', original) })).status()).toBe(403);
    expect(await storedTrack(request, track.id)).toMatchObject({ status: 'approved' });
    expect(Buffer.compare(await audioBytes(owner, track), original.buffer)).toBe(0);

    // The backend function holds the same line for any caller of its own (another producer, an approved track).
    const otherToken = await backendToken(request, 'producer2@spynners.local');
    const direct = await request.post(`${API}/functions/resubmitTrack`, {
      headers: { Authorization: `Bearer ${otherToken}` }, data: { track_id: track.id, audio_url: 'https://evil.example/x.mp3' },
    });
    expect([403, 404]).toContain(direct.status());
    await Promise.all([owner.dispose(), other.dispose(), dj.dispose()]);
  });

  test('UI: from My tracks, a rejected track gets a new file (a non-audio one is refused at once) and is pending again', async ({ page, request }) => {
    await signInThroughApi(page.request, uniqueEmail('replace-ui'), 'correct-horse-42', 'signup', {
      fullName: 'Replace UI', artistName: 'Replace UI', userType: 'producer', acceptTerms: 'true',
    });
    const rejected = await newTrack(page.request, 'Needs Work', await mp3('work.mp3', 128, 4, id3({ TIT2: 'Work' })));
    const approved = await newTrack(page.request, 'All Good', await mp3('good.mp3', 128, 4, id3({ TIT2: 'Good' })));
    await review(request, rejected.id, { status: 'rejected', rejection_reason: 'Too quiet: master it louder' });
    await review(request, approved.id, { status: 'approved' });
    const uploads: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/uploads')) uploads.push(r.url());
    });

    await page.goto('/my-tracks');
    const row = page.locator(`[data-testid="my-track-row"][data-track-id="${rejected.id}"]`);
    await expect(row.getByTestId('rejection-reason')).toHaveText('Too quiet: master it louder');
    await expect(page.locator(`[data-testid="my-track-row"][data-track-id="${approved.id}"]`).getByRole('button', { name: /Replace audio/ })).toHaveCount(0);
    await row.getByRole('button', { name: 'Replace audio of Needs Work' }).click();
    const dialog = page.getByRole('dialog', { name: /Replace the audio of/ });
    await expect(dialog).toContainText('Too quiet: master it louder');

    let chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose an audio file' }).click();
    await (await chooser).setFiles({ name: 'notes.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from('just some notes, not audio\n') });
    await expect(dialog.getByTestId('replace-audio-error')).toContainText('not an audio file we accept');
    expect(uploads).toEqual([]);

    const louder = await mp3('louder.mp3', 128, 5, id3({ TIT2: 'Louder' }));
    chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose another file' }).click();
    await (await chooser).setFiles({ name: louder.name, mimeType: louder.mimeType, buffer: louder.buffer });
    await expect(dialog.getByTestId('replace-audio-done')).toContainText('pending review');
    expect(uploads).toHaveLength(1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(row.getByTestId('track-status')).toHaveText('Pending review');
    await expect(row.getByTestId('rejection-reason')).toHaveCount(0);
    expect(Buffer.compare(await audioBytes(page.request, rejected), louder.buffer)).toBe(0);
  });
});

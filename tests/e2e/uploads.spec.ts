import { expect, test, type Locator, type Page } from '@playwright/test';
import { E2E } from './support/servers';
import { signInThroughApi, uniqueEmail } from './support/auth';
import { id3, mp3, png, wav, type Fixture } from './support/audio-fixtures';

// A producer's desktop upload: three files dropped at once, tags read in the browser, BPM estimated
// where the tags lack it, one field fixed, progress to the end, and the tracks pending in My tracks.

interface Track { id: string; title: string; artist: string; status: string; genre: string; bpm: number | null; key: string | null; isrc: string | null; labelName: string | null; artworkUrl: string | null; audioUrl: string | null; durationSeconds: number | null; rightsConfirmed: boolean }

async function signUpProducer(page: Page, artistName = 'E2E Producer'): Promise<void> {
  await signInThroughApi(page.request, uniqueEmail('producer'), 'correct-horse-42', 'signup', {
    fullName: 'E2E Producer Person', artistName, userType: 'producer', acceptTerms: 'true',
  });
}

/** Drops files on the drop zone as a desktop drag and drop does (a DataTransfer with Files). */
async function dropFiles(page: Page, files: Fixture[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name, { type: file.mimeType }));
    }
    return transfer;
  }, files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: f.buffer.toString('base64') })));
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
}

const card = (page: Page, file: string): Locator => page.locator(`[data-testid="upload-card"][data-file="${file}"]`);
const field = (scope: Locator, label: string) => scope.getByLabel(label, { exact: true });

test.describe('Producer uploads', () => {
  test('three files at once: tags pre-filled, BPM estimated, one field fixed, progress complete, pending in My tracks', async ({ page }) => {
    test.setTimeout(120_000);
    const cover = png(16, 16, [240, 80, 40]);
    const tagged = await mp3('night-signal.mp3', 128, 20, id3({
      TIT2: 'Night Signal', TPE1: 'Tag Artist', TALB: 'Signals EP', TCON: 'Techno', TBPM: '128', TKEY: 'Am',
      TSRC: 'FRZ032500077', TPUB: 'Spynners Test Records',
    }, cover));
    const untimed = await mp3('no-bpm-tag.mp3', 124, 20, id3({ TIT2: 'Groove Without Tempo', TPE1: 'Tag Artist', TCON: 'Tech House' }));
    const plain = wav('warehouse_loop.wav', 126, 12);

    await signUpProducer(page);
    await page.goto('/upload');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Upload' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Upload tracks' })).toBeVisible();
    await dropFiles(page, [tagged, untimed, plain]);
    await expect(page.getByTestId('upload-card')).toHaveCount(3);

    // Tags read in the browser fill the form.
    const a = card(page, 'night-signal.mp3');
    await expect(field(a, 'Title')).toHaveValue('Night Signal');
    await expect(field(a, 'Artist / producer name')).toHaveValue('Tag Artist');
    await expect(field(a, 'Genre')).toHaveValue('Techno');
    await expect(field(a, 'BPM')).toHaveValue('128');
    await expect(a.getByText('From the file\'s tags')).toBeVisible();
    await expect(field(a, 'Key (Camelot)')).toHaveValue('8A');
    await expect(field(a, 'ISRC')).toHaveValue('FRZ032500077');
    await expect(field(a, 'Label')).toHaveValue('Spynners Test Records');
    await expect(a.getByTestId('tag-summary')).toContainText('Album: Signals EP');
    await expect(a.getByTestId('tag-summary')).toContainText('artwork from tags');
    await expect(a.getByRole('img', { name: /Artwork of/ })).toBeVisible();

    // No BPM tag: estimated from the audio in a worker.
    const b = card(page, 'no-bpm-tag.mp3');
    await expect(field(b, 'Title')).toHaveValue('Groove Without Tempo');
    await expect(field(b, 'Genre')).toHaveValue('Tech House');
    await expect(b.getByText('Estimated from the audio: check it')).toBeVisible({ timeout: 30_000 });
    expect(Math.abs(Number(await field(b, 'BPM').inputValue()) - 124)).toBeLessThanOrEqual(1);

    // A WAV without tags: title from its name, artist from the producer's profile, BPM estimated.
    const c = card(page, 'warehouse_loop.wav');
    await expect(field(c, 'Title')).toHaveValue('warehouse loop');
    await expect(field(c, 'Artist / producer name')).toHaveValue('E2E Producer');
    await expect(field(c, 'Genre')).toHaveValue('');
    await expect(c.getByText('Estimated from the audio: check it')).toBeVisible({ timeout: 30_000 });
    expect(Math.abs(Number(await field(c, 'BPM').inputValue()) - 126)).toBeLessThanOrEqual(1);

    // Every upload completes: per file and overall.
    for (const item of [a, b, c]) await expect(item.getByTestId('transfer-audio')).toHaveAttribute('data-status', 'done');
    await expect(a.getByTestId('transfer-cover')).toHaveAttribute('data-status', 'done');
    await expect(page.getByTestId('overall-progress')).toContainText('3 of 3 uploaded');
    await expect(page.getByRole('progressbar', { name: 'All uploads' })).toHaveAttribute('value', '100');

    // Sending with a missing genre and unticked rights is refused by the shared schema, field by field.
    await page.getByRole('button', { name: 'Send 3 tracks for review' }).click();
    await expect(page.getByRole('status').filter({ hasText: '3 tracks need a fix' })).toBeVisible();
    await expect(c.getByText('Choose a genre from the list')).toBeVisible();
    await expect(a.getByText('Confirm that you own or control the rights to this track')).toBeVisible();

    // Fix: a title, the WAV's genre, the rights.
    await field(a, 'Title').fill('Night Signal (Extended Mix)');
    await field(c, 'Genre').selectOption('Tech House');
    for (const item of [a, b, c]) await item.getByLabel('I own or control the rights to this track').check();
    await page.getByRole('button', { name: 'Send 3 tracks for review' }).click();
    for (const item of [a, b, c]) await expect(item).toHaveAttribute('data-submit', 'sent');
    await expect(page.getByText('Everything is sent for review.')).toBeVisible();

    // My tracks: all three pending, with what was sent.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My tracks' }).click();
    await expect(page.getByRole('heading', { name: 'My tracks' })).toBeVisible();
    const rows = page.getByTestId('my-track-row');
    await expect(rows).toHaveCount(3);
    for (const title of ['Night Signal (Extended Mix)', 'Groove Without Tempo', 'warehouse loop']) {
      const row = rows.filter({ hasText: title });
      await expect(row.getByTestId('track-status')).toHaveText('Pending review');
      await expect(row.getByRole('link', { name: `Stats of ${title}` })).toHaveAttribute('href', /^\/my-tracks\/[A-Za-z0-9_-]+$/);
    }
    const mine = (await (await page.request.get('/api/my-tracks')).json()) as Track[];
    const sent = mine.find((t) => t.title === 'Night Signal (Extended Mix)')!;
    expect(sent).toMatchObject({ status: 'pending', artist: 'Tag Artist', genre: 'Techno', bpm: 128, key: '8A', isrc: 'FRZ032500077', labelName: 'Spynners Test Records', rightsConfirmed: true });
    expect(sent.durationSeconds).toBeGreaterThan(19);
    const audio = await page.request.get(sent.audioUrl!);
    expect(audio.status()).toBe(200);
    expect(Buffer.compare(Buffer.from(await audio.body()), tagged.buffer)).toBe(0);
    const artwork = await page.request.get(sent.artworkUrl!);
    expect(Buffer.compare(Buffer.from(await artwork.body()), cover)).toBe(0);
    expect(mine.find((t) => t.title === 'warehouse loop')).toMatchObject({ genre: 'Tech House', artist: 'E2E Producer', artworkUrl: null });
  });

  test('a failed file is retried alone, a cancelled one is sent again, and the others are not re-sent', async ({ page }) => {
    const files = [
      await mp3('steady.mp3', 122, 8, id3({ TIT2: 'Steady', TCON: 'House', TBPM: '122' })),
      await mp3('flaky.mp3', 124, 8, id3({ TIT2: 'Flaky', TCON: 'House', TBPM: '124' })),
      await mp3('slow.mp3', 126, 8, id3({ TIT2: 'Slow', TCON: 'House', TBPM: '126' })),
    ];
    const sentBodies: string[] = [];
    let flakyFailures = 0;
    let releaseSlow: (() => void) | null = null;
    await page.route('**/api/uploads?kind=audio', async (route) => {
      const body = route.request().postDataBuffer()?.toString('latin1') ?? '';
      const name = /filename="([^"]+)"/.exec(body)?.[1] ?? '?';
      sentBodies.push(name);
      if (name === 'flaky.mp3' && flakyFailures === 0) {
        flakyFailures += 1;
        return route.abort('connectionreset');
      }
      if (name === 'slow.mp3' && sentBodies.filter((n) => n === 'slow.mp3').length === 1) {
        // Held until the test has cancelled it.
        await new Promise<void>((resolve) => { releaseSlow = resolve; });
        return route.abort('aborted').catch(() => undefined);
      }
      return route.continue();
    });

    await signUpProducer(page);
    await page.goto('/upload');
    await dropFiles(page, files);
    const steady = card(page, 'steady.mp3');
    const flaky = card(page, 'flaky.mp3');
    const slow = card(page, 'slow.mp3');
    await expect(steady.getByTestId('transfer-audio')).toHaveAttribute('data-status', 'done');
    await expect(flaky.getByTestId('transfer-audio')).toHaveAttribute('data-status', 'failed');
    await expect(flaky.getByText(/Failed: The upload was interrupted/)).toBeVisible();
    // A failed file counts as nothing sent: the bar is not full beside it.
    await expect(page.getByTestId('overall-progress')).toContainText(/^[01] of 3 uploaded, 1 failed/);
    expect(Number(await page.getByRole('progressbar', { name: 'All uploads' }).getAttribute('value'))).toBeLessThan(100);

    await expect(slow.getByTestId('transfer-audio')).toHaveAttribute('data-status', 'uploading');
    await slow.getByRole('button', { name: 'Cancel' }).click();
    await expect(slow.getByTestId('transfer-audio')).toHaveAttribute('data-status', 'cancelled');
    (releaseSlow as (() => void) | null)?.();

    await expect(page.getByTestId('overall-progress')).toContainText('1 of 3 uploaded, 2 failed');
    expect(Number(await page.getByRole('progressbar', { name: 'All uploads' }).getAttribute('value'))).toBeLessThan(100);
    await flaky.getByRole('button', { name: 'Retry' }).click();
    await expect(flaky.getByTestId('transfer-audio')).toHaveAttribute('data-status', 'done');
    await slow.getByRole('button', { name: 'Retry' }).click();
    await expect(slow.getByTestId('transfer-audio')).toHaveAttribute('data-status', 'done');
    expect(sentBodies.sort()).toEqual(['flaky.mp3', 'flaky.mp3', 'slow.mp3', 'slow.mp3', 'steady.mp3']);

    for (const item of [steady, flaky, slow]) await item.getByLabel('I own or control the rights to this track').check();
    await page.getByRole('button', { name: 'Send 3 tracks for review' }).click();
    for (const item of [steady, flaky, slow]) await expect(item).toHaveAttribute('data-submit', 'sent');
    const mine = (await (await page.request.get('/api/my-tracks')).json()) as Track[];
    expect(mine.map((t) => t.title).sort()).toEqual(['Flaky', 'Slow', 'Steady']);
  });

  test('a file that is not audio is refused at once: its reason, Remove, no form, no Retry, nothing sent', async ({ page }) => {
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/uploads')) sent.push(request.url());
    });
    const fake: Fixture = { name: 'not-really.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from('Track notes: not audio at all, whatever the name says.\n') };
    const good = await mp3('good-one.mp3', 120, 6, id3({ TIT2: 'Good One', TCON: 'House', TBPM: '120' }));

    await signUpProducer(page);
    await page.goto('/upload');
    await dropFiles(page, [fake, good]);
    const refused = card(page, 'not-really.mp3');
    await expect(refused.getByTestId('refusal')).toContainText('not an audio file we accept');
    await expect(refused.getByLabel('Title', { exact: true })).toHaveCount(0);
    await expect(refused.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    await expect(refused.getByRole('button')).toHaveText(['Remove']);

    const kept = card(page, 'good-one.mp3');
    await expect(kept.getByTestId('transfer-audio')).toHaveAttribute('data-status', 'done');
    await expect(page.getByTestId('overall-progress')).toContainText('1 of 1 uploaded, 1 refused');
    await expect(page.getByRole('progressbar', { name: 'All uploads' })).toHaveAttribute('value', '100');
    await expect(page.getByRole('button', { name: 'Send 1 track for review' })).toBeEnabled();
    // One upload went: the good file's (the refused one was never sent).
    expect(sent).toHaveLength(1);

    await refused.getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByTestId('upload-card')).toHaveCount(1);
    await expect(page.getByTestId('overall-progress')).toHaveText(/^1 of 1 uploaded\s*100%$/);
  });

  test('a file the server refuses (its content checked there too) gets the same: reason, Remove, no Retry', async ({ page }) => {
    await page.route('**/api/uploads?kind=audio', (route) =>
      route.fulfill({ status: 415, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unsupported_media_type', message: 'This file is not an audio file we accept' } }) }),
    );
    await signUpProducer(page);
    await page.goto('/upload');
    await dropFiles(page, [await mp3('refused-there.mp3', 120, 4, id3({ TIT2: 'Refused There' }))]);
    const item = card(page, 'refused-there.mp3');
    await expect(item.getByTestId('refusal')).toContainText('not an audio file we accept');
    await expect(item.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    await expect(item.getByLabel('Title', { exact: true })).toHaveCount(0);
    await expect(page.getByTestId('overall-progress')).toContainText('Nothing to upload, 1 refused');
    await expect(page.getByRole('button', { name: /^Send/ })).toBeDisabled();
  });

  test('"needs a fix" follows the forms on screen: a removed or fixed track leaves the count', async ({ page }) => {
    const files = [
      await mp3('first.mp3', 122, 4, id3({ TIT2: 'First', TCON: 'House', TBPM: '122' })),
      await mp3('second.mp3', 124, 4, id3({ TIT2: 'Second', TCON: 'House', TBPM: '124' })),
    ];
    await signUpProducer(page);
    await page.goto('/upload');
    await dropFiles(page, files);
    for (const name of ['first.mp3', 'second.mp3']) await expect(card(page, name).getByTestId('transfer-audio')).toHaveAttribute('data-status', 'done');
    await page.getByRole('button', { name: 'Send 2 tracks for review' }).click();
    const notice = page.locator('[role="status"]').filter({ hasText: /need/ });
    await expect(notice).toHaveText('2 tracks need a fix: see the highlighted fields');
    await card(page, 'second.mp3').getByRole('button', { name: 'Remove' }).click();
    await expect(notice).toHaveText('1 track needs a fix: see the highlighted fields');
    await expect(page.getByTestId('overall-progress')).toContainText('1 of 1 uploaded');
    await card(page, 'first.mp3').getByLabel('I own or control the rights to this track').check();
    await expect(notice).toHaveCount(0);
    await page.getByRole('button', { name: 'Send 1 track for review' }).click();
    await expect(card(page, 'first.mp3')).toHaveAttribute('data-submit', 'sent');
  });

  test('"Add artwork" works from the keyboard alone', async ({ page }) => {
    await signUpProducer(page);
    await page.goto('/upload');
    await dropFiles(page, [await mp3('bare.mp3', 120, 4, id3({ TIT2: 'Bare' }))]);
    const item = card(page, 'bare.mp3');
    const add = item.getByRole('button', { name: 'Add artwork' });
    // Reached with Tab from the control before it (the drop zone's picker), then Enter opens the picker.
    await page.getByRole('button', { name: 'Choose files' }).focus();
    await page.keyboard.press('Tab');
    await expect(add).toBeFocused();
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (await chooser).setFiles({ name: 'cover.png', mimeType: 'image/png', buffer: png(32, 32, [20, 200, 120]) });
    await expect(item.getByRole('img', { name: 'Artwork of Bare' })).toBeVisible();
    await expect(item.getByTestId('transfer-cover')).toHaveAttribute('data-status', 'done');
    await expect(item.getByRole('button', { name: 'Change artwork' })).toBeFocused();
  });

  test('My tracks: edit with the shared schema, delete, statuses and the rejection reason; keyboard on desktop', async ({ page }) => {
    await signInThroughApi(page.request, 'producer@spynners.local', E2E.demoPassword);
    const tagged = await mp3('to-edit.mp3', 125, 8, id3({ TIT2: 'Edit Me', TCON: 'House', TBPM: '125' }));
    await page.goto('/upload');
    await dropFiles(page, [tagged]);
    const item = card(page, 'to-edit.mp3');
    await item.getByLabel('I own or control the rights to this track').check();
    await expect(item.getByTestId('transfer-audio')).toHaveAttribute('data-status', 'done');
    await page.getByRole('button', { name: 'Send 1 track for review' }).click();
    await expect(item).toHaveAttribute('data-submit', 'sent');

    await page.goto('/my-tracks');
    const rows = page.getByTestId('my-track-row');
    await expect(rows.filter({ hasText: 'Edit Me' })).toHaveCount(1);
    await expect(rows.getByTestId('track-status').filter({ hasText: 'Approved' }).first()).toBeVisible();
    const rejected = rows.filter({ has: page.getByTestId('rejection-reason').filter({ hasText: 'Clipping on the master' }) });
    await expect(rejected.getByTestId('track-status')).toHaveText('Rejected');

    // Keyboard: the first row takes focus, arrows move, Enter opens the editor.
    await rows.first().focus();
    const editRowIndex = await rows.evaluateAll((els) => els.findIndex((el) => el.textContent?.includes('Edit Me')));
    for (let i = 0; i < editRowIndex; i++) await page.keyboard.press('ArrowDown');
    await expect(rows.nth(editRowIndex)).toBeFocused();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /Edit “Edit Me”|Edit "Edit Me"/ });
    await expect(dialog).toBeVisible();
    await field(dialog, 'BPM').fill('999');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog.getByText('BPM must be at most 250')).toBeVisible();
    await field(dialog, 'BPM').fill('126');
    await field(dialog, 'Title').fill('Edited Title');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toBeHidden();
    const edited = rows.filter({ hasText: 'Edited Title' });
    await expect(edited).toContainText('126');
    await expect(edited.getByTestId('track-status')).toHaveText('Pending review');

    // Delete from the keyboard, confirmed.
    await edited.focus();
    await page.keyboard.press('Delete');
    await page.getByRole('dialog', { name: /Delete/ }).getByRole('button', { name: 'Delete track' }).click();
    await expect(rows.filter({ hasText: 'Edited Title' })).toHaveCount(0);
    const mine = (await (await page.request.get('/api/my-tracks')).json()) as Track[];
    expect(mine.map((t) => t.title)).not.toContain('Edited Title');
  });

  test('a DJ sees neither Upload nor My tracks, and is told why on those pages', async ({ page }) => {
    await signInThroughApi(page.request, E2E.demoDj, E2E.demoPassword);
    await page.goto('/library');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Library' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Upload' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'My tracks' })).toHaveCount(0);
    await page.goto('/upload');
    await expect(page.getByText('Uploads are for producers')).toBeVisible();
    await expect(page.getByTestId('drop-zone')).toHaveCount(0);
  });
});

import { expect, test, type Page } from '@playwright/test';
import { E2E } from './support/servers';
import { signInThroughApi } from './support/auth';
import { wav } from './support/audio-fixtures';
import { LAYOUT_PROBLEMS_SCRIPT } from './support/layout-check';

// Every screen at iPad portrait, iPad landscape and desktop sizes, as each member sees it, with its
// dialogs and popovers open: nothing scrolls sideways, no control leaves its form, card, dialog or
// popover (or the screen), no text is cut inside a control (tests/e2e/support/layout-check.ts).
// Chromium here; tests/e2e/webkit/layout-check.wk.ts runs the same check in WebKitGTK.
const SIZES = [
  { width: 820, height: 1180 },
  { width: 1180, height: 820 },
  { width: 1440, height: 900 },
];

type Step = { path: string; then?: (page: Page) => Promise<void>; name?: string };

async function problemsOn(page: Page): Promise<string[]> {
  return (await page.evaluate(LAYOUT_PROBLEMS_SCRIPT)) as string[];
}

async function check(page: Page, steps: Step[]): Promise<void> {
  const found: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const step of steps) {
      await page.goto(step.path);
      await expect(page.locator('[data-app-ready="true"], [data-testid="auth-card"], main').first()).toBeAttached({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      if (step.then) await step.then(page);
      for (const problem of await problemsOn(page)) found.push(`${step.name ?? step.path} at ${size.width}x${size.height}: ${problem}`);
    }
  }
  expect(found).toEqual([]);
}

async function firstApprovedTrack(page: Page): Promise<string> {
  const res = await page.request.get('/api/tracks?pageSize=20');
  const { items } = (await res.json()) as { items: Array<{ id: string; status: string; isVip: boolean }> };
  return items.find((t) => t.status === 'approved' && !t.isVip)!.id;
}

test.describe('layout check', () => {
  test.describe.configure({ timeout: 240_000 });

  test('signed out: sign-in, sign-up, the offline page', async ({ page }) => {
    await check(page, [{ path: '/sign-in' }, { path: '/sign-up' }, { path: '/offline' }]);
  });

  test('DJ: every tab, a track with its playlist popover, a playlist, the VIP unlock dialog', async ({ page }) => {
    await signInThroughApi(page.request, E2E.demoDj, E2E.demoPassword);
    const trackId = await firstApprovedTrack(page);
    const playlists = (await (await page.request.get('/api/playlists')).json()) as { playlists?: Array<{ id: string }>; items?: Array<{ id: string }> };
    const playlistId = (playlists.playlists ?? playlists.items ?? [])[0]?.id;
    await check(page, [
      { path: '/library' },
      { path: '/console' },
      { path: '/sessions' },
      { path: '/vip' },
      {
        path: '/vip',
        name: '/vip with the unlock dialog',
        then: async (p) => {
          await p.getByTestId('unlock-vip').first().click();
          await expect(p.getByRole('dialog')).toBeVisible();
        },
      },
      { path: '/playlists' },
      ...(playlistId ? [{ path: `/playlists/${playlistId}`, name: '/playlists/:id' }] : []),
      { path: '/downloads' },
      { path: '/profile' },
      { path: `/tracks/${trackId}`, name: '/tracks/:id' },
      {
        path: `/tracks/${trackId}`,
        name: '/tracks/:id with "Add to playlist" open',
        then: async (p) => {
          await p.getByRole('button', { name: '+ Add to playlist' }).click();
          await expect(p.getByRole('group', { name: 'Add to playlist' })).toBeVisible();
        },
      },
    ]);
  });

  test('producer: upload with a file in the form, my tracks with the edit dialog, stats', async ({ page }) => {
    await signInThroughApi(page.request, 'producer@spynners.local', E2E.demoPassword);
    const file = wav('layout_check.wav', 124, 4);
    await check(page, [
      {
        path: '/upload',
        name: '/upload with a file',
        then: async (p) => {
          await p.locator('input[type="file"]').first().setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: file.buffer });
          await expect(p.getByTestId('upload-card')).toHaveCount(1);
          await expect(p.getByTestId('upload-card').getByLabel('Title', { exact: true })).not.toHaveValue('');
        },
      },
      {
        path: '/upload',
        name: '/upload with a refused file',
        then: async (p) => {
          await p.locator('input[type="file"]').first().setInputFiles({ name: 'not-audio.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from('not audio\n') });
          await expect(p.getByTestId('refusal')).toBeVisible();
        },
      },
      { path: '/my-tracks' },
      {
        path: '/my-tracks',
        name: '/my-tracks with the replace-audio dialog',
        then: async (p) => {
          await p.getByRole('button', { name: /^Replace audio of / }).first().click();
          await expect(p.getByRole('dialog')).toBeVisible();
        },
      },
      {
        path: '/my-tracks',
        name: '/my-tracks with the edit dialog',
        then: async (p) => {
          await p.getByTestId('my-track-row').first().focus();
          await p.keyboard.press('Enter');
          await expect(p.getByRole('dialog')).toBeVisible();
        },
      },
      { path: '/stats' },
    ]);
  });

  test('admin: review desk and members', async ({ page }) => {
    await signInThroughApi(page.request, 'admin@spynners.local', E2E.demoPassword);
    await check(page, [{ path: '/admin/review' }, { path: '/admin/users' }]);
  });
});

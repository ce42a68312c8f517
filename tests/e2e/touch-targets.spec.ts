// Touch targets on every DJ screen at iPad sizes (issue #18): each visible button, link styled as a
// button, input, select and slider is at least 44 x 44 px (tests/e2e/support/touch-targets.ts).
// The mini player plays and both decks are loaded, so their controls are measured too.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { signInThroughApi } from './support/auth';
import { savedSessions } from './support/player-session';
import { E2E } from './support/servers';
import { TOUCH_TARGET_PROBLEMS_SCRIPT } from './support/touch-targets';

const SIZES = [
  { width: 820, height: 1180 },
  { width: 1180, height: 820 },
];

/**
 * The documented exceptions: controls whose small size is deliberate. Each entry names the
 * control (as the check prints it) and why. Inline text links in prose are not measured at all
 * (only links styled as buttons are).
 */
const EXCEPTIONS: Array<{ match: RegExp; why: string }> = [];

async function measure(page: Page): Promise<{ checked: number; problems: string[] }> {
  const { checked, problems } = (await page.evaluate(TOUCH_TARGET_PROBLEMS_SCRIPT)) as { checked: number; problems: string[] };
  return { checked, problems: problems.filter((problem) => !EXCEPTIONS.some((exception) => exception.match.test(problem))) };
}

/** Each screen, and what shows it is there with its controls (so a half-loaded screen is not measured). */
async function screens(page: Page): Promise<Array<{ path: string; name: string; ready: (page: Page) => Locator }>> {
  const tracks = (await (await page.request.get('/api/tracks?pageSize=20')).json()) as { items: Array<{ id: string; status: string; isVip: boolean }> };
  const trackId = tracks.items.find((t) => t.status === 'approved' && !t.isVip)!.id;
  const playlists = (await (await page.request.get('/api/playlists')).json()) as Array<{ id: string }>;
  const playlistId = playlists[0]!.id;
  return [
    { path: '/library', name: '/library', ready: (p) => p.getByTestId('play-track').first() },
    { path: `/tracks/${trackId}`, name: '/tracks/:id', ready: (p) => p.getByRole('button', { name: '+ Add to playlist' }) },
    { path: '/playlists', name: '/playlists', ready: (p) => p.getByRole('link', { name: /Warm-up ideas/ }).first() },
    { path: `/playlists/${playlistId}`, name: '/playlists/:id', ready: (p) => p.getByTestId('play-track').first() },
    { path: '/vip', name: '/vip', ready: (p) => p.getByTestId('unlock-vip').first() },
    { path: '/sessions', name: '/sessions', ready: (p) => p.locator('main h1') },
    { path: '/downloads', name: '/downloads', ready: (p) => p.locator('main h1') },
    { path: '/profile', name: '/profile', ready: (p) => p.locator('main input:visible').first() },
    { path: '/console', name: '/console', ready: (p) => p.locator('[data-decks][data-app-ready="true"]') },
  ];
}

test.describe('touch targets at iPad sizes', () => {
  test.describe.configure({ timeout: 240_000 });
  test.use({ hasTouch: true, isMobile: true });

  test('every control on every DJ screen is at least 44 x 44 px', async ({ page }) => {
    await signInThroughApi(page.request, E2E.demoDj, E2E.demoPassword);
    const list = await screens(page);
    const found: string[] = [];
    for (const size of SIZES) {
      await page.setViewportSize(size);
      // Something in the mini player and on both decks (their controls show then).
      await page.goto('/console');
      await expect(page.locator('[data-decks][data-app-ready="true"]')).toBeVisible();
      await page.getByTestId('load-A').nth(0).click();
      await page.getByTestId('load-B').nth(1).click();
      await expect(page.getByTestId('deck-B')).toHaveAttribute('data-status', 'ready');
      await page.getByTestId('deck-A-hot-cue-1').click();
      await page.goto('/library');
      await page.getByTestId('play-track').first().click();
      await page.getByTestId('mini-toggle').click();
      // Saved (lib/player/session) before leaving: every screen below is a fresh load that restores it.
      const trackId = await page.getByTestId('mini-player').getAttribute('data-track-id');
      await expect.poll(async () => (await savedSessions(page))[0]?.session.player.track?.id, { timeout: 5000 }).toBe(trackId);
      for (const screen of list) {
        await page.goto(screen.path);
        await expect(screen.ready(page)).toBeVisible({ timeout: 20_000 });
        await page.waitForLoadState('networkidle');
        await expect(page.getByTestId('mini-player')).toBeAttached();
        const { checked, problems } = await measure(page);
        console.log(`${screen.name} at ${size.width}x${size.height}: ${checked} controls measured`);
        // The header's controls alone are a few: a screen with no more than them was not measured.
        expect(checked, screen.name).toBeGreaterThan(4);
        for (const problem of problems) found.push(`${screen.name} at ${size.width}x${size.height}: ${problem}`);
      }
    }
    expect(found).toEqual([]);
  });
});

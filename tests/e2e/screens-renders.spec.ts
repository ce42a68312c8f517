import { expect, test } from '@playwright/test';
import { E2E } from './support/servers';
import { signInThroughApi } from './support/auth';
import { countRenders, quietRenderCounts, type RenderCounts } from './support/render-counts';

// The VIP cards, a playlist's rows and the Sets screen's content render a few times while their
// data arrives (persisted cache, then the network, then unlocks and downloads), not once per
// arriving query or store update (issue #17). Counted by lib/perf/render-count.ts.
const MAX_LIST_RENDERS = 3;
const MAX_RENDERS_PER_ROW = 3;

type Counts = RenderCounts;

const sameOrigin = { Origin: E2E.consoleUrl, 'Content-Type': 'application/json' };

test.describe('screen start-up renders', () => {
  test.beforeEach(async ({ context, page }) => {
    await countRenders(context);
    await signInThroughApi(page.request, E2E.demoDj, E2E.demoPassword);
  });

  test('VIP cards and the Sets screen render a few times, cold and warm', async ({ page }) => {
    for (const start of ['cold', 'warm']) {
      await page.goto('/vip');
      await expect(page.getByTestId('vip-track').first()).toBeVisible();
      const vip = await quietRenderCounts(page);
      expect(vip['vip-tracks'], `${start} /vip: ${JSON.stringify(vip)}`).toBeGreaterThanOrEqual(1);
      expect(vip['vip-tracks'], `${start} /vip: ${JSON.stringify(vip)}`).toBeLessThanOrEqual(MAX_LIST_RENDERS);

      await page.goto('/sessions');
      await expect(page.locator('[data-app-ready="true"]').first()).toBeVisible();
      const sessions = await quietRenderCounts(page);
      expect(sessions['sessions-content'], `${start} /sessions: ${JSON.stringify(sessions)}`).toBeGreaterThanOrEqual(1);
      expect(sessions['sessions-content'], `${start} /sessions: ${JSON.stringify(sessions)}`).toBeLessThanOrEqual(MAX_LIST_RENDERS);
    }
  });

  test("a playlist's rows render a few times each while its tracks arrive", async ({ page }) => {
    const catalogue = (await (await page.request.get('/api/catalogue')).json()) as { tracks: Array<{ id: string; isVip: boolean }> };
    const trackIds = catalogue.tracks.filter((t) => !t.isVip).slice(0, 8).map((t) => t.id);
    const created = await page.request.post('/api/playlists', {
      headers: sameOrigin,
      data: Buffer.from(JSON.stringify({ name: `Renders ${Date.now()}`, trackIds })),
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await page.goto(`/playlists/${id}`);
    await expect(page.getByTestId('playlist-track')).toHaveCount(trackIds.length);
    await expect(page.getByTestId('playlist-track-title').last()).not.toHaveText('Loading…');
    const rendered = await quietRenderCounts(page);
    expect(rendered['playlist-row'], JSON.stringify(rendered)).toBeGreaterThanOrEqual(trackIds.length);
    expect(rendered['playlist-row'], JSON.stringify(rendered)).toBeLessThanOrEqual(MAX_RENDERS_PER_ROW * trackIds.length);
  });
});

import { expect, test } from '@playwright/test';
import { E2E } from './support/servers';
import { signInThroughApi } from './support/auth';

// Issue #17: a track page or the VIP page opened as a document (a link, a reload) comes with its
// data in the HTML, so its largest paint (the cover) is found by the parser, not after the
// scripts ran and the client fetched. In-app navigations keep the client path (they must not wait
// for Base44), and the screen says it is ready only once hydrated (its controls answer).
const AS_DOCUMENT = { headers: { 'Sec-Fetch-Dest': 'document' } };
/** Text as React writes it into HTML. */
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

test.describe('first screen data in the HTML', () => {
  test.beforeEach(async ({ page }) => {
    await signInThroughApi(page.request, E2E.demoDj, E2E.demoPassword);
  });

  test('a track page and the VIP page opened as documents carry their data; other requests do not wait for it', async ({ page }) => {
    const vip = (await (await page.request.get('/api/vip')).json()) as { tracks: Array<{ id: string; title: string; artworkUrl: string | null }> };
    const track = vip.tracks.find((t) => t.artworkUrl) ?? vip.tracks[0]!;

    const trackHtml = await (await page.request.get(`/tracks/${track.id}`, AS_DOCUMENT)).text();
    expect(trackHtml).toContain(`<h1>${html(track.title)}</h1>`);
    if (track.artworkUrl) expect(trackHtml).toMatch(/<img[^>]+fetchPriority="high"/);
    expect(trackHtml).not.toContain('data-app-ready="true"');

    const vipHtml = await (await page.request.get('/vip', AS_DOCUMENT)).text();
    expect(vipHtml.match(/data-testid="vip-track"/g)?.length).toBe(vip.tracks.length);
    expect(vipHtml).not.toContain('data-app-ready="true"');

    // Not a document (the worker warming a tab, a prefetch): the page does not read Base44.
    expect(await (await page.request.get(`/tracks/${track.id}`)).text()).not.toContain(`<h1>${html(track.title)}</h1>`);
    expect(await (await page.request.get('/vip')).text()).not.toContain('data-testid="vip-track"');
  });

  test('a track page opened as a document answers taps once ready', async ({ page }) => {
    const vip = (await (await page.request.get('/api/vip')).json()) as { tracks: Array<{ id: string; title: string }> };
    const track = vip.tracks[0]!;
    await page.goto(`/tracks/${track.id}`);
    await expect(page.locator('[data-app-ready="true"] h1')).toHaveText(track.title);
    await page.getByRole('button', { name: '+ Add to playlist' }).click();
    await expect(page.getByRole('group', { name: 'Add to playlist' })).toBeVisible();
  });
});

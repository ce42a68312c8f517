// The DJ's everyday screens, as a DJ uses them: library (offline search, filters, sort), a track
// (rating, playlists), playlists (create, add, reorder, rename, share, delete), VIP and profile.
// Tests that change shared data sign up their own DJ.
import { expect, test, type Page } from '@playwright/test';
import { E2E } from './support/servers';
import { signInThroughUi, signUpThroughApi, uniqueEmail } from './support/auth';

interface CatalogueTrack { id: string; title: string; artist: string; genre: string; averageRating: number | null; isVip: boolean }

async function catalogue(page: Page): Promise<CatalogueTrack[]> {
  const res = await page.request.get('/api/catalogue');
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { tracks: CatalogueTrack[] }).tracks;
}

async function freshDj(page: Page): Promise<void> {
  await signUpThroughApi(page.request, uniqueEmail('console'));
}

/** Waits until the library answers from the local index (catalogue loaded and indexed). */
async function openLocalLibrary(page: Page, query = ''): Promise<void> {
  await page.goto(`/library${query}`);
  await expect(page.locator('[data-search-source="local"][data-app-ready="true"]')).toBeVisible();
}

test.describe('library', () => {
  test.beforeEach(async ({ page }) => {
    await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
  });

  test('searches per keystroke on the local index, filters, sorts, and keeps it all in the URL', async ({ page }) => {
    const tracks = await catalogue(page);
    await openLocalLibrary(page);
    await expect(page.getByTestId('track-count')).toHaveText(`${tracks.length} tracks`);

    // Prefix search on one word of a title, matched case-insensitively.
    const target = tracks[5]!;
    const word = target.title.split(' ')[0]!;
    await page.getByLabel('Search tracks').pressSequentially(word.slice(0, 4).toLowerCase());
    await expect(page.getByTestId('track-title').filter({ hasText: target.title })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`search=${word.slice(0, 4).toLowerCase()}`));
    for (const row of await page.getByTestId('track-row').all()) {
      await expect(row).toContainText(new RegExp(word.slice(0, 4), 'i'));
    }

    // A typo in a longer word still finds it (fuzzy), which the server's substring search would not.
    const long = tracks.flatMap((t) => t.title.split(' ')).find((w) => w.length >= 6)!;
    const typo = long.slice(0, 2) + long[3] + long[2] + long.slice(4);
    await page.getByLabel('Search tracks').fill(typo.toLowerCase());
    await expect(page.getByTestId('track-title').filter({ hasText: long }).first()).toBeVisible();
    await page.getByLabel('Search tracks').fill('');

    // Genre filter, then top rated: every row of that genre, ratings descending.
    const genre = tracks[0]!.genre;
    await page.getByLabel('Genre').selectOption(genre);
    await page.getByLabel('Sort').selectOption('rating');
    await expect(page).toHaveURL(/sort=rating/);
    await expect(page).toHaveURL(new RegExp(`genre=${encodeURIComponent(genre).replace(/%20/g, '(\\+|%20)')}`));
    const expected = tracks.filter((t) => t.genre === genre);
    await expect(page.getByTestId('track-row')).toHaveCount(expected.length);
    for (const g of await page.getByTestId('track-genre').allTextContents()) expect(g).toBe(genre);
    const ratings = (await page.locator('[data-testid="track-row"] span[title$="ratings"], [data-testid="track-row"] span[title="Not rated yet"]').allTextContents())
      .map((text) => Number.parseFloat(text.replace('★', '')) || 0);
    expect(ratings).toEqual([...ratings].sort((a, b) => b - a));

    // The URL restores the same view after a reload.
    await page.reload();
    await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
    await expect(page.getByLabel('Genre')).toHaveValue(genre);
    await expect(page.getByLabel('Sort')).toHaveValue('rating');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByTestId('track-count')).toHaveText(`${tracks.length} tracks`);
    await page.getByLabel('VIP only').check();
    await expect(page.getByTestId('track-count')).toHaveText(`${tracks.filter((t) => t.isVip).length} tracks`);
  });

  test('search and filters keep working offline once the catalogue is loaded', async ({ page, context }) => {
    const tracks = await catalogue(page);
    await openLocalLibrary(page);
    await context.setOffline(true);
    try {
      const artist = tracks[2]!.artist;
      await page.getByLabel('Search tracks').fill(artist.split(' ')[0]!);
      await expect(page.getByTestId('track-count')).toHaveText(
        new RegExp(`^${tracks.filter((t) => t.artist.split(' ').some((w) => w === artist.split(' ')[0])).length} tracks?$`),
      );
      await page.getByLabel('Genre').selectOption(tracks[2]!.genre);
      await expect(page.getByTestId('track-title').filter({ hasText: tracks[2]!.title })).toBeVisible();
    } finally {
      await context.setOffline(false);
    }
  });

  test('a track opens from the list without waiting for the network (seeded from the catalogue)', async ({ page }) => {
    await openLocalLibrary(page);
    const detailRequests: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/tracks\/[^/?]+$/.test(new URL(r.url()).pathname)) detailRequests.push(r.url());
    });
    const row = page.getByTestId('track-row').first();
    const title = (await row.getByTestId('track-title').textContent())!;
    await row.hover();
    await row.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
    expect(detailRequests).toEqual([]);
    await expect(page.getByTestId('producer-card')).toBeVisible();
  });

  test('the main navigation marks the current section and works from the keyboard', async ({ page }) => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Library' })).toHaveAttribute('aria-current', 'page');
    await nav.getByRole('link', { name: 'VIP' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/vip$/);
    await expect(nav.getByRole('link', { name: 'VIP' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: 'Library' })).not.toHaveAttribute('aria-current', 'page');
  });
});

test('rating a track moves its average and count at once, and both persist', async ({ page }) => {
  await freshDj(page);
  const tracks = await catalogue(page);
  const track = tracks.find((t) => t.averageRating !== null)!;
  await page.goto(`/tracks/${track.id}`);
  await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
  await expect(page.getByText('Tap a star to rate')).toBeVisible();
  const count = Number.parseInt((await page.getByTestId('rating-count').textContent())!, 10);
  const average = Number.parseFloat((await page.getByTestId('rating-average').textContent())!);

  await page.getByRole('radio', { name: '5 stars' }).check();
  await expect(page.getByTestId('rating-count')).toHaveText(`${count + 1} ratings`);
  await expect(page.getByText('You rated it 5 of 5')).toBeVisible();
  const expected = ((average * count + 5) / (count + 1)).toFixed(1);
  await expect(page.getByTestId('rating-average')).toHaveText(expected);

  // Re-rating replaces this member's vote: the count stays.
  await page.getByRole('radio', { name: '1 star', exact: true }).check();
  await expect(page.getByText('You rated it 1 of 5')).toBeVisible();
  await expect(page.getByTestId('rating-count')).toHaveText(`${count + 1} ratings`);

  await page.reload();
  await expect(page.getByText('You rated it 1 of 5')).toBeVisible();
  await expect(page.getByTestId('rating-count')).toHaveText(`${count + 1} ratings`);
  await expect(page.getByRole('radio', { name: '1 star', exact: true })).toBeChecked();
});

test('a playlist is created, filled, reordered (buttons and drag), renamed, shared and deleted', async ({ page }) => {
  await freshDj(page);
  const tracks = await catalogue(page);
  const [first, second] = [tracks[0]!, tracks[1]!];

  await page.goto('/playlists');
  await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
  await expect(page.getByText('No playlist yet')).toBeVisible();
  await page.getByLabel('Playlist name').fill('Warm-up set');
  await page.getByRole('button', { name: 'Create playlist' }).click();
  await expect(page).toHaveURL(/\/playlists\/[^/]+$/);
  const playlistUrl = page.url();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Warm-up set');

  // Add the first track from the playlist's own search…
  await page.getByLabel('Find tracks to add').fill(first.title);
  await page.getByRole('button', { name: `Add ${first.title}`, exact: true }).click();
  await expect(page.getByTestId('playlist-track')).toHaveCount(1);

  // …and the second from the track's page.
  await page.goto(`/tracks/${second.id}`);
  await page.getByRole('button', { name: '+ Add to playlist' }).click();
  await page.getByRole('button', { name: /Warm-up set/ }).click();
  await expect(page.getByRole('button', { name: /Warm-up set/ })).toContainText('✓ Added');

  await page.goto(playlistUrl);
  const titles = page.getByTestId('playlist-track-title');
  await expect(titles).toHaveText([first.title, second.title]);

  // Keyboard path: move the second track up.
  await page.getByRole('button', { name: `Move ${second.title} up` }).click();
  await expect(titles).toHaveText([second.title, first.title]);
  await expect(page.getByRole('status').filter({ hasText: 'Saving' })).toHaveCount(0);

  // Touch / mouse path: drag the first row's handle below the second.
  const handle = page.getByRole('button', { name: `Drag to reorder ${second.title}` });
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 40, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 70, { steps: 4 });
  await page.mouse.up();
  await expect(titles).toHaveText([first.title, second.title]);

  await page.getByLabel('Playlist name').fill('Peak time');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Peak time');
  const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/playlists/'));
  await page.getByRole('switch', { name: 'Public' }).click();
  // Shown at once (optimistic), then saved.
  await expect(page.getByTestId('playlist-visibility')).toHaveText('Public');
  expect((await saved).status()).toBe(200);

  // Everything persisted.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Peak time');
  await expect(page.getByTestId('playlist-visibility')).toHaveText('Public');
  await expect(titles).toHaveText([first.title, second.title]);

  // Remove one, then delete the playlist after confirming.
  await page.getByRole('button', { name: `Remove ${second.title}` }).click();
  await expect(titles).toHaveText([first.title]);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Peak time”?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await dialog.getByRole('button', { name: 'Delete playlist' }).click();
  await expect(page).toHaveURL(/\/playlists$/);
  await expect(page.getByText('No playlist yet')).toBeVisible();
  expect((await page.request.get(playlistUrl.replace('/playlists/', '/api/playlists/'))).status()).toBe(404);
});

test('VIP lists the VIP tracks, what the DJ unlocked, and the diamond balance', async ({ page }) => {
  await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
  const vip = (await (await page.request.get('/api/vip')).json()) as { tracks: CatalogueTrack[]; unlockedTrackIds: string[]; blackDiamonds: number };
  expect(vip.tracks.length).toBeGreaterThan(0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'VIP' }).click();
  await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
  await expect(page.getByTestId('diamond-balance')).toContainText(`${vip.blackDiamonds} Black Diamond`);
  await expect(page.getByTestId('vip-track')).toHaveCount(vip.tracks.length);
  await expect(page.getByTestId('vip-unlocked')).toHaveCount(vip.unlockedTrackIds.length);
  // Each locked track offers its unlock for 1 Black Diamond (tests/e2e/vip-offline.spec.ts unlocks one).
  await expect(page.getByTestId('unlock-vip')).toHaveCount(vip.tracks.length - vip.unlockedTrackIds.length);
});

test('the profile form validates in the browser and its changes persist', async ({ page }) => {
  await freshDj(page);
  await page.goto('/profile');
  await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
  await expect(page.getByTestId('diamond-balance')).toContainText('Black Diamond');

  const patches: string[] = [];
  page.on('request', (r) => r.method() === 'PATCH' && patches.push(r.url()));
  await page.getByLabel('Instagram').fill('not a url');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByTestId('profile-status')).toHaveText('Not saved: 1 field needs a change (outlined in red)');
  await expect(page.getByLabel('Instagram')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Instagram')).toBeFocused();
  expect(patches).toEqual([]);

  await page.getByLabel('Instagram').fill('https://instagram.com/e2e.dj');
  await page.getByLabel('Artist name').fill('DJ Playwright');
  await page.getByLabel('Bio').fill('Tests promos at 3 am.');
  await page.getByLabel('Profile type').selectOption('dj_producer');
  await page.getByRole('checkbox', { name: 'Afro House' }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Artist name')).toHaveValue('DJ Playwright');
  await expect(page.getByLabel('Bio')).toHaveValue('Tests promos at 3 am.');
  await expect(page.getByLabel('Instagram')).toHaveValue('https://instagram.com/e2e.dj');
  await expect(page.getByLabel('Profile type')).toHaveValue('dj_producer');
  await expect(page.getByRole('checkbox', { name: 'Afro House' })).toBeChecked();
});

import { expect, test, type Page } from '@playwright/test';
import type { ProducerStats } from '@/lib/domain/stats';
import type { Track } from '@/lib/domain/types';
import { signInThroughApi } from './support/auth';
import { E2E } from './support/servers';

// Issue #18: "Plays" read 784 on My tracks and 3 on Stats, and a chart of one bar sat under a
// headline of 42. Both counts are named apart, and the chart's headline adds up its own bars.
const PRODUCER = 'producer@spynners.local';

const barsOf = (page: Page) =>
  page.getByTestId('weekly-chart').first().evaluate((svg) => [...svg.querySelectorAll('rect[data-plays]')].map((bar) => Number(bar.getAttribute('data-plays'))));
const headlineOf = async (page: Page) => Number(await page.getByTestId('chart-total').first().locator('strong').textContent());

async function readData(page: Page) {
  const tracks = (await (await page.request.get('/api/my-tracks')).json()) as Track[];
  const stats = (await (await page.request.get('/api/stats')).json()) as ProducerStats;
  return { tracks, stats };
}

test.beforeEach(async ({ page }) => {
  await signInThroughApi(page.request, PRODUCER, E2E.demoPassword);
});

test('My tracks and Stats show plays in DJ sets and catalogue plays apart, each saying what it counts', async ({ page }) => {
  const { tracks, stats } = await readData(page);
  const played = stats.tracks.find((row) => row.plays > 0)!;
  const counter = tracks.find((track) => track.id === played.id)!.playCount;
  expect(counter).not.toBe(played.plays); // the demo data keeps the two apart, so a mix-up shows

  await page.goto('/my-tracks');
  const table = page.getByRole('table', { name: 'My tracks' });
  await expect(table.getByRole('columnheader', { name: 'Plays in DJ sets' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Catalogue plays' })).toBeVisible();
  const row = page.locator(`[data-testid="my-track-row"][data-track-id="${played.id}"]`);
  await expect(row.getByTestId('row-set-plays')).toHaveText(String(played.plays));
  await expect(row.getByTestId('row-catalogue-plays')).toHaveText(String(counter));
  await expect(page.getByTestId('play-measures')).toContainText('recorded in SPYNNERS');

  await page.goto('/stats');
  await expect(page.getByTestId('total-plays')).toHaveText(String(stats.totals.plays));
  await expect(page.getByTestId('total-catalogue-plays')).toHaveText(String(tracks.reduce((sum, t) => sum + t.playCount, 0)));
  const statsTable = page.getByTestId('stats-tracks');
  await expect(statsTable.getByRole('columnheader', { name: 'Plays in DJ sets' })).toBeVisible();
  await expect(statsTable.getByRole('columnheader', { name: 'Catalogue plays' })).toBeVisible();
  const statsRow = page.locator(`[data-testid="stats-track-row"][data-track-id="${played.id}"]`);
  await expect(statsRow.getByTestId('row-set-plays')).toHaveText(String(played.plays));
  await expect(statsRow.getByTestId('row-catalogue-plays')).toHaveText(String(counter));
  await expect(page.getByTestId('play-measures')).toContainText('Catalogue plays');

  await statsRow.getByRole('link').click();
  await expect(page.getByTestId('track-plays')).toHaveText(String(played.plays));
  await expect(page.getByTestId('track-catalogue-plays')).toHaveText(String(counter));
});

test('the weekly chart shows the period chosen, with years on the axis, and a headline that adds up its bars', async ({ page }) => {
  const { stats } = await readData(page);
  expect(stats.totals.plays).toBeGreaterThan(0);
  await page.goto('/stats');
  const period = page.getByLabel('Period');
  await expect(period).toBeVisible();

  await period.selectOption({ label: 'All time' });
  await expect(page.getByTestId('chart-total')).toContainText('All time');
  expect(await headlineOf(page)).toBe(stats.totals.plays);
  expect((await barsOf(page)).reduce((a, b) => a + b, 0)).toBe(stats.totals.plays);

  await period.selectOption({ label: 'Last 12 weeks' });
  await expect(page.getByTestId('chart-total')).toContainText('Last 12 weeks');
  const recent = await barsOf(page);
  expect(recent).toHaveLength(12);
  expect(await headlineOf(page)).toBe(recent.reduce((a, b) => a + b, 0));

  const years = (await period.locator('option').allTextContents()).filter((label) => /^\d{4}$/.test(label));
  expect(years.length).toBeGreaterThan(0);
  let sum = 0;
  for (const year of years) {
    await period.selectOption({ label: year });
    await expect(page.getByTestId('chart-total')).toContainText(year);
    const bars = await barsOf(page);
    expect(await headlineOf(page)).toBe(bars.reduce((a, b) => a + b, 0));
    sum += await headlineOf(page);
    // The axis names the year: the first label carries it.
    await expect(page.getByTestId('chart-axis-label').first()).toContainText(/\d{4}$/);
  }
  // The years split all time exactly: no play falls outside the periods offered.
  expect(sum).toBe(stats.totals.plays);
});

import { expect, test } from '@playwright/test';
import { E2E } from './support/servers';
import { signInThroughUi } from './support/auth';

// Each member lands on the screen they came for (issue #18): producers on their tracks, DJs on
// the promo pool, staff on the review desk; a page asked for (callbackUrl) still wins.
const HOMES = [
  { email: E2E.demoDj, home: /\/library$/ },
  { email: 'producer@spynners.local', home: /\/my-tracks$/ },
  { email: 'admin@spynners.local', home: /\/admin\/review$/ },
];

for (const { email, home } of HOMES) {
  test(`${email.split('@')[0]} lands on ${home.source.replaceAll('\\', '')} after signing in, and on /`, async ({ page }) => {
    await signInThroughUi(page, email, E2E.demoPassword, home);
    await page.goto('/');
    await expect(page).toHaveURL(home);
    // Already signed in: the sign-in page sends the member home too.
    await page.goto('/sign-in');
    await expect(page).toHaveURL(home);
  });
}

test('a producer who asked for a page comes back to it, not to My tracks', async ({ page }) => {
  await page.goto('/sign-in?callbackUrl=%2Flibrary%3Fgenre%3DTechno');
  await page.getByLabel('Email').fill('producer@spynners.local');
  await page.getByLabel('Password').fill(E2E.demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/library\?genre=Techno$/);
  await expect(page.getByLabel('Genre')).toHaveValue('Techno');
});

test('the producer lands on My tracks with their tracks listed', async ({ page }) => {
  await signInThroughUi(page, 'producer@spynners.local', E2E.demoPassword, /\/my-tracks$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My tracks');
});

import { expect, test, type Page } from '@playwright/test';
import { E2E } from './support/servers';
import { signInThroughApi } from './support/auth';

// The main navigation names every section: on a desktop each link shows its label (not an icon
// with a tooltip), on an iPad in portrait each is a touch-sized tab with an accessible name, and
// the member's avatar leads to their profile.
const MEMBERS = [
  { email: E2E.demoDj, sections: ['Library', 'Decks', 'Sets', 'VIP', 'Playlists', 'Downloads'] },
  { email: 'producer@spynners.local', sections: ['Library', 'Decks', 'Sets', 'VIP', 'Playlists', 'Downloads', 'Upload', 'My tracks', 'Stats'] },
  { email: 'admin@spynners.local', sections: ['Library', 'Decks', 'Sets', 'VIP', 'Playlists', 'Downloads', 'Upload', 'My tracks', 'Stats', 'Admin'] },
];

/** Each nav link's label as drawn: its box, and whether it is clipped away (a screen-reader-only label). */
async function drawnLabels(page: Page) {
  return page.getByRole('navigation', { name: 'Main' }).locator('a').evaluateAll((links) =>
    links.map((link) => {
      const label = link.querySelector('span')!;
      const box = label.getBoundingClientRect();
      const style = getComputedStyle(label);
      return {
        text: label.textContent,
        width: Math.round(box.width),
        height: Math.round(box.height),
        clipped: style.clipPath !== 'none' || label.scrollWidth > Math.ceil(box.width) + 1,
        inside: box.left >= 0 && box.right <= document.documentElement.clientWidth,
      };
    }),
  );
}

for (const member of MEMBERS) {
  test(`${member.email.split('@')[0]}: every section labelled on a desktop, named and touch-sized on an iPad`, async ({ page }) => {
    await signInThroughApi(page.request, member.email, E2E.demoPassword);

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/library');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link')).toHaveCount(member.sections.length);
    const labels = await drawnLabels(page);
    expect(labels.map((label) => label.text)).toEqual(member.sections);
    for (const label of labels) {
      expect(label, `"${label.text}" at 1440x900`).toMatchObject({ clipped: false, inside: true });
      expect(label.width, `"${label.text}" at 1440x900`).toBeGreaterThan(15);
      expect(label.height, `"${label.text}" at 1440x900`).toBeGreaterThan(8);
    }
    const profile = page.getByRole('link', { name: /^Profile: / });
    await expect(profile).toBeVisible();
    await profile.click();
    await expect(page).toHaveURL(/\/profile$/);
    await expect(profile).toHaveAttribute('aria-current', 'page');

    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto('/library');
    await expect(page.locator('[data-app-ready="true"]').first()).toBeVisible();
    for (const section of member.sections) await expect(nav.getByRole('link', { name: section, exact: true })).toBeVisible();
    const tabs = await nav.locator('a').evaluateAll((links) => links.map((link) => {
      const box = link.getBoundingClientRect();
      return { name: link.textContent, width: box.width, height: box.height };
    }));
    for (const tab of tabs) {
      expect(tab.height, `${tab.name} at 820x1180`).toBeGreaterThanOrEqual(44);
      expect(tab.width, `${tab.name} at 820x1180`).toBeGreaterThanOrEqual(44);
    }
    const avatar = await profile.evaluate((link) => link.getBoundingClientRect().toJSON() as DOMRect);
    expect(Math.min(avatar.width, avatar.height)).toBeGreaterThanOrEqual(44);
  });
}

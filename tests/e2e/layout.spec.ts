import { expect, test, type Page } from '@playwright/test';
import { signInThroughUi } from './support/auth';

// Every screen fits the width it is given, with a mouse (desktop, iPad with a trackpad) or touch
// alone (iPad): nothing scrolls sideways, and every section of the nav can be reached by name.
const MEMBERS = [
  { email: 'dj@spynners.local', pages: ['/library', '/console', '/sessions', '/vip', '/playlists', '/downloads', '/profile'], sections: 6 },
  { email: 'producer@spynners.local', pages: ['/library', '/upload', '/my-tracks', '/stats'], sections: 9 },
  { email: 'admin@spynners.local', pages: ['/library', '/admin/review', '/admin/users'], sections: 10 },
];
const WIDTHS = [820, 1024, 1180, 1366, 1440, 1920];

async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const sticking = [...document.querySelectorAll('header *, nav *')]
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
      .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 20)}"`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, sticking: sticking.slice(0, 3) };
  });
}

/** Form fields whose box leaves their form's (a grid item keeping its input's intrinsic width). */
async function fieldsOutsideTheirForm(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('main form')].flatMap((form) => {
      const box = form.getBoundingClientRect();
      return [...form.querySelectorAll('input:not([type="hidden"]), select, textarea')]
        .filter((field) => {
          const r = field.getBoundingClientRect();
          return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
        })
        .map((field) => `${field.getAttribute('name') ?? field.tagName.toLowerCase()} in ${form.getAttribute('data-testid') ?? form.getAttribute('aria-labelledby') ?? 'a form'}`);
    }),
  );
}

for (const member of MEMBERS) {
  test(`${member.email.split('@')[0]}: no screen scrolls sideways from 820 to 1920 px, the nav names every section`, async ({ page }) => {
    test.setTimeout(120_000);
    await signInThroughUi(page, member.email, 'spynners');
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 820 });
      for (const path of member.pages) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        const nav = page.getByRole('navigation', { name: 'Main' });
        await expect(nav.getByRole('link')).toHaveCount(member.sections);
        await expect(nav.getByRole('link', { name: 'Library' })).toBeVisible();
        const overflow = await sidewaysOverflow(page);
        expect(overflow.sticking, `${path} at ${width} px`).toEqual([]);
        expect(overflow.scrollWidth, `${path} at ${width} px`).toBeLessThanOrEqual(overflow.clientWidth);
        expect(await fieldsOutsideTheirForm(page), `${path} at ${width} px`).toEqual([]);
      }
    }
  });
}

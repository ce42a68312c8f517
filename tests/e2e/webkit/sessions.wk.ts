// WebKitGTK (the engine of iPad Safari, which has no Background Sync): a DJ set ended while the
// server is unreachable waits on the device and is delivered once when the server comes back,
// by the page's own triggers (the reachability probe, the retry timer).
import { expect } from '@playwright/test';
import { backendCall, playedNotificationsBy, serverSetsOf } from '../support/sessions';
import { runInPage, test, waitInPage } from '../support/webkit-net';

test('WebKitGTK: a set ended with the server unreachable is delivered once after it comes back', async ({ wk, net }) => {
  const email = `wk-set-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@e2e.test`;
  const password = 'correct-horse-42';
  const registered = (await backendCall('/auth/register', { method: 'POST', body: { email, password, full_name: 'WebKit DJ' } })) as { user: { id: string } };
  const djId = registered.user.id;

  await wk.url(`${net.baseURL}/sign-in`);
  await (await wk.$('input[name="email"]')).setValue(email);
  await (await wk.$('input[name="password"]')).setValue(password);
  await (await wk.$('button[type="submit"]')).click();
  await waitInPage(wk, `location.pathname === '/library'`);
  await waitInPage(wk, `document.querySelector('[data-app-ready="true"]') !== null`, 30_000);
  const track = await runInPage<{ id: string; title: string }>(
    wk,
    `const body = await (await fetch('/api/tracks?pageSize=3')).json();
     return { id: body.items[0].id, title: body.items[0].title };`,
  );

  await wk.url(`${net.baseURL}/sessions`);
  await waitInPage(wk, `document.querySelector('[data-testid="start-set"]') !== null`, 30_000);
  await (await wk.$('[data-testid="start-set"] input[name="venue"]')).setValue('Club Orbit');
  await (await wk.$('[data-testid="start-set"] input[name="city"]')).setValue('Lyon');
  await (await wk.$('[data-testid="start-set"] button[type="submit"]')).click();
  await waitInPage(wk, `document.querySelector('[data-testid="live-set"]') !== null`);
  await (await wk.$('[data-testid="add-track"]')).click();
  await (await wk.$('input[aria-label="Find a track to add"]')).setValue(track.title);
  await waitInPage(wk, `document.querySelector('button[aria-label="Add ${track.title.replace(/"/g, '\\"')}"]') !== null`, 15_000);
  await (await wk.$(`button[aria-label="Add ${track.title.replace(/"/g, '\\"')}"]`)).click();
  await waitInPage(wk, `document.querySelectorAll('[data-testid="set-entry"]').length === 1`);

  // The venue's network goes; the DJ ends the set.
  net.setOffline(true);
  await (await wk.$('[data-testid="end-set"]')).click();
  await waitInPage(wk, `document.querySelector('dialog[open]') !== null`);
  await wk.execute(() => {
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('dialog[open] button')];
    buttons.find((b) => b.textContent?.trim() === 'End set')!.click();
  });
  await waitInPage(wk, `document.querySelector('[data-testid="set-row"]')?.getAttribute('data-status') === 'pending'`);
  expect(await wk.execute(() => document.querySelector('[data-testid="outbox-pending-count"]')?.textContent)).toBe('1');
  // Some tries fail meanwhile (no server): it stays pending, nothing is recorded.
  await wk.pause(3000);
  expect(await wk.execute(() => document.querySelector('[data-testid="set-row"]')?.getAttribute('data-status'))).toBe('pending');
  expect(await serverSetsOf(djId)).toHaveLength(0);

  // The server is back (navigator.onLine never changed, no Background Sync): delivered once.
  net.setOffline(false);
  await waitInPage(wk, `document.querySelector('[data-testid="set-row"]')?.getAttribute('data-status') === 'synced'`, 60_000);
  expect(await wk.execute(() => document.querySelector('[data-testid="outbox-pending-count"]')?.textContent)).toBe('0');
  await wk.pause(1500);
  const sets = await serverSetsOf(djId);
  expect(sets).toHaveLength(1);
  expect(sets[0]).toMatchObject({ venue: 'Club Orbit', city: 'Lyon', tracks_count: 1, diamond_awarded: true });
  expect(await playedNotificationsBy(djId)).toHaveLength(1);
});

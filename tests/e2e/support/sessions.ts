// Reading the backend's side of DJ sets in end-to-end tests (straight to the standalone embedded
// backend, as an admin), and small helpers for the sessions screen.
import { expect, type Page } from '@playwright/test';
import { E2E } from './servers';

type Json = Record<string, unknown>;

export async function backendCall(path: string, init: { token?: string; method?: string; body?: unknown; base?: string } = {}): Promise<Json | Json[]> {
  const res = await fetch(`${init.base ?? E2E.backendUrl}/api/apps/${E2E.appId}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'X-App-Id': E2E.appId,
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return (await res.json()) as Json | Json[];
}

let adminToken: string | null = null;
export async function admin(): Promise<string> {
  adminToken ??= String(((await backendCall('/auth/login', { method: 'POST', body: { email: 'admin@spynners.local', password: E2E.demoPassword } })) as Json).access_token);
  return adminToken;
}

const list = async (entity: string, q: Json) =>
  (await backendCall(`/entities/${entity}?q=${encodeURIComponent(JSON.stringify(q))}&limit=5000&sort=created_date`, { token: await admin() })) as Json[];

export const serverSetsOf = (djId: string) => list('SessionMix', { dj_id: djId });
export const serverPlaysOf = (djId: string) => list('SessionTrack', { dj_id: djId });
export const playedNotificationsBy = (djId: string) => list('Notification', { dj_id: djId, type: 'track_played' });
export async function diamondsOf(userId: string): Promise<number> {
  const user = (await backendCall(`/entities/User/${userId}`, { token: await admin() })) as Json;
  return typeof user.black_diamonds === 'number' ? user.black_diamonds : 0;
}

/** The signed-in member's id, through the console. */
export async function myId(page: Page): Promise<string> {
  return page.evaluate(async () => ((await (await fetch('/api/me')).json()) as { id: string }).id);
}

/** Rows of an IndexedDB store of the console's database, read without Dexie. */
export async function idbRows<T = Json>(page: Page, store: 'outbox' | 'djSets' | 'onAirPlays'): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('spynners-console');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) return resolve([]);
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            resolve(request.result as T[]);
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

export async function startSetThroughUi(page: Page, place: { venue: string; city?: string; country?: string }): Promise<void> {
  const form = page.getByTestId('start-set');
  await form.getByLabel('Venue').fill(place.venue);
  await form.getByLabel('City').fill(place.city ?? '');
  await form.getByLabel('Country').fill(place.country ?? '');
  await form.getByRole('button', { name: 'Start set' }).click();
  await expect(page.getByTestId('live-set')).toBeVisible();
}

/** Adds a catalogue track to the live set by hand (the picker searches the cached catalogue). */
export async function addTrackThroughUi(page: Page, title: string): Promise<void> {
  const before = await page.getByTestId('set-entry').count();
  await page.getByTestId('add-track').click();
  await page.getByLabel('Find a track to add').fill(title);
  await page.getByRole('button', { name: `Add ${title}` }).first().click();
  await expect(page.getByTestId('set-entry')).toHaveCount(before + 1);
}

export async function endSetThroughUi(page: Page): Promise<void> {
  await page.getByTestId('end-set').click();
  await page.getByRole('dialog').getByRole('button', { name: 'End set' }).click();
  await expect(page.getByTestId('start-set')).toBeVisible();
}

export const pendingCount = (page: Page) => page.getByTestId('outbox-pending-count');

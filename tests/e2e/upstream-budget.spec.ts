import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E } from './support/servers';
import { signUpThroughApi, uniqueEmail } from './support/auth';

const DJS = 100;
// A query no other test asks for, so nothing is cached before this test.
const LIBRARY_QUERY = '/api/tracks?sort=rating&energy=high&pageSize=20';
// Each DJ's keep-alive socket has idled since sign-up; the server may close it just as the GET
// reuses it (ECONNRESET before the request is read). Browsers retry that silently; so do we.
const RETRY_A_CLOSED_KEEP_ALIVE = { maxRetries: 2 };

async function backendStats(request: APIRequestContext): Promise<Record<string, number>> {
  return ((await (await request.get(`${E2E.backendUrl}/__embedded/stats`)).json()) as { byRoute: Record<string, number> }).byRoute;
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

test('100 DJs asking for the same library page cost Base44 one list call, then none', async ({ playwright, request }) => {
  test.setTimeout(180_000);
  const djs = await Promise.all(Array.from({ length: DJS }, () => playwright.request.newContext({ baseURL: E2E.consoleUrl })));
  try {
    await inBatches(djs, 10, (dj) => signUpThroughApi(dj, uniqueEmail('crowd')));
    await request.post(`${E2E.backendUrl}/__embedded/stats/reset`);

    const first = await Promise.all(djs.map((dj) => dj.get(LIBRARY_QUERY, RETRY_A_CLOSED_KEEP_ALIVE)));
    expect(first.map((r) => r.status())).toEqual(Array(DJS).fill(200));
    const bodies = new Set(await Promise.all(first.map((r) => r.text())));
    expect(bodies.size).toBe(1);
    expect(JSON.parse([...bodies][0]!).items.length).toBeGreaterThan(0);
    let stats = await backendStats(request);
    expect(stats['GET /entities/Track']).toBe(1);
    expect(stats['GET /entities/Track/count']).toBe(1);

    const again = await Promise.all(djs.map((dj) => dj.get(LIBRARY_QUERY, RETRY_A_CLOSED_KEEP_ALIVE)));
    expect(again.map((r) => r.status())).toEqual(Array(DJS).fill(200));
    stats = await backendStats(request);
    expect(stats['GET /entities/Track']).toBe(1);
    expect(stats['GET /entities/Track/count']).toBe(1);
  } finally {
    await Promise.all(djs.map((dj) => dj.dispose()));
  }
});

import { expect, test } from '@playwright/test';
import { E2E } from './support/servers';

// The console as `npm start` runs it: no Base44 configured, the embedded backend in-process.
test('with no Base44 configured, the console serves the demo catalogue from its embedded backend', async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: E2E.inProcessUrl });
  const csrf = await request.get('/api/auth/csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: E2E.demoDj, password: E2E.demoPassword, json: 'true' },
    headers: { cookie: (csrf.headers()['set-cookie'] ?? '').split(';')[0]! },
    maxRedirects: 0,
  });
  // The https NEXTAUTH_URL makes the cookie Secure; replay it by hand over the loopback http.
  const session = res.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('__Secure-next-auth.session-token='));
  expect(session).toBeTruthy();
  const cookie = session!.value.split(';')[0]!;

  const list = await request.get('/api/tracks?pageSize=100', { headers: { cookie } });
  expect(list.status()).toBe(200);
  const page = (await list.json()) as { items: Array<{ id: string; status: string; audioUrl: string }>; total: number };
  expect(page.total).toBeGreaterThanOrEqual(30);
  expect(page.items.every((t) => t.status === 'approved')).toBe(true);

  const audio = await request.get(page.items[0]!.audioUrl, { headers: { cookie, Range: 'bytes=0-1' } });
  expect(audio.status()).toBe(206);
  const me = await request.get('/api/me', { headers: { cookie } });
  expect((await me.json()).email).toBe(E2E.demoDj);
  await request.dispose();
});

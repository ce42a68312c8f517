import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { E2E } from './support/servers';
import { base44TokenOf, signInThroughUi } from './support/auth';

test.describe('the Base44 token never reaches the browser', () => {
  test('not in the session, HTML, scripts, storage, IndexedDB or server logs', async ({ page, context }) => {
    const scriptBodies: string[] = [];
    page.on('response', async (res) => {
      if (res.request().resourceType() === 'script') scriptBodies.push(await res.text().catch(() => ''));
    });
    await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
    const token = await base44TokenOf(context);
    const signature = token.split('.').at(-1)!;
    const containsToken = (text: string) => text.includes(token) || text.includes(signature);

    await page.getByTestId('track-row').first().click();
    await expect(page.locator('[data-app-ready="true"]')).toBeVisible();

    expect(containsToken(await (await page.request.get('/api/auth/session')).text())).toBe(false);
    expect(containsToken(await page.content())).toBe(false);
    expect(containsToken(await (await page.request.get('/library')).text())).toBe(false);
    expect(scriptBodies.length).toBeGreaterThan(0);
    for (const body of scriptBodies) expect(containsToken(body)).toBe(false);

    const storage = await page.evaluate(async () => {
      const dump = (s: Storage) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`).join('\n');
      const dbs = await indexedDB.databases();
      const rows: string[] = [];
      for (const info of dbs) {
        if (!info.name) continue;
        const db = await new Promise<IDBDatabase>((ok, ko) => {
          const open = indexedDB.open(info.name!);
          open.onsuccess = () => ok(open.result);
          open.onerror = () => ko(open.error);
        });
        for (const store of Array.from(db.objectStoreNames)) {
          const all = await new Promise<unknown[]>((ok) => {
            const req = db.transaction(store).objectStore(store).getAll();
            req.onsuccess = () => ok(req.result);
          });
          rows.push(JSON.stringify(all));
        }
        db.close();
      }
      return { local: dump(localStorage), session: dump(sessionStorage), idb: rows.join('\n'), cookie: document.cookie };
    });
    expect(containsToken(storage.local)).toBe(false);
    expect(containsToken(storage.session)).toBe(false);
    expect(containsToken(storage.idb)).toBe(false);
    expect(storage.cookie).not.toContain('next-auth.session-token');

    for (const log of ['console.log', 'backend.log', 'in-process.log']) {
      expect(containsToken(readFileSync(path.join(E2E.dataDir, log), 'utf8')), log).toBe(false);
    }
  });
});

test.describe('the session cookie', () => {
  test('is HttpOnly and SameSite=Lax', async ({ page, context }) => {
    await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
    const cookie = (await context.cookies()).find((c) => c.name === 'next-auth.session-token');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
  });

  test('is Secure (and __Secure- prefixed) when the console is served over https', async ({ playwright }) => {
    const request = await playwright.request.newContext({ baseURL: E2E.inProcessUrl });
    const csrf = await request.get('/api/auth/csrf');
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers()['set-cookie'] ?? '';
    const res = await request.post('/api/auth/callback/credentials', {
      form: { csrfToken, email: E2E.demoDj, password: E2E.demoPassword, json: 'true' },
      headers: { cookie: csrfCookie.split(';')[0]! },
      maxRedirects: 0,
    });
    const setCookie = res.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value);
    const session = setCookie.find((c) => c.startsWith('__Secure-next-auth.session-token='));
    expect(session, setCookie.join('\n')).toBeTruthy();
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    await request.dispose();
  });
});

test.describe('mutating routes', () => {
  test('refuse another origin and text/plain bodies, and change nothing', async ({ page }) => {
    await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
    const before = await (await page.request.get('/api/me')).json();

    const crossSite = await page.request.patch('/api/me', {
      headers: { Origin: 'http://evil.example', 'Content-Type': 'application/json' },
      data: Buffer.from(JSON.stringify({ bio: 'hacked' })),
    });
    expect(crossSite.status()).toBe(403);
    expect((await crossSite.json()).error.code).toBe('cross_origin');

    const fetchSite = await page.request.patch('/api/me', {
      headers: { 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/json' },
      data: Buffer.from(JSON.stringify({ bio: 'hacked' })),
    });
    expect(fetchSite.status()).toBe(403);

    const textPlain = await page.request.patch('/api/me', {
      headers: { Origin: E2E.consoleUrl, 'Content-Type': 'text/plain' },
      data: Buffer.from('{"bio":"hacked"}'),
    });
    expect(textPlain.status()).toBe(415);

    const formPost = await page.request.post('/api/me', {
      headers: { Origin: 'http://evil.example', 'Content-Type': 'text/plain' },
      data: Buffer.from('{"bio":"hacked"}'),
    });
    expect([403, 405]).toContain(formPost.status());

    const after = await (await page.request.get('/api/me')).json();
    expect(after).toEqual(before);
    expect(after.bio).not.toBe('hacked');
  });

  test('answer bad input with a clear 400 and change nothing', async ({ page }) => {
    await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
    const before = await (await page.request.get('/api/me')).json();
    const res = await page.request.patch('/api/me', {
      headers: { Origin: E2E.consoleUrl, 'Content-Type': 'application/json' },
      data: Buffer.from('{"bio": 42, "blackDiamonds": 1000}'),
    });
    expect(res.status()).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.issues.length).toBeGreaterThan(0);
    const malformed = await page.request.patch('/api/me', {
      headers: { Origin: E2E.consoleUrl, 'Content-Type': 'application/json' },
      data: Buffer.from('{"bio": '),
    });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error.code).toBe('invalid_json');
    expect(await (await page.request.get('/api/me')).json()).toEqual(before);
  });
});

test.describe('data routes', () => {
  test('every data route under /api answers 401 without a session', async ({ request }) => {
    // Public by design: next-auth's own endpoints, and the HEAD-only reachability probe (tested below).
    const routes = listRouteFiles(path.join('app', 'api')).filter((r) => !r.path.startsWith('/api/auth') && r.path !== '/api/health');
    expect(routes.length).toBeGreaterThanOrEqual(5);
    for (const { path: routePath, methods } of routes) {
      for (const method of methods) {
        const res = await request.fetch(routePath, {
          method,
          headers: { Origin: E2E.consoleUrl, 'Content-Type': 'application/json' },
          data: method === 'GET' ? undefined : Buffer.from('{}'),
        });
        expect(res.status(), `${method} ${routePath}`).toBe(401);
        expect((await res.json()).error.code, `${method} ${routePath}`).toBe('unauthenticated');
      }
    }
  });

  test('the only public data-free route is the HEAD-only reachability probe', async ({ request }) => {
    const health = listRouteFiles(path.join('app', 'api')).find((r) => r.path === '/api/health');
    expect(health?.methods).toEqual(['HEAD']);
    const probe = await request.head('/api/health');
    expect(probe.status()).toBe(204);
    expect(await probe.body()).toHaveLength(0);
    expect((await request.get('/api/health')).status()).toBe(405);
  });

  test('an upstream 401 ends the session with a distinct error', async ({ page, context }) => {
    await signInThroughUi(page, E2E.demoDj, E2E.demoPassword);
    const cookie = (await context.cookies()).find((c) => c.name === 'next-auth.session-token')!;
    const forged = await encode({
      token: { uid: 'nobody', role: 'user', userType: 'dj', base44Token: 'expired.or.revoked-token-value', email: 'x@y.z' },
      secret: E2E.nextAuthSecret,
    });
    await context.addCookies([{ ...cookie, value: forged }]);
    const res = await page.request.get('/api/me');
    expect(res.status()).toBe(401);
    expect((await res.json()).error.code).toBe('session_expired');
    expect(res.headers()['set-cookie']).toMatch(/next-auth\.session-token=;.*Max-Age=0/i);
  });
});

function listRouteFiles(dir: string): Array<{ path: string; methods: string[] }> {
  const found: Array<{ path: string; methods: string[] }> = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listRouteFiles(full));
    else if (entry.name === 'route.ts') {
      const source = readFileSync(full, 'utf8');
      const methods = [...source.matchAll(/export const (GET|HEAD|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
      const urlPath = '/' + path.dirname(full).split(path.sep).slice(1).map((part) => part.replace(/^\[\.{0,3}(\w+)\]$/, 'x1')).join('/');
      found.push({ path: urlPath, methods });
    }
  }
  return found;
}

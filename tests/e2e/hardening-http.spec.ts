import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { wav } from './support/audio-fixtures';
import { signInThroughApi } from './support/auth';
import { chunkedBody, pidListeningOn, rawRequest, rssOf } from './support/raw-http';
import { E2E } from './support/servers';

// Issue #16, HTTP-level, against the built console as it is served (lib/cli/server.mjs).

const MB = 1024 * 1024;

async function cookieHeader(request: APIRequestContext): Promise<string> {
  return (await request.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

async function signedIn(request: APIRequestContext, email = E2E.demoDj): Promise<string> {
  await signInThroughApi(request, email, E2E.demoPassword);
  return cookieHeader(request);
}

const errorCode = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

test.describe('bounded request bodies (finding 1)', () => {
  test('8 chunked 64 MB bodies at once to PATCH /api/me and 8 to the sign-in endpoint: each 413, RSS grows under 32 MB', async ({ request }) => {
    test.setTimeout(180_000);
    const cookie = await signedIn(request);
    const toMe = () =>
      rawRequest(E2E.consoleUrl, '/api/me', {
        method: 'PATCH',
        headers: { cookie, origin: E2E.consoleUrl, 'content-type': 'application/json' },
        write: chunkedBody(64 * MB),
      });
    const toSignIn = () =>
      rawRequest(E2E.consoleUrl, '/api/auth/callback/credentials', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        write: chunkedBody(64 * MB),
      });
    // Both routes loaded once, so their code is not counted as growth.
    expect((await toMe()).status).toBe(413);
    expect((await toSignIn()).status).toBe(413);

    const pid = pidListeningOn(E2E.consolePort);
    const before = rssOf(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 20);
    const answers = await Promise.all([...Array.from({ length: 8 }, toMe), ...Array.from({ length: 8 }, toSignIn)]);
    await new Promise((settle) => setTimeout(settle, 300));
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(pid));

    for (const answer of answers) {
      expect(answer.status).toBe(413);
      expect(answer.headers['content-type']).toContain('application/json');
      expect(errorCode(answer.body)).toBe('payload_too_large');
      // Answered long before the client could send its 64 MB.
      expect(answer.sentBytes).toBeLessThan(32 * MB);
    }
    const growth = (peak - before) / MB;
    console.log(`[memory] console RSS ${Math.round(before / MB)} MB, peak growth ${growth.toFixed(1)} MB under 16 chunked 64 MB bodies`);
    expect(growth).toBeLessThan(32);
  });
});

test.describe('ids are checked as ids first (finding 6)', () => {
  test('an undecodable id answers 400 JSON on every id route, signed out', async () => {
    for (const p of ['/api/tracks/%FF%FE', '/api/tracks/%FF%FE/audio', '/api/playlists/%FF', '/api/users/%E0%A4%A/avatar', '/api/vip/%FF%FE/unlock', '/api/my-tracks/%C0']) {
      const answer = await rawRequest(E2E.consoleUrl, p);
      expect(answer.status, p).toBe(400);
      expect(answer.headers['content-type'], p).toContain('application/json');
      expect(errorCode(answer.body), p).toBe('invalid_input');
    }
  });

  test('upstream sub-route names are not ids: 400 before anything reaches Base44', async ({ request }) => {
    const cookie = await signedIn(request);
    const trackCalls = async () => {
      const stats = (await (await request.get(`${E2E.backendUrl}/__embedded/stats`)).json()) as { byRoute: Record<string, number> };
      return Object.entries(stats.byRoute).filter(([key]) => / \/entities\/Track\b/.test(key)).reduce((sum, [, n]) => sum + n, 0);
    };
    const before = await trackCalls();
    for (const id of ['count', 'filter', 'bulk', 'update-many', 'v2', 'me', 'import', 'upsert']) {
      for (const p of [`/api/tracks/${id}`, `/api/stats/tracks/${id}`]) {
        const answer = await rawRequest(E2E.consoleUrl, p, { headers: { cookie } });
        expect(answer.status, p).toBe(400);
        expect(errorCode(answer.body), p).toBe('invalid_input');
      }
    }
    const signedOut = await rawRequest(E2E.consoleUrl, '/api/tracks/count');
    expect(signedOut.status).toBe(400);
    expect(await trackCalls()).toBe(before);
  });
});

test.describe('callbackUrl never makes next-auth fail (finding 6)', () => {
  const UNPARSABLE = ['::', 'http://[::1', 'http://%zz', 'javascript:alert(1)'];

  test('in the callback-url cookie: session, csrf, providers and sign-in pages answer, and the cookie is reset', async () => {
    for (const value of UNPARSABLE) {
      for (const p of ['/api/auth/session', '/api/auth/csrf', '/api/auth/providers', '/api/auth/signin']) {
        const answer = await rawRequest(E2E.consoleUrl, p, { headers: { cookie: `next-auth.callback-url=${encodeURIComponent(value)}` } });
        expect(answer.status, `${p} with cookie ${value}`).toBeLessThan(500);
      }
    }
  });

  test('in the query string', async () => {
    for (const value of UNPARSABLE) {
      for (const p of ['/api/auth/session', '/api/auth/csrf', '/api/auth/providers', '/api/auth/signin']) {
        const answer = await rawRequest(E2E.consoleUrl, `${p}?callbackUrl=${encodeURIComponent(value)}`);
        expect(answer.status, `${p}?callbackUrl=${value}`).toBeLessThan(500);
      }
    }
  });

  test('in the sign-in form: the member is signed in and sent to the default page', async ({ request }) => {
    for (const value of ['::', 'https://evil.test/steal']) {
      const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
      const res = await request.post('/api/auth/callback/credentials', {
        form: { csrfToken, email: E2E.demoDj, password: E2E.demoPassword, json: 'true', callbackUrl: value },
        maxRedirects: 0,
      });
      expect(res.status(), value).toBe(200);
      const { url } = (await res.json()) as { url: string };
      expect(new URL(url).origin, value).toBe(E2E.consoleUrl);
      const session = (await (await request.get('/api/auth/session')).json()) as { user?: { email?: string } };
      expect(session.user?.email).toBe(E2E.demoDj);
    }
  });
});

test.describe('per-member answers are never stored (finding 6)', () => {
  test('Cache-Control: private, no-store on member JSON and errors', async ({ request }) => {
    const cookie = await signedIn(request);
    for (const p of ['/api/me', '/api/vip', '/api/notifications', '/api/playlists', '/api/tracks?pageSize=50']) {
      const answer = await rawRequest(E2E.consoleUrl, p, { headers: { cookie } });
      expect(answer.status, p).toBe(200);
      expect(answer.headers['cache-control'], p).toMatch(/^private, no-store(, no-transform)?$/);
    }
    const refused = await rawRequest(E2E.consoleUrl, '/api/me');
    expect(refused.status).toBe(401);
    expect(refused.headers['cache-control']).toBe('private, no-store, no-transform');
  });
});

test.describe('uploads run on their own clock (finding 5)', () => {
  // A console of its own, with a 2 s stall setting, on the embedded backend (its own data).
  const port = 3107;
  const base = `http://127.0.0.1:${port}`;
  const dataDir = path.join(E2E.dataDir, 'stall-console');
  const filesDir = path.join(dataDir, 'base44', 'files');
  let server: ChildProcess | null = null;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    rmSync(dataDir, { recursive: true, force: true });
    const { BASE44_SERVER_URL: _remote, ...inherited } = process.env;
    server = spawn(process.execPath, ['lib/cli/server.mjs', '-H', '127.0.0.1', '-p', String(port)], {
      env: { ...inherited, NEXT_TELEMETRY_DISABLED: '1', NEXTAUTH_SECRET: E2E.nextAuthSecret, NEXTAUTH_URL: base, SPYNNERS_DATA_DIR: dataDir, UPLOAD_STALL_SECONDS: '2' },
      stdio: 'inherit',
    });
    for (let i = 0; i < 200; i++) {
      const up = await fetch(`${base}/sign-in`).then((r) => r.ok, () => false);
      if (up) return;
      await new Promise((wait) => setTimeout(wait, 300));
    }
    throw new Error('the stall-test console did not start');
  });

  test.afterAll(() => {
    server?.kill('SIGTERM');
  });

  async function producer(playwright: typeof import('@playwright/test')['request']): Promise<string> {
    const context = await playwright.newContext({ baseURL: base });
    await signInThroughApi(context, 'producer@spynners.local', E2E.demoPassword);
    return cookieHeader(context);
  }

  function multipart(file: Buffer) {
    const boundary = `----hardening${Date.now()}`;
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.wav"\r\nContent-Type: audio/wav\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([head, file, tail]) };
  }

  const storedFiles = () => (existsSync(filesDir) ? readdirSync(filesDir) : []);

  test('a client that stops sending gets 408 upload_stalled; nothing is stored upstream', async ({ playwright }) => {
    const cookie = await producer(playwright.request);
    const { type, body } = multipart(wav('slow.wav', 124, 8).buffer);
    const filesBefore = storedFiles();
    const started = Date.now();
    const answer = await rawRequest(base, '/api/uploads?kind=audio', {
      method: 'POST',
      headers: { cookie, origin: base, 'content-type': type, 'content-length': String(body.length) },
      // A third of the file, then silence (the request stays open).
      write: async (send) => {
        await send(body.subarray(0, Math.floor(body.length / 3)));
        await new Promise(() => undefined);
      },
    });
    const waited = Date.now() - started;
    expect(answer.status).toBe(408);
    expect(errorCode(answer.body)).toBe('upload_stalled');
    expect(waited).toBeGreaterThanOrEqual(1900);
    expect(waited).toBeLessThan(15_000);
    // The upstream request was aborted: its partial file is gone, nothing was added.
    await expect.poll(storedFiles, { timeout: 5000 }).toEqual(filesBefore);
  });

  test('a slow but steady upload lasting longer than the stall period succeeds', async ({ playwright }) => {
    const cookie = await producer(playwright.request);
    const file = wav('steady.wav', 124, 8).buffer;
    const { type, body } = multipart(file);
    const pieces = 8;
    const started = Date.now();
    const answer = await rawRequest(base, '/api/uploads?kind=audio', {
      method: 'POST',
      headers: { cookie, origin: base, 'content-type': type, 'content-length': String(body.length) },
      write: async (send) => {
        const size = Math.ceil(body.length / pieces);
        for (let i = 0; i < pieces; i++) {
          await send(body.subarray(i * size, (i + 1) * size));
          await new Promise((wait) => setTimeout(wait, 700));
        }
      },
    });
    expect(Date.now() - started).toBeGreaterThan(4000);
    expect(answer.status, answer.body).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ kind: 'audio', format: 'wav', size: file.length });
  });
});

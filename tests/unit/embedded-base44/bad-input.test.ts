import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer } from '../../../lib/embedded-base44';
import { APP_ID, BASE_URL, JWT_SECRET, startTestBackend, type TestBackend } from './support';

let api: TestBackend;
let admin: string;
let producer: string;

beforeAll(async () => {
  api = await startTestBackend({ trackCount: 2 });
  admin = await api.login('admin@spynners.local');
  producer = await api.login('producer@spynners.local');
});
afterAll(() => api.close());

const trackCount = async () => (await api.call('GET', '/entities/Track/count', { token: admin })).json.count as number;

describe('bad input', () => {
  it.each([
    ['malformed JSON', 'POST', '/entities/Track', { rawBody: '{"title": ', headers: { 'content-type': 'application/json' } }],
    ['an empty body', 'POST', '/entities/Track', { rawBody: '' }],
    ['an array for one record', 'POST', '/entities/Track', { body: [{ title: 'x' }] }],
    ['a number for a text field', 'POST', '/entities/Track', { body: { title: 42 } }],
    ['a word for a numeric field', 'POST', '/entities/Track', { body: { title: 'x', bpm: 'fast' } }],
    ['an unknown status', 'PUT', '/entities/Track/ID', { body: { status: 'lost' } }],
    ['a string for a list field', 'PUT', '/entities/User/me', { body: { preferred_genres: 'House' } }],
    ['a password in a record', 'PUT', '/entities/User/me', { body: { password: 'plain' } }],
    ['an operator as a field name', 'POST', '/entities/Playlist', { body: { $set: { name: 'x' } } }],
    ['an unknown entity', 'GET', '/entities/Nope', {}],
    ['an unknown entity write', 'POST', '/entities/Nope', { body: { a: 1 } }],
    ['a q that is not JSON', 'GET', '/entities/Track', { query: { q: '{status:approved}' } }],
    ['a q that is not an object', 'GET', '/entities/Track', { query: { q: '[1,2]' } }],
    ['a bulk body that is not an array', 'POST', '/entities/Track/bulk', { body: { title: 'x' } }],
    ['a bulk with one bad record', 'POST', '/entities/Track/bulk', { body: [{ title: 'ok' }, { title: 'bad', bpm: 'x' }] }],
    ['a bad sort', 'GET', '/entities/Track', { query: { sort: 'title; DROP TABLE "Track"' } }],
  ] as const)('answers 400 JSON to %s and changes nothing', async (_, method, route, options) => {
    const before = await trackCount();
    const id = (await api.call('GET', '/entities/Track', { token: admin, query: { limit: '1' } })).json[0].id;
    const answer = await api.call(method, route.replace('ID', id), { token: route.includes('User/me') ? producer : admin, ...options });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(typeof answer.json.message).toBe('string');
    expect(answer.json.message).toBe(answer.json.detail);
    expect(await trackCount()).toBe(before);
  });

  it('answers an absurdly large skip with an empty page, not an error', async () => {
    const answer = await api.call('GET', '/entities/Track', { token: admin, query: { skip: '99999999999999999999' } });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual([]);
  });

  it('names the offending field of an invalid record', async () => {
    const answer = await api.call('POST', '/entities/Track', { token: producer, body: { title: 'x', bpm: 'fast' } });
    expect(answer.json.issues).toEqual([expect.objectContaining({ field: 'bpm' })]);
  });

  it.each([
    ['an unknown endpoint', 'GET', `/api/apps/${APP_ID}/nothing-here`, {}, 404],
    ['too many path segments', 'GET', `/api/apps/${APP_ID}/entities/Track/a/b/c`, {}, 404],
    ['a method an endpoint lacks', 'DELETE', `/api/apps/${APP_ID}/auth/login`, {}, 404],
    ['a path outside the API', 'GET', '/index.html', {}, 404],
    ['an unknown app id', 'GET', '/api/apps/another-app/entities/Track', {}, 404],
    ['an X-App-Id for another app', 'GET', `/api/apps/${APP_ID}/entities/Track`, { 'x-app-id': 'another-app' }, 400],
    ['an oversized JSON body', 'POST', `/api/apps/${APP_ID}/entities/Track`, { 'content-length': String(50 * 1024 * 1024), 'content-type': 'application/json' }, 413],
  ] as const)('answers %s with JSON and the right status', async (_, method, route, headers, status) => {
    const answer = await api.backend.handle(
      new Request(`${BASE_URL}${route}`, {
        method,
        headers: { authorization: `Bearer ${admin}`, ...headers },
        body: method === 'POST' ? '{}' : undefined,
      }),
    );
    expect(answer.status).toBe(status);
    expect(await answer.json()).toHaveProperty('message');
  });

  it('keeps serving over HTTP after garbage, and the database stays intact', async () => {
    const server = await startEmbeddedServer({ dataDir: api.dataDir, port: 0, jwtSecret: JWT_SECRET });
    try {
      const base = `${server.url}/api/apps/${APP_ID}`;
      const auth = { authorization: `Bearer ${admin}` };
      const garbage: [string, RequestInit][] = [
        ['/entities/Track', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '\u0000\u0001not json' }],
        ['/entities/Track?q=%7B%22bpm%22%3A%7B%22%24gt%22%3A%22x%22%7D%7D', { headers: auth }],
        ['/entities/Track/%E0%A4%A', { headers: auth }],
        ['/entities/%ZZ', { headers: auth }],
        ['/integration-endpoints/Core/UploadFile', { method: 'POST', headers: { ...auth, 'content-type': 'multipart/form-data; boundary=zz' }, body: '--zz\r\nbroken' }],
        ['/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email": 1}' }],
        ['/entities/User/me', { headers: { authorization: 'Bearer a.b.c' } }],
      ];
      for (const [route, init] of garbage) {
        const answer = await fetch(base + route, init);
        expect(answer.status, route).toBeGreaterThanOrEqual(400);
        expect(answer.status, route).toBeLessThan(500);
        await answer.arrayBuffer();
      }
      const list = await fetch(`${base}/entities/Track`, { headers: auth });
      expect(list.status).toBe(200);
      expect(((await list.json()) as unknown[]).length).toBe(2);
    } finally {
      await server.close();
    }
    const db = new Database(path.join(api.dataDir, 'base44.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { outdatedRuntimeCaches, pagesCacheName } from '@/lib/sw/cache-names';
import {
  documentCacheKey,
  documentPathsOf,
  isCacheableArtwork,
  isCacheablePage,
  meansSignedOut,
  warmPages,
} from '@/lib/sw/page-cache';

const html = (init: ResponseInit = {}) => new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, ...init });
const rsc = () => new Response('0:{}', { status: 200, headers: { 'content-type': 'text/x-component' } });
/** Response-like with the fields only browsers set (type, redirected). */
const fake = (fields: Partial<Response>) => ({ ...fields, headers: fields.headers ?? new Headers({ 'content-type': 'text/html' }) }) as Response;

describe('isCacheablePage', () => {
  it('keeps a same-origin 200 of the right type', () => {
    expect(isCacheablePage(html(), 'document')).toBe(true);
    expect(isCacheablePage(rsc(), 'rsc')).toBe(true);
    expect(isCacheablePage(fake({ type: 'basic', status: 200, redirected: false }), 'document')).toBe(true);
  });

  it('never keeps the wrong type, an error, a redirect or a response that sets a cookie', () => {
    expect(isCacheablePage(rsc(), 'document')).toBe(false);
    expect(isCacheablePage(html(), 'rsc')).toBe(false);
    expect(isCacheablePage(html({ status: 500 }), 'document')).toBe(false);
    expect(isCacheablePage(html({ status: 404 }), 'document')).toBe(false);
    expect(isCacheablePage(Response.redirect('http://127.0.0.1/sign-in', 307), 'document')).toBe(false);
    expect(isCacheablePage(fake({ type: 'opaqueredirect', status: 0, redirected: false }), 'document')).toBe(false);
    expect(isCacheablePage(fake({ type: 'basic', status: 200, redirected: true }), 'document')).toBe(false);
    expect(isCacheablePage(fake({ type: 'opaque', status: 0, redirected: false }), 'document')).toBe(false);
    const cookie = new Headers({ 'content-type': 'text/html', 'set-cookie': 'a=b' });
    expect(isCacheablePage(fake({ type: 'basic', status: 200, redirected: false, headers: cookie }), 'document')).toBe(false);
  });

  it('reads a redirect of a console page as the end of the session', () => {
    expect(meansSignedOut(fake({ type: 'opaqueredirect', status: 0, redirected: false }))).toBe(true);
    expect(meansSignedOut(fake({ type: 'basic', status: 200, redirected: true }))).toBe(true);
    expect(meansSignedOut(Response.redirect('http://127.0.0.1/sign-in', 307))).toBe(true);
    expect(meansSignedOut(html())).toBe(false);
    expect(meansSignedOut(html({ status: 500 }))).toBe(false);
  });
});

describe('keys and warming', () => {
  it('keys documents by path, without the query string', () => {
    expect(documentCacheKey('http://127.0.0.1:3100/library?genre=House&sort=new')).toBe('http://127.0.0.1:3100/library');
  });

  it('finds the document paths of an earlier cache, skipping RSC payloads and non-console URLs', () => {
    const keys = ['/library', '/vip?_rsc=1x', '/tracks/t1', '/offline', '/tracks/t1'].map((p) => new Request(`http://127.0.0.1:3100${p}`));
    expect(documentPathsOf(keys)).toEqual(['/library', '/tracks/t1']);
  });

  it('loads the tabs then the given paths, one at a time, skipping cached ones and surviving failures', async () => {
    const cached = new Set(['/vip']);
    const load = vi.fn(async (path: string) => {
      if (path === '/profile') throw new Error('offline');
    });
    const loaded = await warmPages({ paths: ['/tracks/t1', '/library', '/sign-in'], isCached: async (p) => cached.has(p), load });
    expect(load.mock.calls.map(([p]) => p)).toEqual(['/library', '/console', '/sessions', '/playlists', '/downloads', '/profile', '/tracks/t1']);
    expect(loaded).toEqual(['/library', '/console', '/sessions', '/playlists', '/downloads', '/tracks/t1']);
  });

  it('gives way to a new version: stops between pages once asked to', async () => {
    let newVersionWaiting = false;
    const load = vi.fn(async (path: string) => {
      if (path === '/console') newVersionWaiting = true;
    });
    const loaded = await warmPages({ paths: [], isCached: async () => false, load, stop: () => newVersionWaiting });
    expect(loaded).toEqual(['/library', '/console']);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('caps how many pages one warm-up loads', async () => {
    const load = vi.fn(async () => undefined);
    const paths = Array.from({ length: 40 }, (_, i) => `/tracks/t${i}`);
    await warmPages({ paths, isCached: async () => false, load, max: 10 });
    expect(load).toHaveBeenCalledTimes(10);
  });
});

describe('artwork and cache names', () => {
  it('keeps only 200 images as artwork', () => {
    expect(isCacheableArtwork(new Response('x', { headers: { 'content-type': 'image/svg+xml' } }))).toBe(true);
    expect(isCacheableArtwork(new Response('{}', { status: 404, headers: { 'content-type': 'application/json' } }))).toBe(false);
    expect(isCacheableArtwork(new Response('{}', { headers: { 'content-type': 'application/json' } }))).toBe(false);
  });

  it('deletes only our own outdated runtime caches on activation', () => {
    const current = [pagesCacheName('B2'), 'spynners-artwork-v1'];
    const existing = [
      pagesCacheName('B1'),
      pagesCacheName('B2'),
      'spynners-pages-v0',
      'spynners-artwork-v0',
      'spynners-artwork-v1',
      'spynners-audio-v1',
      'spynners-offline-artwork-v1',
      'workbox-precache-v2-http://127.0.0.1:3100/',
      'someone-elses-cache',
    ];
    expect(outdatedRuntimeCaches(existing, current)).toEqual([pagesCacheName('B1'), 'spynners-pages-v0', 'spynners-artwork-v0']);
  });
});

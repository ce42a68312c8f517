import { describe, expect, it } from 'vitest';
import { changesUser, consoleRequestKind, isArtworkRequest, isBareAddressNavigation, isOtherNavigation, plainArtworkUrl } from '@/lib/sw/routes';

const ORIGIN = 'http://127.0.0.1:3100';

/** Request-like: Node's Request refuses mode 'navigate', which only browsers create. */
function req(path: string, init: { method?: string; mode?: string; destination?: string; headers?: Record<string, string> } = {}) {
  const url = new URL(path, ORIGIN);
  const request = {
    url: url.href,
    method: init.method ?? 'GET',
    mode: init.mode ?? 'cors',
    destination: init.destination ?? '',
    headers: new Headers(init.headers),
  } as unknown as Request;
  return { request, url };
}

const navigate = (path: string) => req(path, { mode: 'navigate', destination: 'document' });
const kind = ({ request, url }: ReturnType<typeof req>) => consoleRequestKind(request, url, ORIGIN);

describe('consoleRequestKind', () => {
  it('takes navigations to every console screen as documents', () => {
    for (const path of ['/library', '/library?genre=House', '/tracks/abc_12-Z', '/playlists', '/playlists/p1', '/vip', '/downloads', '/profile', '/sessions', '/console']) {
      expect(kind(navigate(path)), path).toBe('document');
    }
  });

  it('takes RSC fetches (header or _rsc param) of console screens as rsc, prefetches apart', () => {
    expect(kind(req('/vip?_rsc=abc', { headers: { rsc: '1' } }))).toBe('rsc');
    expect(kind(req('/vip?_rsc=abc'))).toBe('rsc');
    expect(kind(req('/vip', { headers: { rsc: '1' } }))).toBe('rsc');
    expect(kind(req('/vip?_rsc=abc', { headers: { rsc: '1', 'next-router-prefetch': '1' } }))).toBe('prefetch');
    expect(kind(req('/vip?_rsc=abc', { headers: { rsc: '1', 'next-router-segment-prefetch': '/_tree' } }))).toBe('prefetch');
  });

  it('leaves everything else alone: API, auth pages, other origins, other methods, sub-resources', () => {
    for (const path of ['/api/tracks', '/api/auth/session', '/sign-in', '/', '/offline', '/tracks', '/tracks/a/b', '/library/x']) {
      expect(kind(navigate(path)), path).toBeNull();
    }
    expect(consoleRequestKind(navigate('http://elsewhere.test/library').request, new URL('http://elsewhere.test/library'), ORIGIN)).toBeNull();
    expect(kind(req('/library', { method: 'POST', mode: 'navigate', destination: 'document' }))).toBeNull();
    expect(kind(req('/library'))).toBeNull(); // a plain fetch() of the page is not a navigation
  });
});

describe('other routes', () => {
  it("matches a track's artwork and a member's photo only", () => {
    const match = (path: string, method = 'GET') => {
      const { request, url } = req(path, { method, destination: 'image' });
      return isArtworkRequest(request, url, ORIGIN);
    };
    expect(match('/api/tracks/t1/artwork')).toBe(true);
    expect(match('/api/users/u1/avatar?v=abc')).toBe(true);
    expect(match('/api/users/u1/profile')).toBe(false);
    expect(match('/api/tracks/t1/audio')).toBe(false);
    expect(match('/api/tracks/t1/artwork', 'POST')).toBe(false);
  });

  it('sends other navigations to the network (offline page on failure), never the API', () => {
    const other = (path: string) => {
      const { request, url } = navigate(path);
      return isOtherNavigation(request, url, ORIGIN);
    };
    expect(other('/sign-in')).toBe(true);
    expect(other('/')).toBe(true);
    expect(other('/api/auth/signin')).toBe(false);
  });

  it('knows a navigation to the bare address (answered from the start screen offline), nothing else', () => {
    const bare = (path: string) => {
      const { request, url } = navigate(path);
      return isBareAddressNavigation(request, url, ORIGIN);
    };
    expect(bare('/')).toBe(true);
    expect(bare('/?utm=x')).toBe(true);
    expect(bare('/library')).toBe(false);
    expect(bare('/sign-in')).toBe(false);
    const { request, url } = req('/');
    expect(isBareAddressNavigation(request, url, ORIGIN)).toBe(false); // a fetch of `/`, not a navigation
  });

  it('hears sign-in and sign-out posts to next-auth, nothing else', () => {
    const hears = (path: string, method = 'POST') => {
      const { request, url } = req(path, { method });
      return changesUser(request, url, ORIGIN);
    };
    expect(hears('/api/auth/signout')).toBe(true);
    expect(hears('/api/auth/callback/credentials')).toBe(true);
    expect(hears('/api/auth/callback/signup')).toBe(true);
    expect(hears('/api/auth/session', 'GET')).toBe(false);
    expect(hears('/api/auth/csrf', 'GET')).toBe(false);
    expect(hears('/api/playlists')).toBe(false);
  });
});

describe('plainArtworkUrl', () => {
  it('names the cover behind a resized variant, and nothing for anything else', () => {
    expect(plainArtworkUrl(new URL('http://c.test/api/tracks/abc/artwork?size=256'))).toBe('http://c.test/api/tracks/abc/artwork');
    expect(plainArtworkUrl(new URL('http://c.test/api/tracks/abc/artwork'))).toBeNull();
    expect(plainArtworkUrl(new URL('http://c.test/api/tracks/abc/audio?size=256'))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { isPageScriptRequest } from '@/lib/sw/page-script';

const origin = 'https://console.example';

function requestFor(path: string, destination: RequestDestination, method = 'GET'): Request {
  const request = new Request(`${origin}${path}`, { method });
  Object.defineProperty(request, 'destination', { value: destination });
  return request;
}

describe('page scripts in the service worker', () => {
  it('recognises a same-origin /_next/static script loaded by a page', () => {
    const path = '/_next/static/chunks/03ejrm_hlbixg.js';
    expect(isPageScriptRequest(requestFor(path, 'script'), new URL(`${origin}${path}`), origin)).toBe(true);
  });

  it('leaves workers, styles, other origins, other paths and other methods alone', () => {
    const path = '/_next/static/chunks/app.js';
    const url = new URL(`${origin}${path}`);
    expect(isPageScriptRequest(requestFor(path, 'worker'), url, origin)).toBe(false);
    expect(isPageScriptRequest(requestFor('/_next/static/chunks/app.css', 'style'), new URL(`${origin}/_next/static/chunks/app.css`), origin)).toBe(false);
    expect(isPageScriptRequest(requestFor(path, 'script'), new URL(`https://cdn.example${path}`), origin)).toBe(false);
    expect(isPageScriptRequest(requestFor('/sw.js', 'script'), new URL(`${origin}/sw.js`), origin)).toBe(false);
    expect(isPageScriptRequest(requestFor(path, 'script', 'POST'), url, origin)).toBe(false);
  });
});

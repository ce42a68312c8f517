import { describe, expect, it } from 'vitest';
import { isWorkerScriptRequest, withoutResponseUrl } from '@/lib/sw/worker-script';

const origin = 'https://console.example';

function requestFor(path: string, destination: RequestDestination, method = 'GET'): Request {
  const request = new Request(`${origin}${path}`, { method });
  Object.defineProperty(request, 'destination', { value: destination });
  return request;
}

describe('worker scripts in the service worker', () => {
  it('recognises a same-origin /_next/static script started as a worker', () => {
    const path = '/_next/static/chunks/turbopack-worker-abc.js#params=%5B%5D';
    expect(isWorkerScriptRequest(requestFor(path, 'worker'), new URL(`${origin}${path}`), origin)).toBe(true);
    expect(isWorkerScriptRequest(requestFor(path, 'sharedworker'), new URL(`${origin}${path}`), origin)).toBe(true);
  });

  it('leaves other scripts, other origins and other paths alone', () => {
    const path = '/_next/static/chunks/app.js';
    expect(isWorkerScriptRequest(requestFor(path, 'script'), new URL(`${origin}${path}`), origin)).toBe(false);
    expect(isWorkerScriptRequest(requestFor(path, 'worker'), new URL(`https://cdn.example${path}`), origin)).toBe(false);
    expect(isWorkerScriptRequest(requestFor('/sw.js', 'worker'), new URL(`${origin}/sw.js`), origin)).toBe(false);
  });

  it('answers with the same status, headers and body but no URL of its own', async () => {
    const fetched = new Response('self.onmessage = () => {};', { status: 200, headers: { 'content-type': 'application/javascript' } });
    Object.defineProperty(fetched, 'url', { value: `${origin}/_next/static/chunks/turbopack-worker-abc.js` });
    const answer = withoutResponseUrl(fetched);
    expect(fetched.url).not.toBe('');
    expect(answer.url).toBe('');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/javascript');
    expect(await answer.text()).toBe('self.onmessage = () => {};');
  });
});

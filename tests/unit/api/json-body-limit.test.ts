import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CHUNK, endlessBody } from '../http/endless-body';

// Finding 1 of issue #16: a JSON body sent without Content-Length was read whole (req.text())
// before the 1 MiB limit was applied.
const SECRET = 'unit-test-secret-0123456789abcdefghijklmnopqrstuvwxyz';
process.env.NEXTAUTH_SECRET = SECRET;
process.env.NEXTAUTH_URL = 'http://console.test';
process.env.BASE44_SERVER_URL = 'http://base44.invalid';
vi.mock('@/lib/auth/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/auth/session')>()),
  readAuthContext: async () => ({ userId: 'u1', role: 'user', userType: 'dj', base44Token: 'b44-token', sessionId: 's1' }),
}));

const { route } = await import('@/lib/api/route');
const noParams = { params: Promise.resolve({}) };
const MIB = 1024 * 1024;

function streamedPost(body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new NextRequest('http://console.test/api/things', {
    method: 'POST',
    headers: { origin: 'http://console.test', 'content-type': 'application/json', ...headers },
    body,
    duplex: 'half',
  } as ConstructorParameters<typeof NextRequest>[1]);
}

describe('JSON bodies are bounded as they stream', () => {
  const schema = z.object({ name: z.string() });

  it('cuts a chunked body past 1 MiB with 413 payload_too_large, having read no more than the limit', async () => {
    const { stream, seen } = endlessBody();
    const handler = vi.fn();
    const res = await route({ body: schema }, handler)(streamedPost(stream), noParams);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
    expect(handler).not.toHaveBeenCalled();
    expect(seen.pulledBytes).toBeLessThanOrEqual(MIB + 2 * CHUNK);
    expect(seen.cancelled).toBe(true);
  });

  it('refuses a declared Content-Length over 1 MiB before reading', async () => {
    const { stream, seen } = endlessBody();
    const res = await route({ body: schema }, vi.fn())(streamedPost(stream, { 'content-length': String(MIB + 1) }), noParams);
    expect(res.status).toBe(413);
    expect(seen.pulledBytes).toBe(0);
  });

  it('still reads a body under the limit sent in many small chunks', async () => {
    const text = JSON.stringify({ name: `Café ${'x'.repeat(200_000)}` });
    const bytes = new TextEncoder().encode(text);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.slice(i, i + 1000));
        controller.close();
      },
    });
    const res = await route({ body: schema }, async ({ body: b }) => ({ length: b.name.length }))(streamedPost(body), noParams);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ length: 200_005 });
  });
});

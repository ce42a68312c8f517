import { describe, expect, it } from 'vitest';
import { BodyTimeoutError, BodyTooLargeError, readBounded, readBoundedBody } from '@/lib/http/bounded-body';
import { CHUNK, endlessBody } from './endless-body';


function bodyOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 3) controller.enqueue(bytes.slice(i, i + 3));
      controller.close();
    },
  });
}

describe('readBounded', () => {
  it('reads a body under the limit whole, chunk by chunk', async () => {
    const bytes = await readBounded(bodyOf('{"name":"Ça va 中文"}'), 1024);
    expect(new TextDecoder().decode(bytes)).toBe('{"name":"Ça va 中文"}');
  });

  it('accepts exactly the limit and refuses one byte more', async () => {
    await expect(readBounded(bodyOf('x'.repeat(10)), 10)).resolves.toHaveLength(10);
    await expect(readBounded(bodyOf('x'.repeat(11)), 10)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('stops an endless body at its limit: cancels it and pulls nothing more', async () => {
    const { stream, seen } = endlessBody();
    await expect(readBounded(stream, 1024 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(seen.cancelled).toBe(true);
    expect(seen.pulledBytes).toBeLessThanOrEqual(1024 * 1024 + CHUNK);
  });

  it('reads no body as empty', async () => {
    await expect(readBounded(null, 10)).resolves.toHaveLength(0);
  });
});

describe('readBoundedBody', () => {
  it('refuses a declared Content-Length over the limit before reading a byte', async () => {
    const { stream, seen } = endlessBody();
    const req = new Request('http://x.test/', {
      method: 'POST',
      body: stream,
      headers: { 'content-length': String(2 * 1024 * 1024) },
      duplex: 'half',
    } as RequestInit);
    await expect(readBoundedBody(req, 1024 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(seen.pulledBytes).toBe(0);
  });

  it('counts a body without Content-Length as it streams', async () => {
    const { stream, seen } = endlessBody();
    const req = new Request('http://x.test/', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    await expect(readBoundedBody(req, 256 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(seen.pulledBytes).toBeLessThanOrEqual(256 * 1024 + 2 * CHUNK);
  });
});

describe('a body trickled byte by byte', () => {
  it('is cut at the read deadline (the server has no request timeout of its own)', async () => {
    let cancelled = false;
    const trickle = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          await new Promise((done) => setTimeout(done, 20));
          controller.enqueue(new Uint8Array(1));
        },
        cancel() {
          cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    await expect(readBounded(trickle, 1024 * 1024, 150)).rejects.toBeInstanceOf(BodyTimeoutError);
    expect(cancelled).toBe(true);
  });
});

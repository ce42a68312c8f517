import { describe, expect, it } from 'vitest';
import { decideRange, rangeResponse } from '@/lib/sw/range-response';

const SIZE = 1000;
/** Byte i of the fake file is i % 251: every slice is recognisable. */
const FILE = Uint8Array.from({ length: SIZE }, (_, i) => i % 251);

function cachedCopy(bytes: Uint8Array<ArrayBuffer> = FILE, extra: Record<string, string> = {}): Response {
  return new Response(bytes, {
    status: 200,
    headers: { 'content-type': 'audio/mpeg', 'content-length': String(bytes.length), ...extra },
  });
}

async function answer(range: string | null, cached = cachedCopy()) {
  const res = await rangeResponse(cached, range);
  const body = new Uint8Array(await res.arrayBuffer());
  return { res, body, headers: Object.fromEntries(res.headers) };
}

describe('rangeResponse', () => {
  it('sends the whole file as a 200 when there is no Range', async () => {
    const { res, body, headers } = await answer(null);
    expect(res.status).toBe(200);
    expect(headers).toEqual({ 'accept-ranges': 'bytes', 'content-type': 'audio/mpeg', 'content-length': '1000' });
    expect(body).toEqual(FILE);
  });

  it("answers Safari's bytes=0-1 probe with a 206 of two bytes", async () => {
    const { res, body, headers } = await answer('bytes=0-1');
    expect(res.status).toBe(206);
    expect(headers).toEqual({
      'accept-ranges': 'bytes',
      'content-type': 'audio/mpeg',
      'content-length': '2',
      'content-range': 'bytes 0-1/1000',
    });
    expect(body).toEqual(FILE.slice(0, 2));
  });

  it('answers an open-ended range from N to the end', async () => {
    const { res, body, headers } = await answer('bytes=100-');
    expect(res.status).toBe(206);
    expect(headers['content-range']).toBe('bytes 100-999/1000');
    expect(headers['content-length']).toBe('900');
    expect(body).toEqual(FILE.slice(100));
  });

  it('answers a suffix range with the last N bytes', async () => {
    const { res, body, headers } = await answer('bytes=-500');
    expect(res.status).toBe(206);
    expect(headers['content-range']).toBe('bytes 500-999/1000');
    expect(headers['content-length']).toBe('500');
    expect(body).toEqual(FILE.slice(500));
  });

  it('answers a suffix longer than the file with the whole file as a 206', async () => {
    const { res, body, headers } = await answer('bytes=-5000');
    expect(res.status).toBe(206);
    expect(headers['content-range']).toBe('bytes 0-999/1000');
    expect(body).toEqual(FILE);
  });

  it('answers bytes=0- (the full range) with a 206, not a 200', async () => {
    const { res, body, headers } = await answer('bytes=0-');
    expect(res.status).toBe(206);
    expect(headers['content-range']).toBe('bytes 0-999/1000');
    expect(headers['content-length']).toBe('1000');
    expect(body).toEqual(FILE);
  });

  it('answers a closed range in the middle, and the very last byte', async () => {
    const middle = await answer('bytes=250-499');
    expect(middle.res.status).toBe(206);
    expect(middle.headers['content-range']).toBe('bytes 250-499/1000');
    expect(middle.body).toEqual(FILE.slice(250, 500));
    const last = await answer('bytes=999-999');
    expect(last.headers['content-range']).toBe('bytes 999-999/1000');
    expect(last.body).toEqual(FILE.slice(999));
  });

  it('clamps a last position past the end', async () => {
    const { res, body, headers } = await answer('bytes=900-5000');
    expect(res.status).toBe(206);
    expect(headers['content-range']).toBe('bytes 900-999/1000');
    expect(headers['content-length']).toBe('100');
    expect(body).toEqual(FILE.slice(900));
  });

  it('sends 416 with bytes */size for a range starting at or past the end', async () => {
    for (const range of ['bytes=1000-', 'bytes=1000-1001', 'bytes=5000-6000']) {
      const { res, body, headers } = await answer(range);
      expect(res.status, range).toBe(416);
      expect(headers, range).toEqual({ 'accept-ranges': 'bytes', 'content-range': 'bytes */1000', 'content-length': '0' });
      expect(body.length, range).toBe(0);
    }
  });

  it('sends 416 for a zero-length suffix, and for any range of an empty file', async () => {
    expect((await answer('bytes=-0')).res.status).toBe(416);
    const empty = await answer('bytes=0-1', cachedCopy(new Uint8Array(0)));
    expect(empty.res.status).toBe(416);
    expect(empty.headers['content-range']).toBe('bytes */0');
    expect((await answer('bytes=-10', cachedCopy(new Uint8Array(0)))).res.status).toBe(416);
  });

  it('ignores a multi-range request and sends the whole file as a 200', async () => {
    const { res, body, headers } = await answer('bytes=0-1,5-6');
    expect(res.status).toBe(200);
    expect(headers['content-range']).toBeUndefined();
    expect(headers['content-length']).toBe('1000');
    expect(body).toEqual(FILE);
  });

  it('ignores malformed ranges and other units (200 whole)', async () => {
    for (const range of ['bytes=abc', 'bytes=5-2', 'bytes=-', 'bytes=', 'items=0-1', 'bytes 0-1', 'bytes=1-2-3', 'bytes=0x10-']) {
      const { res, body, headers } = await answer(range);
      expect(res.status, range).toBe(200);
      expect(headers['content-range'], range).toBeUndefined();
      expect(body.length, range).toBe(SIZE);
    }
  });

  it('accepts the unit in any case, spaces around the range and an empty list element', async () => {
    expect((await answer('Bytes=0-1')).res.status).toBe(206);
    expect((await answer('bytes= 0-1 ')).headers['content-range']).toBe('bytes 0-1/1000');
    expect((await answer('bytes=0-1,')).headers['content-range']).toBe('bytes 0-1/1000');
  });

  it('works the same for a copy stored without Content-Length (size from the body)', async () => {
    const bare = () => new Response(FILE, { headers: { 'content-type': 'audio/mpeg' } });
    const whole = await answer(null, bare());
    expect(whole.headers).toEqual({ 'accept-ranges': 'bytes', 'content-type': 'audio/mpeg', 'content-length': '1000' });
    expect(whole.body).toEqual(FILE);
    const all = await answer('bytes=0-', bare());
    expect(all.res.status).toBe(206);
    expect(all.headers['content-range']).toBe('bytes 0-999/1000');
    expect(all.body).toEqual(FILE);
    const probe = await answer('bytes=0-1', bare());
    expect(probe.headers['content-range']).toBe('bytes 0-1/1000');
    expect(probe.body).toEqual(FILE.slice(0, 2));
  });

  it("keeps the copy's validators and slices by the body's size, whatever the stored header says", async () => {
    const cached = cachedCopy(FILE, { etag: '"v1"', 'last-modified': 'Wed, 01 Jan 2025 00:00:00 GMT', 'content-length': '7' });
    const { headers } = await answer('bytes=10-19', cached);
    expect(headers).toEqual({
      'accept-ranges': 'bytes',
      'content-type': 'audio/mpeg',
      'content-length': '10',
      'content-range': 'bytes 10-19/1000',
      etag: '"v1"',
      'last-modified': 'Wed, 01 Jan 2025 00:00:00 GMT',
    });
  });
});

describe('decideRange', () => {
  it('treats huge positions as past the end and huge suffixes as the whole file', () => {
    expect(decideRange('bytes=99999999999999999999-', 10)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=0-99999999999999999999', 10)).toEqual({ kind: 'partial', range: { start: 0, end: 9 } });
    expect(decideRange('bytes=-99999999999999999999', 10)).toEqual({ kind: 'partial', range: { start: 0, end: 9 } });
  });
});

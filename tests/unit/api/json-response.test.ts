import { describe, expect, it } from 'vitest';
import { jsonResponse } from '@/lib/api/json-response';

describe('jsonResponse', () => {
  it('marks an answer that fits in one TCP segment no-transform (Next does not gzip it), and never stored', async () => {
    const res = jsonResponse({ items: [], total: 0 });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('cache-control')).toBe('private, no-store, no-transform');
    expect(await res.json()).toEqual({ items: [], total: 0 });
  });

  it('leaves a bigger answer to compression, counting bytes, not characters; never stored either', async () => {
    const ascii = jsonResponse({ text: 'a'.repeat(1500) });
    expect(ascii.headers.get('cache-control')).toBe('private, no-store');
    const accented = 'é'.repeat(800); // 800 characters, 1600 bytes in UTF-8
    const res = jsonResponse({ text: accented }, 201);
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(await res.json()).toEqual({ text: accented });
  });
});

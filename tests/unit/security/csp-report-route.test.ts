import { afterEach, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { POST } from '@/app/api/csp-report/route';

const URL_ = 'http://127.0.0.1:3100/api/csp-report';
const report = JSON.stringify({ 'csp-report': { 'document-uri': 'http://127.0.0.1:3100/library', 'violated-directive': 'script-src-elem', 'blocked-uri': 'inline' } });

function post(body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/csp-report' }): Promise<Response> {
  return POST(new NextRequest(new Request(URL_, { method: 'POST', body, headers, duplex: 'half' } as RequestInit)));
}

function chunked(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      sent += 4096;
      controller.enqueue(new Uint8Array(4096).fill(0x20));
    },
  });
}

afterEach(() => vi.restoreAllMocks());

describe('POST /api/csp-report', () => {
  it('logs a browser report as one line and answers 204', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const res = await post(report);
    expect(res.status).toBe(204);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[csp\] violation \{"document":"http:\/\/127\.0\.0\.1:3100\/library","directive":"script-src-elem","blocked":"inline"\}$/));
  });

  it('refuses a body over 16 KiB while it streams, without Content-Length (413)', async () => {
    const res = await post(chunked(1024 * 1024));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('refuses other content types (415) and broken JSON (400), never a 500', async () => {
    expect((await post(report, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post('{', { 'content-type': 'application/csp-report' })).status).toBe(400);
  });

  it('drops a report another site makes its visitors send, unread', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const res = await post(report, { 'content-type': 'application/csp-report', 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(204);
    expect(warn).not.toHaveBeenCalled();
  });
});

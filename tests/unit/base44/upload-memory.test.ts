import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTransport } from '@/lib/base44/transport';
import { uploadVerbs } from '@/lib/base44/uploads';

// Issue #8: an upload streams through the console; memory must not grow with the file.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const MB = 1024 * 1024;
// Bounded means a window of a few megabytes whatever the file (a loaded 2-core CI runner measured
// up to 18 MB of buffers in flight); held whole means at least CHECK_AT. The bound sits between.
const FILE_BYTES = 128 * MB;
const CHECK_AT = 96 * MB;
const BOUND = 32 * MB;

let server: http.Server;
let upstream: string;
let liveBytesAtCheck = -1;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      const before = received;
      received += chunk.byteLength;
      if (before < CHECK_AT && received >= CHECK_AT) {
        // Upstream has read most of the file: what the sending side still holds is live now.
        collectGarbage();
        liveBytesAtCheck = process.memoryUsage().arrayBuffers;
      }
    });
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ file_url: 'https://files.example/upload.mp3' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  upstream = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function* fileOf(total: number): AsyncGenerator<Uint8Array> {
  for (let sent = 0; sent < total; sent += 256 * 1024) yield new Uint8Array(Math.min(256 * 1024, total - sent)).fill(sent % 251);
}

it('uploadFile holds a bounded window of the file, not every byte it sent', async () => {
  const { uploadFile } = uploadVerbs(createTransport({ serverUrl: upstream, appId: 'app' }), 'app');
  collectGarbage();
  const baseline = process.memoryUsage().arrayBuffers;

  const url = await uploadFile('token', { filename: 'big.mp3', contentType: 'audio/mpeg', chunks: fileOf(FILE_BYTES) });

  expect(url).toBe('https://files.example/upload.mp3');
  expect(liveBytesAtCheck).toBeGreaterThan(0);
  expect(liveBytesAtCheck - baseline).toBeLessThan(BOUND);
});

import busboy from 'busboy';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { limitBytes, UploadTooLargeError } from '@/lib/uploads/byte-limit';
import {
  encodeMultipartFile,
  iterableToStream,
  multipartContentType,
  multipartOverhead,
  newBoundary,
} from '@/lib/uploads/multipart-encoder';

async function* chunksOf(data: Uint8Array, size: number) {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

/** Parses a multipart body with busboy (what the embedded backend and most servers use). */
function parse(body: Uint8Array, contentType: string) {
  return new Promise<{ field: string; filename: string; mimeType: string; data: Buffer }[]>((resolve, reject) => {
    const files: { field: string; filename: string; mimeType: string; data: Buffer }[] = [];
    const parser = busboy({ headers: { 'content-type': contentType } });
    parser.on('file', (field, stream, info) => {
      const parts: Buffer[] = [];
      stream.on('data', (c: Buffer) => parts.push(c));
      stream.on('end', () => files.push({ field, filename: info.filename ?? '', mimeType: info.mimeType, data: Buffer.concat(parts) }));
    });
    parser.on('close', () => resolve(files));
    parser.on('error', reject);
    Readable.from([Buffer.from(body)]).pipe(parser);
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('encodeMultipartFile', () => {
  it('writes a body a multipart parser reads back byte for byte, with its name and type', async () => {
    const data = new Uint8Array(300_000).map((_, i) => (i * 7919) % 256);
    const boundary = newBoundary();
    const part = { boundary, field: 'file', filename: 'Déjà vu "mix" (1).wav', contentType: 'audio/wav' };
    const body = await collect(iterableToStream(encodeMultipartFile(part, chunksOf(data, 4096))));
    expect(body.byteLength).toBe(data.byteLength + multipartOverhead(part));
    const [file, ...others] = await parse(body, multipartContentType(boundary));
    expect(others).toEqual([]);
    expect(file).toMatchObject({ field: 'file', mimeType: 'audio/wav' });
    expect(file!.filename).toBe('Déjà vu "mix" (1).wav');
    expect(Buffer.compare(file!.data, Buffer.from(data))).toBe(0);
  });

  it('never puts a line break from a file name into the part headers', async () => {
    const boundary = newBoundary();
    const part = { boundary, field: 'file', filename: 'evil\r\nContent-Type: text/html\r\n\r\nx.mp3', contentType: 'audio/mpeg' };
    const body = await collect(iterableToStream(encodeMultipartFile(part, chunksOf(new Uint8Array([1, 2, 3]), 2))));
    const [file] = await parse(body, multipartContentType(boundary));
    expect(file!.mimeType).toBe('audio/mpeg');
    expect([...file!.data]).toEqual([1, 2, 3]);
  });

  it('pulls the source only as fast as the body is read (one chunk ahead at most)', async () => {
    let produced = 0;
    async function* source() {
      for (let i = 0; i < 100; i++) {
        produced += 1;
        yield new Uint8Array(1024);
      }
    }
    const reader = iterableToStream(encodeMultipartFile({ boundary: newBoundary(), field: 'file', filename: 'a.mp3', contentType: 'audio/mpeg' }, source())).getReader();
    await reader.read(); // part head
    await reader.read(); // first chunk
    await new Promise((r) => setTimeout(r, 20));
    expect(produced).toBeLessThanOrEqual(2);
    await reader.cancel();
  });

  it('with a read-ahead, pulls at most that many chunks beyond what was read', async () => {
    let produced = 0;
    async function* source() {
      for (let i = 0; i < 100; i++) {
        produced += 1;
        yield new Uint8Array(1024);
      }
    }
    const reader = iterableToStream(source(), { highWaterMark: 4 }).getReader();
    await reader.read();
    await reader.read();
    await new Promise((r) => setTimeout(r, 20));
    expect(produced).toBeGreaterThan(2);
    expect(produced).toBeLessThanOrEqual(2 + 4 + 1);
    await reader.cancel();
  });

  it('boundaries are unique and long', () => {
    const a = newBoundary();
    expect(a).not.toBe(newBoundary());
    expect(a.length).toBeGreaterThan(40);
  });
});

describe('limitBytes', () => {
  it('passes a stream up to the limit and counts it', async () => {
    const counted = limitBytes(chunksOf(new Uint8Array(1000), 100), 1000);
    let total = 0;
    for await (const chunk of counted.chunks) total += chunk.byteLength;
    expect(total).toBe(1000);
    expect(counted.bytes()).toBe(1000);
  });

  it('stops one byte past the limit with UploadTooLargeError, having passed no more than the limit', async () => {
    const counted = limitBytes(chunksOf(new Uint8Array(1001), 100), 1000);
    let passed = 0;
    await expect(
      (async () => {
        for await (const chunk of counted.chunks) passed += chunk.byteLength;
      })(),
    ).rejects.toBeInstanceOf(UploadTooLargeError);
    expect(passed).toBe(1000);
  });
});

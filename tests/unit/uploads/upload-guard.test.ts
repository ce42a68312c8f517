import { describe, expect, it } from 'vitest';
import { abortableChunks, guardUpload, UploadDeadlineError, UploadStalledError } from '@/lib/uploads/upload-guard';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A client sending `chunks` pieces, one every `everyMs`, then (if `hang`) nothing more. */
function client(chunks: number, everyMs: number, hang = false) {
  const seen = { cancelled: false };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (sent === chunks) {
          if (hang) return new Promise<void>(() => undefined);
          controller.close();
          return;
        }
        await sleep(everyMs);
        sent += 1;
        controller.enqueue(new Uint8Array(1024));
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

async function drain(stream: ReadableStream<Uint8Array>, pauseMs = 0): Promise<number> {
  const reader = stream.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
    if (pauseMs) await sleep(pauseMs);
  }
}

describe('guardUpload', () => {
  it('lets a slow but steady upload through, however long it lasts past the stall period', async () => {
    const { stream } = client(8, 60);
    const guard = guardUpload(stream, { stallMs: 100, deadlineMs: 10_000 });
    expect(await drain(guard.body)).toBe(8 * 1024);
    expect(guard.failure()).toBeNull();
    expect(guard.signal.aborted).toBe(false);
    guard.dispose();
  });

  it('ends an upload whose client stops sending: stall error, body cancelled, signal aborted', async () => {
    const { stream, seen } = client(2, 5, true);
    const guard = guardUpload(stream, { stallMs: 150, deadlineMs: 10_000 });
    const started = Date.now();
    await expect(drain(guard.body)).rejects.toBeInstanceOf(UploadStalledError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(guard.failure()).toBeInstanceOf(UploadStalledError);
    expect(guard.signal.aborted).toBe(true);
    expect(guard.signal.reason).toBeInstanceOf(UploadStalledError);
    expect(seen.cancelled).toBe(true);
    guard.dispose();
  });

  it('does not count time the console itself takes between reads (a slow upstream) as a stall', async () => {
    const { stream } = client(4, 1);
    const guard = guardUpload(stream, { stallMs: 80, deadlineMs: 10_000 });
    expect(await drain(guard.body, 200)).toBe(4 * 1024);
    expect(guard.failure()).toBeNull();
    guard.dispose();
  });

  it('ends an upload that runs past its deadline even while bytes keep coming', async () => {
    const { stream } = client(1000, 20);
    const guard = guardUpload(stream, { stallMs: 1000, deadlineMs: 150 });
    await expect(drain(guard.body)).rejects.toBeInstanceOf(UploadDeadlineError);
    expect(guard.signal.reason).toBeInstanceOf(UploadDeadlineError);
    guard.dispose();
  });
});

describe('abortableChunks', () => {
  it('fails while a chunk is awaited, as soon as the upload is ended', async () => {
    const never: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({ next: () => new Promise<IteratorResult<Uint8Array>>(() => undefined) }),
    };
    const controller = new AbortController();
    const reading = abortableChunks(never, controller.signal).next();
    setTimeout(() => controller.abort(new UploadStalledError(1000)), 30);
    await expect(reading).rejects.toBeInstanceOf(UploadStalledError);
  });

  it('passes every chunk through when nothing ends it', async () => {
    async function* three() {
      yield new Uint8Array(1);
      yield new Uint8Array(2);
      yield new Uint8Array(3);
    }
    const sizes: number[] = [];
    for await (const chunk of abortableChunks(three(), new AbortController().signal)) sizes.push(chunk.byteLength);
    expect(sizes).toEqual([1, 2, 3]);
  });
});

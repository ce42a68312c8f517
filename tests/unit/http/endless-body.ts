// A body as a client streams it without Content-Length (64 MB by default, as in issue #16's
// attack), recording what was pulled from it.
export const CHUNK = 64 * 1024;

export function endlessBody(totalBytes = 64 * 1024 * 1024) {
  const seen = { pulledBytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (seen.pulledBytes >= totalBytes) return controller.close();
        seen.pulledBytes += CHUNK;
        controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

// Counts a stream's bytes as they pass and stops it at the limit: a body without a (truthful)
// Content-Length cannot grow past it.

export class UploadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The file is larger than the limit of ${formatMegabytes(limitBytes)}`);
    this.name = 'UploadTooLargeError';
  }
}

export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

export interface CountedStream {
  readonly chunks: AsyncGenerator<Uint8Array>;
  /** Bytes passed so far. */
  readonly bytes: () => number;
}

export function limitBytes(source: AsyncIterable<Uint8Array>, limit: number): CountedStream {
  let total = 0;
  async function* chunks() {
    for await (const chunk of source) {
      total += chunk.byteLength;
      if (total > limit) throw new UploadTooLargeError(limit);
      yield chunk;
    }
  }
  return { chunks: chunks(), bytes: () => total };
}

// Bounds an upload in time from the client's side: an overall deadline, and a stall timer that runs
// only while the console waits for the client's next bytes (not while the upstream is slow to take
// them). Either ends the upload: the body is cancelled and `signal` aborts the upstream request.

export class UploadStalledError extends Error {
  constructor(readonly stallMs: number) {
    super(`No bytes of the file arrived for ${Math.round(stallMs / 1000)} s`);
    this.name = 'UploadStalledError';
  }
}

export class UploadDeadlineError extends Error {
  constructor(readonly deadlineMs: number) {
    super(`The upload did not finish within ${Math.round(deadlineMs / 60_000)} min`);
    this.name = 'UploadDeadlineError';
  }
}

export type UploadTimeFailure = UploadStalledError | UploadDeadlineError;

export interface GuardedUpload {
  /** The request body, watched: read this instead of the original. */
  readonly body: ReadableStream<Uint8Array>;
  /** Aborts (reason: the failure) when the upload stalls or runs past its deadline. */
  readonly signal: AbortSignal;
  /** Why the upload was ended, if it was. */
  failure(): UploadTimeFailure | null;
  /** Stops the deadline timer (the upload is over either way). */
  dispose(): void;
}

export function guardUpload(source: ReadableStream<Uint8Array>, limits: { stallMs: number; deadlineMs: number }): GuardedUpload {
  const controller = new AbortController();
  const reader = source.getReader();
  let failure: UploadTimeFailure | null = null;
  const fail = (error: UploadTimeFailure) => {
    if (failure) return;
    failure = error;
    controller.abort(error);
    void reader.cancel(error).catch(() => undefined);
  };
  const deadline = setTimeout(() => fail(new UploadDeadlineError(limits.deadlineMs)), limits.deadlineMs);

  const body = new ReadableStream<Uint8Array>(
    {
      async pull(stream) {
        if (failure) throw failure;
        let stall: ReturnType<typeof setTimeout> | undefined;
        let onAbort = () => undefined as void;
        const ended = new Promise<never>((_, reject) => {
          onAbort = () => reject(controller.signal.reason);
          controller.signal.addEventListener('abort', onAbort, { once: true });
          stall = setTimeout(() => fail(new UploadStalledError(limits.stallMs)), limits.stallMs);
        });
        try {
          const next = await Promise.race([reader.read(), ended]);
          if (next.done) stream.close();
          else stream.enqueue(next.value);
        } finally {
          clearTimeout(stall);
          controller.signal.removeEventListener('abort', onAbort);
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    // Pulled only when the reader downstream asks: the stall timer measures the client, not us.
    { highWaterMark: 0 },
  );

  return {
    body,
    signal: controller.signal,
    failure: () => failure,
    dispose: () => clearTimeout(deadline),
  };
}

/**
 * The file's chunks as sent upstream, failing as soon as `signal` aborts even while a chunk is
 * awaited: the upstream request's body errors, so the receiving side drops its partial file (the
 * embedded backend, which runs in-process, does not see the request's abort otherwise).
 */
export async function* abortableChunks(source: AsyncIterable<Uint8Array>, signal: AbortSignal): AsyncGenerator<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  let onAbort = () => undefined as void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined);
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    void iterator.return?.()?.catch?.(() => undefined);
  }
}

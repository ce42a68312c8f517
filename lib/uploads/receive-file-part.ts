import 'server-only';
import busboy from 'busboy';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import { SNIFF_BYTES } from './sniff';

/** A multipart request that is not one file in a `file` field, said plainly. */
export class MalformedUploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedUploadError';
  }
}

export interface IncomingFilePart {
  filename: string;
  /** The first bytes (at least SNIFF_BYTES unless the file is shorter), already read. */
  head: Uint8Array;
  /** The whole file, head included, read on demand (backpressure reaches the request body). */
  chunks: AsyncIterable<Uint8Array>;
  /** Stops reading the request (after a refusal): nothing more is pulled from the client. */
  abandon(): void;
}

/**
 * Parses the request as it arrives and hands over the `file` part once its first bytes are in,
 * so the caller can refuse it by content before anything is sent on. Other fields are ignored.
 * `body` is the request's body or a watched copy of it (upload-guard.ts).
 */
export function receiveFilePart(request: Request, body: ReadableStream<Uint8Array> | null = request.body): Promise<IncomingFilePart> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data') || !body) {
    return Promise.reject(new MalformedUploadError('Send the file as multipart/form-data in a field named "file"'));
  }
  let parser: busboy.Busboy;
  try {
    // The size limit is counted by the caller (limitBytes); busboy only bounds the small stuff.
    parser = busboy({ headers: { 'content-type': contentType }, limits: { files: 1, fields: 10, fieldSize: 8 * 1024, parts: 12 } });
  } catch {
    return Promise.reject(new MalformedUploadError('The multipart/form-data header is malformed'));
  }
  const source = Readable.fromWeb(body as unknown as NodeWebReadableStream<Uint8Array>);
  const abandon = () => {
    source.unpipe(parser);
    source.destroy();
  };
  return new Promise<IncomingFilePart>((resolve, reject) => {
    let found = false;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || found) {
        stream.resume();
        return;
      }
      found = true;
      readHead(stream).then(
        ({ head, chunks }) => resolve({ filename: info.filename || 'upload', head, chunks, abandon }),
        (error: unknown) => {
          abandon();
          reject(error);
        },
      );
    });
    parser.on('error', () => {
      abandon();
      reject(new MalformedUploadError('The multipart/form-data body is malformed'));
    });
    parser.on('close', () => {
      if (!found) reject(new MalformedUploadError('The upload has no "file" field'));
    });
    source.on('error', (error) => parser.destroy(error));
    source.pipe(parser);
  });
}

async function readHead(stream: Readable): Promise<{ head: Uint8Array; chunks: AsyncIterable<Uint8Array> }> {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    first.push(next.value);
    size += next.value.byteLength;
  }
  const head = Buffer.concat(first);
  async function* chunks(): AsyncGenerator<Uint8Array> {
    if (head.byteLength > 0) yield head;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, chunks: chunks() };
}

import busboy from 'busboy';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, type Readable as NodeReadable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import { assertDeclaredLength, tooLarge } from '../http/body';
import { badRequest, HttpError } from '../http/errors';
import { contentTypeFor, type FileStore, type StoredFile } from './file-store';

/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Streams the `file` part of a multipart body to disk without holding it in memory. A declared
 * length over the limit is refused before reading; a chunked body is counted as it arrives and
 * cut off at the limit, its partial file deleted.
 */
export async function receiveUpload(request: Request, files: FileStore, limit: number): Promise<StoredFile> {
  assertDeclaredLength(request, limit + MULTIPART_OVERHEAD);
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data') || !request.body) {
    throw badRequest('Upload a multipart/form-data body with a "file" field');
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // busboy flags a file that reaches fileSize; one byte more lets exactly `limit` bytes through.
      limits: { fileSize: limit + 1, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 25 },
    });
  } catch {
    throw badRequest('Malformed multipart/form-data header');
  }
  const source = Readable.fromWeb(request.body as unknown as NodeWebReadableStream<Uint8Array>);
  return new Promise<StoredFile>((resolve, reject) => {
    let saving: Promise<StoredFile> | null = null;
    let fileStream: NodeReadable | null = null;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      source.unpipe(parser);
      source.destroy();
      // Ends the disk write too, so its partial file is removed.
      fileStream?.destroy(error instanceof Error ? error : undefined);
      reject(error);
    };
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || saving) {
        stream.resume();
        return;
      }
      fileStream = stream;
      saving = saveToDisk(stream, info.filename ?? null, info.mimeType, files, limit);
      saving.catch(fail);
    });
    parser.on('error', () => fail(badRequest('Malformed multipart/form-data body')));
    parser.on('close', () => {
      if (!saving) fail(badRequest('The upload has no "file" field'));
      else saving.then((stored) => {
        settled = true;
        resolve(stored);
      }, fail);
    });
    source.on('error', () => fail(badRequest('The upload was interrupted')));
    source.pipe(parser);
  });
}

async function saveToDisk(
  stream: NodeReadable & { truncated?: boolean },
  originalName: string | null,
  declaredType: string,
  files: FileStore,
  limit: number,
): Promise<StoredFile> {
  const name = files.newName(originalName);
  const finalPath = files.pathOf(name);
  const partialPath = `${finalPath}.part`;
  let size = 0;
  stream.on('data', (chunk: Buffer) => {
    size += chunk.byteLength;
  });
  // Stop at the limit instead of draining the rest of the request; the caller then drops it.
  stream.on('limit', () => stream.destroy(tooLarge(limit)));
  try {
    await pipeline(stream, createWriteStream(partialPath));
    if (stream.truncated) throw tooLarge(limit);
    await rename(partialPath, finalPath);
  } catch (error) {
    await rm(partialPath, { force: true });
    throw error instanceof HttpError ? error : badRequest('The upload could not be stored');
  }
  return files.record({
    name,
    content_type: contentTypeFor(declaredType, originalName),
    size,
    original_name: originalName?.slice(0, 255) ?? null,
  });
}

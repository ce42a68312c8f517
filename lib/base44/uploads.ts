// Base44's UploadFile integration: one file, streamed as multipart `file`, answered {file_url}.
import { z } from 'zod';
import { encodeMultipartFile, iterableToStream, multipartContentType, newBoundary } from '@/lib/uploads/multipart-encoder';
import { Base44Error, codeForStatus } from './errors';
import type { Transport } from './transport';

export interface FileToUpload {
  filename: string;
  contentType: string;
  /** The file's bytes, pulled as the upstream request is sent. */
  chunks: AsyncIterable<Uint8Array>;
}

/** Upstream refused the size: a 413 answer, told apart from other refusals. */
export class UpstreamTooLargeError extends Base44Error {}

const uploadAnswerSchema = z
  .union([z.object({ file_url: z.string().url() }), z.object({ data: z.object({ file_url: z.string().url() }) })])
  .transform((answer) => ('data' in answer ? answer.data.file_url : answer.file_url));

const READ_AHEAD_CHUNKS = 16;

/** A slow link may need minutes for 100 MB: this bounds a stalled upload, not a normal one. */
const UPLOAD_DEADLINE_MS = 30 * 60_000;

export function uploadVerbs(transport: Transport, appId: string) {
  /**
   * Streams one file to `POST /integration-endpoints/Core/UploadFile` (never held whole in memory)
   * and returns its `file_url`. Not retried: the bytes have gone by.
   */
  async function uploadFile(token: string, file: FileToUpload, options: { signal?: AbortSignal; deadlineMs?: number } = {}): Promise<string> {
    const boundary = newBoundary();
    const body = iterableToStream(
      encodeMultipartFile({ boundary, field: 'file', filename: file.filename, contentType: file.contentType }, file.chunks),
      // A few chunks (about 1 MB) read ahead, so receiving and sending overlap; bounded all the same.
      { highWaterMark: READ_AHEAD_CHUNKS },
    );
    const deadline = AbortSignal.timeout(options.deadlineMs ?? UPLOAD_DEADLINE_MS);
    const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
    const request = new Request(`${await transport.apiBase()}/integration-endpoints/Core/UploadFile`, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': multipartContentType(boundary),
        'X-App-Id': appId,
        Authorization: `Bearer ${token}`,
      },
      body,
      // A streamed request body (fetch's half-duplex mode): sent as it is produced.
      duplex: 'half',
      // Any other mode makes fetch tee the body to replay it after a redirect, and the unread copy
      // keeps every byte sent in memory until the upload ends. A streamed body cannot be replayed.
      redirect: 'error',
      signal,
    } as RequestInit & { duplex: 'half' });
    let response: Response;
    try {
      response = await transport.send(request);
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (deadline.aborted) throw new Base44Error('timeout', { detail: 'upload deadline' });
      throw error instanceof Base44Error ? error : new Base44Error('unavailable', { detail: describe(error), cause: error });
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const detail = `UploadFile → ${response.status}: ${text.slice(0, 200)}`;
      if (response.status === 413) throw new UpstreamTooLargeError('bad_request', { upstreamStatus: 413, message: 'SPYNNERS refused the file: it is too large', detail });
      throw new Base44Error(codeForStatus(response.status), { upstreamStatus: response.status, detail });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Base44Error('bad_response', { detail: 'UploadFile answer is not JSON' });
    }
    const parsed = uploadAnswerSchema.safeParse(json);
    if (!parsed.success) throw new Base44Error('bad_response', { detail: 'UploadFile answer has no file_url' });
    return parsed.data;
  }

  return { uploadFile };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'upload failed';
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.name}: ${error.message}${cause}`;
}

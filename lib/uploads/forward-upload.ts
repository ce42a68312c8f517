import 'server-only';
import { uploadFile, UpstreamTooLargeError } from '@/lib/base44';
import { ApiError } from '@/lib/api/errors';
import { contentKindOf, FORMATS, type UploadFormat, type UploadPurpose } from './formats';
import { formatMegabytes, limitBytes, UploadTooLargeError } from './byte-limit';
import { MalformedUploadError, receiveFilePart } from './receive-file-part';
import { sealReceipt } from './receipt';
import { checkUploadContent } from './sniff';
import { abortableChunks, guardUpload } from './upload-guard';

/** Room for the multipart boundary and part headers around the file in the browser's request. */
const MULTIPART_OVERHEAD = 16 * 1024;

export interface UploadAnswer {
  /** Sealed: give it back to `POST /api/my-tracks` as `audio` or `artwork`. */
  receipt: string;
  kind: UploadPurpose;
  format: UploadFormat;
  contentType: string;
  size: number;
}

interface Caller {
  userId: string;
  base44Token: string;
}

export interface UploadLimits {
  maxBytes: number;
  /** No bytes from the client for this long ends the upload (408 upload_stalled). */
  stallMs: number;
  /** The whole upload must be done within this (408 upload_stalled). */
  deadlineMs: number;
}

/**
 * Streams one uploaded file through to Base44's UploadFile. Refused with a reason before anything
 * goes upstream: a declared length over the limit (413, nothing read), a body that is not one
 * multipart `file` (400), content that is not the kind asked for (415, from its first bytes).
 * A body without a truthful length is counted as it passes and cut at the limit (413). An upload
 * that stalls (no bytes for `stallMs`) or outlives `deadlineMs` is ended with 408 and its upstream
 * request aborted, so nothing is stored.
 */
export async function forwardUpload(req: Request, kind: UploadPurpose, caller: Caller, limits: UploadLimits): Promise<UploadAnswer> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limits.maxBytes + MULTIPART_OVERHEAD) {
    throw new ApiError('payload_too_large', `The file is larger than the limit of ${formatMegabytes(limits.maxBytes)}`);
  }
  const guard = req.body ? guardUpload(req.body, limits) : null;
  try {
    return await receiveAndSend(req, guard?.body ?? null, kind, caller, limits, guard ? AbortSignal.any([req.signal, guard.signal]) : req.signal);
  } catch (error) {
    // Whatever the stall broke on its way (the multipart parser, the upstream request), the cause is the stall.
    const timeFailure = guard?.failure();
    if (timeFailure) throw new ApiError('upload_stalled', timeFailure.message);
    throw error;
  } finally {
    guard?.dispose();
  }
}

async function receiveAndSend(
  req: Request,
  body: ReadableStream<Uint8Array> | null,
  kind: UploadPurpose,
  caller: Caller,
  limits: UploadLimits,
  signal: AbortSignal,
): Promise<UploadAnswer> {
  let part;
  try {
    part = await receiveFilePart(req, body);
  } catch (error) {
    if (error instanceof MalformedUploadError) throw new ApiError('invalid_input', error.message);
    throw error;
  }
  const content = checkUploadContent(contentKindOf(kind), part.head);
  if (!content.ok) {
    part.abandon();
    throw new ApiError('unsupported_media_type', content.reason);
  }
  const counted = limitBytes(part.chunks, limits.maxBytes);
  const filename = safeFilename(part.filename, content.format);
  let fileUrl: string;
  try {
    fileUrl = await uploadFile(
      caller.base44Token,
      { filename, contentType: content.contentType, chunks: abortableChunks(counted.chunks, signal) },
      { signal, deadlineMs: limits.deadlineMs },
    );
  } catch (error) {
    part.abandon();
    if (counted.bytes() > limits.maxBytes || error instanceof UploadTooLargeError || error instanceof UpstreamTooLargeError) {
      throw new ApiError('payload_too_large', `The file is larger than the limit of ${formatMegabytes(limits.maxBytes)}`);
    }
    throw error;
  }
  return {
    receipt: await sealReceipt({ fileUrl, kind, format: content.format, size: counted.bytes(), userId: caller.userId }),
    kind,
    format: content.format,
    contentType: content.contentType,
    size: counted.bytes(),
  };
}

/** The name kept upstream: the producer's, tidied, with the extension of what the file really is. */
function safeFilename(original: string, format: UploadFormat): string {
  const base = original.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N} ._()-]+/gu, '_').trim().slice(0, 120) || 'upload';
  return `${base}${FORMATS[format].extensions[0]}`;
}

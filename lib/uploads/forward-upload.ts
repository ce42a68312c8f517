import 'server-only';
import { uploadFile, UpstreamTooLargeError } from '@/lib/base44';
import { ApiError } from '@/lib/api/errors';
import { FORMATS, type UploadFormat, type UploadKind } from './formats';
import { formatMegabytes, limitBytes, UploadTooLargeError } from './byte-limit';
import { MalformedUploadError, receiveFilePart } from './receive-file-part';
import { sealReceipt } from './receipt';
import { checkUploadContent } from './sniff';

/** Room for the multipart boundary and part headers around the file in the browser's request. */
const MULTIPART_OVERHEAD = 16 * 1024;

export interface UploadAnswer {
  /** Sealed: give it back to `POST /api/my-tracks` as `audio` or `artwork`. */
  receipt: string;
  kind: UploadKind;
  format: UploadFormat;
  contentType: string;
  size: number;
}

interface Caller {
  userId: string;
  base44Token: string;
}

/**
 * Streams one uploaded file through to Base44's UploadFile. Refused with a reason before anything
 * goes upstream: a declared length over the limit (413, nothing read), a body that is not one
 * multipart `file` (400), content that is not the kind asked for (415, from its first bytes).
 * A body without a truthful length is counted as it passes and cut at the limit (413).
 */
export async function forwardUpload(req: Request, kind: UploadKind, caller: Caller, limitBytesMax: number): Promise<UploadAnswer> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limitBytesMax + MULTIPART_OVERHEAD) {
    throw new ApiError('payload_too_large', `The file is larger than the limit of ${formatMegabytes(limitBytesMax)}`);
  }
  let part;
  try {
    part = await receiveFilePart(req);
  } catch (error) {
    if (error instanceof MalformedUploadError) throw new ApiError('invalid_input', error.message);
    throw error;
  }
  const content = checkUploadContent(kind, part.head);
  if (!content.ok) {
    part.abandon();
    throw new ApiError('unsupported_media_type', content.reason);
  }
  const counted = limitBytes(part.chunks, limitBytesMax);
  const filename = safeFilename(part.filename, content.format);
  let fileUrl: string;
  try {
    fileUrl = await uploadFile(
      caller.base44Token,
      { filename, contentType: content.contentType, chunks: counted.chunks },
      { signal: req.signal },
    );
  } catch (error) {
    part.abandon();
    if (counted.bytes() > limitBytesMax || error instanceof UploadTooLargeError || error instanceof UpstreamTooLargeError) {
      throw new ApiError('payload_too_large', `The file is larger than the limit of ${formatMegabytes(limitBytesMax)}`);
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

// The browser's early check of a file before it is sent: the same size limit and content sniffing
// as the server's (lib/uploads/forward-upload.ts), so a file that cannot be accepted is refused at
// once with its reason instead of after its upload.
import { formatMegabytes } from './byte-limit';
import type { UploadKind } from './formats';
import { checkUploadContent, SNIFF_BYTES } from './sniff';

/** Why `blob` cannot be uploaded as `kind` (too large, or its content is not that kind), or null. */
export async function refusalOf(blob: Blob, kind: UploadKind, limitBytes: number): Promise<string | null> {
  if (blob.size > limitBytes) return `Larger than the limit of ${formatMegabytes(limitBytes)}`;
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  const content = checkUploadContent(kind, head);
  return content.ok ? null : content.reason;
}

/** Server answers that sending the same file again cannot change (Remove, not Retry). */
export const FINAL_UPLOAD_REFUSALS: ReadonlySet<string> = new Set(['unsupported_media_type', 'payload_too_large', 'invalid_input']);

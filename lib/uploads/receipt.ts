import 'server-only';
import { createHash } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { serverEnv } from '@/lib/config/env';
import type { UploadFormat, UploadPurpose } from './formats';

// An upload's answer to the browser is a sealed receipt, not the upstream file URL: the browser
// never sees Base44's URLs, and a track can only be created from a file this member uploaded
// (not pointed at any URL they like). Encrypted and authenticated with a key from NEXTAUTH_SECRET.

export interface UploadReceipt {
  fileUrl: string;
  kind: UploadPurpose;
  format: UploadFormat;
  size: number;
  userId: string;
}

const VALID_FOR = '24h';

function key(): Uint8Array {
  return createHash('sha256').update(`spynners-upload-receipt:${serverEnv().nextAuthSecret}`).digest();
}

export async function sealReceipt(receipt: UploadReceipt): Promise<string> {
  return new EncryptJWT({ url: receipt.fileUrl, kind: receipt.kind, format: receipt.format, size: receipt.size })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setSubject(receipt.userId)
    .setIssuedAt()
    .setExpirationTime(VALID_FOR)
    .encrypt(key());
}

/** The receipt when it is genuine, unexpired, this member's and of the expected kind; else null. */
export async function openReceipt(sealed: string, userId: string, kind: UploadPurpose): Promise<UploadReceipt | null> {
  try {
    const { payload } = await jwtDecrypt(sealed, key());
    if (payload.sub !== userId || payload.kind !== kind || typeof payload.url !== 'string') return null;
    return {
      fileUrl: payload.url,
      kind,
      format: payload.format as UploadFormat,
      size: Number(payload.size),
      userId,
    };
  } catch {
    return null;
  }
}

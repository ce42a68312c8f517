import 'server-only';
import { createHmac, hkdfSync } from 'node:crypto';

// Counter keys name an account, an address or a device without saying which: an HMAC under a key
// derived from the console's secret, so the data source never stores an email or an IP address.

const keys = new Map<string, Buffer>();

export function derivedKey(secret: string, purpose: string): Buffer {
  const id = `${purpose}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, '', `SPYNNERS console ${purpose}`, 32));
    keys.set(id, key);
  }
  return key;
}

/** 22 characters of base64url: an opaque, stable name for `value`. */
export function opaque(secret: string, value: string): string {
  return createHmac('sha256', derivedKey(secret, 'throttle keys')).update(value).digest('base64url').slice(0, 22);
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

import 'server-only';
import { hkdfSync } from 'node:crypto';
import { jwtDecrypt } from 'jose';
import type { JWT, JWTDecodeParams } from 'next-auth/jwt';

// next-auth's own `decode`, except that the encryption key is derived once per secret (next-auth
// runs HKDF on every call) and a cookie already opened is not decrypted again while it is valid:
// a browser sends the same cookie with every request, and the decryption (WebCrypto, a thread-pool
// round trip) was a measurable share of every proxied request (issue #3 bench).
const CLOCK_TOLERANCE_SECONDS = 15;
const MAX_OPENED = 1000;

const keys = new Map<string, Uint8Array>();
/** Cookie (with the secret and salt that opened it) → its claims; oldest first, for eviction. */
const opened = new Map<string, JWT>();

const secretId = (secret: string | Buffer, salt: string) => `${salt}\u0000${secret.toString()}`;

function encryptionKey(secret: string | Buffer, salt: string): Uint8Array {
  const id = secretId(secret, salt);
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ''}`;
    key = new Uint8Array(hkdfSync('sha256', secret, salt, info, 32));
    keys.set(id, key);
  }
  return key;
}

const isLive = (claims: JWT, nowSeconds: number) =>
  typeof claims.exp !== 'number' || nowSeconds < claims.exp + CLOCK_TOLERANCE_SECONDS;

/** Reads a session cookie written by next-auth (`dir` + A256GCM JWE); throws when it is not one. */
export async function decodeSessionToken({ token, secret, salt = '' }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const id = `${secretId(secret, salt)}\u0000${token}`;
  const known = opened.get(id);
  if (known) {
    opened.delete(id);
    if (!isLive(known, Date.now() / 1000)) throw new Error('The session has expired');
    opened.set(id, known);
    return { ...known };
  }
  const { payload } = await jwtDecrypt(token, encryptionKey(secret, salt), { clockTolerance: CLOCK_TOLERANCE_SECONDS });
  const claims = payload as JWT;
  opened.set(id, Object.freeze({ ...claims }));
  if (opened.size > MAX_OPENED) opened.delete(opened.keys().next().value!);
  return claims;
}

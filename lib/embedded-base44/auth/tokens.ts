import { errors, jwtVerify, SignJWT } from 'jose';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unauthorized } from '../http/errors';

export const TOKEN_LIFETIME_SECONDS = 7 * 24 * 3600;
const ISSUER = 'embedded-base44';

export interface TokenIssuer {
  issue(userId: string): Promise<string>;
  /** The user id a valid token was issued to; a 401 error for anything else. */
  verify(token: string): Promise<string>;
}

export function createTokenIssuer(secret: string, appId: string): TokenIssuer {
  const key = new TextEncoder().encode(secret);
  // Tokens already verified, until they expire: a client sends the same one on every call.
  const verified = new Map<string, { userId: string; expiresAt: number }>();
  return {
    issue: (userId) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        // Two sign-ins in the same second still get distinct tokens.
        .setJti(randomUUID())
        .setIssuer(ISSUER)
        .setAudience(appId)
        .setIssuedAt()
        .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
        .sign(key),
    async verify(token) {
      const known = verified.get(token);
      if (known && known.expiresAt > Date.now()) return known.userId;
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: appId, algorithms: ['HS256'] });
        if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number') throw unauthorized('Invalid token');
        if (verified.size >= 1000) verified.clear();
        verified.set(token, { userId: payload.sub, expiresAt: payload.exp * 1000 });
        return payload.sub;
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw unauthorized('Token expired');
        throw unauthorized('Invalid token');
      }
    },
  };
}

/** With no secret configured, one is generated once and kept, so tokens survive restarts. */
export function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

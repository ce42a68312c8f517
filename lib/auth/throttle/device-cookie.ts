import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { derivedKey } from './keys';

// OWASP's "device cookie": a browser that signed in to an account holds a signed token naming it
// (HttpOnly, sent to /api/auth only). While that account is throttled for everyone else (someone
// guessing its password, or trying to keep its owner out), such a browser keeps a small budget of
// its own. The token names accounts by their opaque key (keys.ts), never by email.

export const DEVICE_COOKIE_MAX_AGE_SECONDS = 90 * 24 * 3600;
/** Accounts one browser remembers (a shared iPad has a few DJs). */
const MAX_ACCOUNTS = 8;
const VERSION = 'v1';

export interface DeviceToken {
  deviceId: string;
  accounts: string[];
  issuedAt: number;
}

const mac = (secret: string, payload: string) =>
  createHmac('sha256', derivedKey(secret, 'device cookie')).update(payload).digest('base64url');

export function readDeviceToken(value: string | null | undefined, secret: string, now = Date.now()): DeviceToken | null {
  if (!value || value.length > 1024) return null;
  const parts = value.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION) return null;
  const [, deviceId = '', issued = '', accounts = '', signature = ''] = parts;
  const expected = Buffer.from(mac(secret, parts.slice(0, 4).join('.')));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const issuedAt = Number(issued) * 1000;
  if (!Number.isFinite(issuedAt) || now - issuedAt > DEVICE_COOKIE_MAX_AGE_SECONDS * 1000 || issuedAt - now > 60_000) return null;
  return { deviceId, accounts: accounts ? accounts.split('~') : [], issuedAt };
}

/** The browser's token after it signed in to `account`: the same device, this account first. */
export function issueDeviceToken(previous: DeviceToken | null, account: string, secret: string, now = Date.now()): string {
  const deviceId = previous?.deviceId ?? randomBytes(12).toString('base64url');
  const accounts = [account, ...(previous?.accounts ?? []).filter((a) => a !== account)].slice(0, MAX_ACCOUNTS);
  const payload = [VERSION, deviceId, String(Math.floor(now / 1000)), accounts.join('~')].join('.');
  return `${payload}.${mac(secret, payload)}`;
}

export function deviceCookieName(secure: boolean): string {
  return secure ? '__Secure-spynners.device' : 'spynners.device';
}

export function deviceCookieHeader(value: string, secure: boolean): string {
  return [
    `${deviceCookieName(secure)}=${value}`,
    'Path=/api/auth',
    `Max-Age=${DEVICE_COOKIE_MAX_AGE_SECONDS}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

import 'server-only';
import { serverEnv } from '@/lib/config/env';
import { clientAddress } from '@/lib/http/client-address';
import { usesSecureCookies } from '../session';
import { throttledAttempt } from '../throttle/attempt';
import { deviceCookieHeader, deviceCookieName, issueDeviceToken, readDeviceToken } from '../throttle/device-cookie';
import { normalizeEmail } from '../throttle/keys';
import { accountOf, signInPlan, signUpPlan, type AttemptPlan } from '../throttle/plans';
import { throttleCounters } from '../throttle/store';
import { TOO_MANY_ATTEMPTS, tooManyAttemptsMessage } from '../throttle/wait-text';

const ATTEMPTS: Record<string, 'sign-in' | 'sign-up'> = {
  '/api/auth/callback/credentials': 'sign-in',
  '/api/auth/callback/signup': 'sign-up',
};

/**
 * Runs next-auth for the request; sign-in and sign-up attempts are counted and limited
 * (lib/auth/throttle). A browser that signs in gets (or renews) its device cookie.
 */
export async function withSignInThrottle(req: Request, runNextAuth: (req: Request) => Promise<Response>): Promise<Response> {
  const kind = req.method === 'POST' ? ATTEMPTS[new URL(req.url).pathname] : undefined;
  if (!kind) return runNextAuth(req);
  const form = await readForm(req);
  const email = normalizeEmail(form?.get('email') ?? '');
  // Without an email next-auth refuses the form before asking anyone: nothing to guess.
  if (!email) return runNextAuth(req);

  const env = serverEnv();
  const secret = env.nextAuthSecret;
  const secure = usesSecureCookies();
  const device = readDeviceToken(cookieOf(req, deviceCookieName(secure)), secret);
  const limits = { signInPerAddress: env.signInAddressLimit, signUpPerAddress: env.signUpAddressLimit };
  const address = clientAddress(req.headers);
  const plan: AttemptPlan =
    kind === 'sign-in' ? signInPlan(secret, limits, email, address, device) : signUpPlan(secret, limits, email, address);

  let outcome;
  try {
    outcome = await throttledAttempt(throttleCounters(), plan, () => runNextAuth(req), startedSession, { signal: req.signal });
  } catch (error) {
    if (req.signal.aborted) throw error;
    console.error('[auth] the sign-in throttle could not count an attempt:', error instanceof Error ? error.message : error);
    return refusal(req, 503, 'upstream_unavailable', 'Signing in is unavailable right now. Try again in a moment.');
  }
  if (outcome.kind === 'refused') {
    const { retryAfterSeconds } = outcome;
    return refusal(req, 429, TOO_MANY_ATTEMPTS, tooManyAttemptsMessage(retryAfterSeconds), retryAfterSeconds);
  }
  const res = outcome.value;
  if (!startedSession(res)) return res;
  const headers = new Headers(res.headers);
  headers.append('Set-Cookie', deviceCookieHeader(issueDeviceToken(device, accountOf(secret, email), secret), secure));
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

async function readForm(req: Request): Promise<URLSearchParams | null> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) return null;
  try {
    return new URLSearchParams(await req.clone().text());
  } catch {
    return null;
  }
}

function cookieOf(req: Request, name: string): string | null {
  for (const part of (req.headers.get('cookie') ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

/** next-auth answered a sign-in that worked: it set a (non-empty) session cookie. */
function startedSession(res: Response): boolean {
  return res.headers
    .getSetCookie()
    .some((cookie) => /^(__Secure-)?next-auth\.session-token(\.\d+)?=[^;]/.test(cookie));
}

/**
 * next-auth's client (`signIn(..., {redirect: false})`) reads `error` from the answer's `url` and
 * the HTTP status: `too_many_attempts:<seconds>` lets the form say how long to wait.
 */
function refusal(req: Request, status: number, code: string, message: string, retryAfterSeconds?: number): Response {
  const error = retryAfterSeconds === undefined ? message : `${code}:${retryAfterSeconds}`;
  const url = new URL(`/sign-in?${new URLSearchParams({ error })}`, req.url).toString();
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
  if (retryAfterSeconds !== undefined) headers['Retry-After'] = String(retryAfterSeconds);
  return new Response(JSON.stringify({ url, error: { code, message } }), { status, headers });
}

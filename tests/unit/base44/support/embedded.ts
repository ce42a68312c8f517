import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { createBase44, type Base44Config } from '@/lib/base44/base44';
import { EMBEDDED_BASE_URL } from '@/lib/base44/embedded';
import { createEmbeddedBase44, DEMO_PASSWORD, type EmbeddedBase44, type RateLimit } from '@/lib/embedded-base44';

export const JWT_SECRET = 'unit-tests-only-secret-0123456789abcdef';

/** The real embedded backend in-process, on a throw-away data dir, and an adapter talking to it. */
export async function startEmbedded(
  options: { rateLimit?: RateLimit | null; adapter?: Partial<Base44Config>; trackCount?: number } = {},
) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'base44-unit-'));
  const backend: EmbeddedBase44 = createEmbeddedBase44({
    dataDir,
    baseUrl: EMBEDDED_BASE_URL,
    jwtSecret: JWT_SECRET,
    rateLimit: options.rateLimit ?? null,
    seed: { trackCount: options.trackCount ?? 12 },
  });
  await backend.ready;
  const clock = { now: Date.now() };
  const base44 = createBase44({
    serverUrl: null,
    appId: backend.appId,
    timeoutMs: 5_000,
    embedded: backend,
    cache: { now: () => clock.now },
    ...options.adapter,
  });
  return {
    backend,
    base44,
    clock,
    /** Upstream calls per route since the last reset, e.g. calls('GET /entities/Track'). */
    calls: (route: string) => backend.stats.byRoute[route] ?? 0,
    close() {
      backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * `count` distinct, valid tokens for one member. The embedded backend's tokens carry only
 * sub/iat/exp, so a hundred logins within a second would all be the same token, and a hundred
 * registrations cost a hundred scrypt hashes: sign them with the backend's secret instead, each
 * with its own id, after one real login proves the account.
 */
export async function distinctTokens(base44: ReturnType<typeof createBase44>, appId: string, count: number) {
  const { user } = await base44.login('dj@spynners.local', DEMO_PASSWORD);
  const key = new TextEncoder().encode(JWT_SECRET);
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(user.id)
        .setIssuer('embedded-base44')
        .setAudience(appId)
        .setJti(`unit-${i}`)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(key),
    ),
  );
}

/** Signs a token for any user id, as the embedded backend would for that user. */
export function tokenFor(userId: string, appId: string, jti = `unit-${userId}`): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer('embedded-base44')
    .setAudience(appId)
    .setJti(jti)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(JWT_SECRET));
}

/** A direct call to the embedded backend (as the admin, say), bypassing the adapter. */
export async function backendCall(
  backend: EmbeddedBase44,
  method: string,
  route: string,
  token: string,
  body?: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read arbitrary JSON
): Promise<{ status: number; json: any }> {
  const response = await backend.handle(
    new Request(`${EMBEDDED_BASE_URL}/api/apps/${backend.appId}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

/** `count` members created by the admin, each with a token of their own. */
export async function createMembers(backend: EmbeddedBase44, adminToken: string, count: number, prefix = 'member') {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const created = await backendCall(backend, 'POST', '/entities/User', adminToken, {
        email: `${prefix}-${i}-${Math.random().toString(36).slice(2, 8)}@example.com`,
        full_name: `${prefix} ${i}`,
        role: 'user',
        user_type: 'dj',
      });
      if (created.status !== 201) throw new Error(`creating a member failed: ${JSON.stringify(created.json)}`);
      const id = created.json.id as string;
      return { id, token: await tokenFor(id, backend.appId) };
    }),
  );
}

export interface SignedInMember {
  id: string;
  token: string;
}

/**
 * The embedded backend with the demo DJ, the demo producer and the admin signed in: the set-up
 * most adapter tests share.
 */
export async function startEmbeddedWithDemoMembers(options: Parameters<typeof startEmbedded>[0] = {}) {
  const env = await startEmbedded(options);
  const signIn = async (email: string): Promise<SignedInMember> => {
    const session = await env.base44.login(email, DEMO_PASSWORD);
    return { id: session.user.id, token: session.accessToken };
  };
  const [dj, producer, admin] = await Promise.all(
    ['dj@spynners.local', 'producer@spynners.local', 'admin@spynners.local'].map(signIn),
  );
  return { ...env, dj: dj!, producer: producer!, admin: admin! };
}

import { SignJWT } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createEmbeddedBase44,
  DEMO_PASSWORD,
  type EmbeddedBase44,
  type EmbeddedBase44Options,
} from '../../../lib/embedded-base44';

export const APP_ID = 'spynners-local';
export const BASE_URL = 'http://embedded-base44.internal';
export const JWT_SECRET = 'embedded-base44-tests-secret-0123456789';

export function tempDir(prefix = 'embedded-base44-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestBackend {
  readonly backend: EmbeddedBase44;
  readonly dataDir: string;
  call(method: string, route: string, options?: CallOptions): Promise<ApiAnswer>;
  login(email: string, password?: string): Promise<string>;
  close(): void;
}

export interface CallOptions {
  readonly token?: string;
  readonly body?: unknown;
  /** Sent as is (no JSON encoding), e.g. a malformed JSON string. */
  readonly rawBody?: BodyInit;
  readonly headers?: Record<string, string>;
  readonly query?: Record<string, unknown>;
}

export interface ApiAnswer {
  readonly status: number;
  readonly headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read arbitrary JSON
  readonly json: any;
}

/** A backend on a throw-away data dir, seeded with the demo accounts and `trackCount` tracks. */
export async function startTestBackend(
  options: Partial<EmbeddedBase44Options> & { trackCount?: number } = {},
): Promise<TestBackend> {
  const { dir, remove } = tempDir();
  const { trackCount = 0, ...rest } = options;
  const backend = createEmbeddedBase44({
    dataDir: dir,
    baseUrl: BASE_URL,
    jwtSecret: JWT_SECRET,
    seed: { trackCount },
    ...rest,
  });
  await backend.ready;
  const call = (method: string, route: string, opts: CallOptions = {}) => callBackend(backend, method, route, opts);
  return {
    backend,
    dataDir: dir,
    call,
    async login(email, password = DEMO_PASSWORD) {
      const answer = await call('POST', '/auth/login', { body: { email, password } });
      if (answer.status !== 200) throw new Error(`login ${email} failed: ${answer.status}`);
      return answer.json.access_token as string;
    },
    close() {
      backend.close();
      remove();
    },
  };
}

export async function callBackend(
  backend: EmbeddedBase44,
  method: string,
  route: string,
  { token, body, rawBody, headers = {}, query }: CallOptions = {},
): Promise<ApiAnswer> {
  const url = new URL(`${BASE_URL}/api/apps/${APP_ID}${route}`);
  for (const [key, value] of Object.entries(query ?? {})) {
    url.searchParams.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const response = await backend.handle(
    new Request(url, {
      method,
      headers: {
        'x-app-id': APP_ID,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: rawBody ?? (body !== undefined ? JSON.stringify(body) : undefined),
    }),
  );
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, json };
}

/** A member's access token, signed as the test backend signs them (valid one hour). */
export function signMemberToken(userId: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer('embedded-base44')
    .setAudience(APP_ID)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(JWT_SECRET));
}

import type { z } from 'zod';
import { Base44Error, codeForStatus, redact, type Base44ErrorCode } from './errors';
import {
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  RETRYABLE_STATUSES,
  sleep,
  type RetryPolicy,
} from './retry';
import { describeIssues } from './wire';
import { createTransport, type Transport, type TransportConfig } from './transport';

export interface Base44ClientConfig extends TransportConfig {
  /** Deadline of one call, all retries and waits included. */
  timeoutMs: number;
  retry?: Partial<RetryPolicy>;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestSpec<S extends z.ZodType> {
  method: HttpMethod;
  /** Below `/api/apps/{appId}`, starting with a slash. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  token?: string | null;
  /** Extra request headers (the console key of the authThrottle function). */
  headers?: Record<string, string>;
  schema: S;
  signal?: AbortSignal;
  /** Catalogue reads that can fall back on stale data prefer failing fast to waiting out a 429. */
  waitOnRateLimit?: boolean;
  messages?: Partial<Record<Base44ErrorCode, string>>;
}

export interface Base44Client {
  readonly transport: Transport;
  readonly timeoutMs: number;
  request<S extends z.ZodType>(spec: RequestSpec<S>): Promise<z.output<S>>;
}

export function createBase44Client(config: Base44ClientConfig): Base44Client {
  const transport = createTransport(config);
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...config.retry };
  const { timeoutMs } = config;
  // After a 429 the whole app is over budget: reads wait (or fail fast) instead of adding to it.
  let rateLimitedUntil = 0;

  async function request<S extends z.ZodType>(spec: RequestSpec<S>): Promise<z.output<S>> {
    // The in-process backend seeds its demo data on first use: a one-off start-up cost, not upstream
    // latency, so the deadline starts once the transport is ready.
    await transport.apiBase();
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = spec.signal ? AbortSignal.any([deadline, spec.signal]) : deadline;
    const deadlineAt = Date.now() + timeoutMs;
    const attempts = spec.method === 'GET' ? Math.max(1, policy.attempts) : 1;
    try {
      for (let attempt = 1; ; attempt++) {
        if (spec.method === 'GET') await respectRateLimit(spec, deadlineAt, signal);
        const response = await transport.send(await buildRequest(spec, signal));
        if (response.ok) return parseBody(spec, await readJson(response));
        const error = await errorFrom(response, spec);
        if (error.code === 'rate_limited') {
          const until = Date.now() + (error.retryAfterSeconds ?? 1) * 1000;
          rateLimitedUntil = Math.max(rateLimitedUntil, until);
        }
        if (attempt >= attempts || !RETRYABLE_STATUSES.has(response.status)) throw error;
        if (error.code === 'rate_limited') {
          // Waited out by respectRateLimit on the next turn, when the caller accepts and it fits.
          if (spec.waitOnRateLimit === false || rateLimitedUntil >= deadlineAt) throw error;
          continue;
        }
        const delay = backoffDelayMs(policy, attempt);
        if (Date.now() + delay >= deadlineAt) throw error;
        await sleep(delay, signal);
      }
    } catch (error) {
      throw classify(error, spec.signal, deadline, timeoutMs);
    }
  }

  async function respectRateLimit(spec: RequestSpec<z.ZodType>, deadlineAt: number, signal: AbortSignal) {
    const waitMs = rateLimitedUntil - Date.now();
    if (waitMs <= 0) return;
    if (spec.waitOnRateLimit === false || Date.now() + waitMs >= deadlineAt) {
      throw new Base44Error('rate_limited', {
        message: spec.messages?.rate_limited,
        retryAfterSeconds: Math.ceil(waitMs / 1000),
        detail: 'an earlier 429 is still in force',
      });
    }
    await sleep(waitMs, signal);
  }

  async function buildRequest(spec: RequestSpec<z.ZodType>, signal: AbortSignal): Promise<Request> {
    const url = new URL((await transport.apiBase()) + spec.path);
    for (const [name, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const headers = new Headers({ Accept: 'application/json', 'X-App-Id': config.appId });
    if (spec.token) headers.set('Authorization', `Bearer ${spec.token}`);
    for (const [name, value] of Object.entries(spec.headers ?? {})) headers.set(name, value);
    if (spec.body !== undefined) headers.set('Content-Type', 'application/json');
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    return new Request(url, { method: spec.method, headers, body, signal });
  }

  return { transport, timeoutMs, request };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    const type = response.headers.get('content-type') ?? 'no content type';
    throw new Base44Error('bad_response', { detail: `status ${response.status} body is not JSON (${type})` });
  }
}

function parseBody<S extends z.ZodType>(spec: RequestSpec<S>, json: unknown): z.output<S> {
  const parsed = spec.schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new Base44Error('bad_response', {
    detail: `${spec.method} ${spec.path}: ${describeIssues(parsed.error)}`.slice(0, 500),
  });
}

async function errorFrom(response: Response, spec: RequestSpec<z.ZodType>): Promise<Base44Error> {
  const code = codeForStatus(response.status);
  const text = await response.text().catch(() => '');
  let detail = text;
  let upstream: { code?: string; fields?: Record<string, unknown> } = {};
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const said = body.message ?? body.detail ?? body.error;
    if (typeof said === 'string') detail = said;
    upstream = upstreamErrorOf(body, spec.token ?? undefined);
  } catch {
    // not JSON: keep the (redacted, truncated) text
  }
  return new Base44Error(code, {
    message: spec.messages?.[code],
    upstreamStatus: response.status,
    retryAfterSeconds:
      code === 'rate_limited' ? (parseRetryAfter(response.headers.get('retry-after'), Date.now()) ?? 1) : undefined,
    detail: `${spec.method} ${spec.path} → ${response.status}: ${redact(detail, spec.token ?? undefined)}`,
    upstreamCode: upstream.code,
    upstreamFields: upstream.fields,
  });
}

/**
 * An error body's code and fields, flat (`{code, ...}`) or nested (`{error: {code, ...}}`), as the
 * SDK reads them. Only scalars and one level of object are kept, texts redacted like `detail`: an
 * upstream that echoes the request back must not put the token into the error.
 */
function upstreamErrorOf(body: unknown, token: string | undefined): { code?: string; fields?: Record<string, unknown> } {
  if (!isPlainRecord(body)) return {};
  const fields = isPlainRecord(body.error) ? body.error : body;
  return { code: typeof fields.code === 'string' ? fields.code : undefined, fields: safeFields(fields, token, 1) };
}

function safeFields(record: Record<string, unknown>, token: string | undefined, depth: number): Record<string, unknown> {
  const safe: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record).slice(0, 20)) {
    if (typeof value === 'string') safe[name] = redact(value, token);
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null) safe[name] = value;
    else if (depth > 0 && isPlainRecord(value)) safe[name] = safeFields(value, token, depth - 1);
  }
  return safe;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function classify(error: unknown, caller: AbortSignal | undefined, deadline: AbortSignal, timeoutMs: number): unknown {
  if (error instanceof Base44Error) return error;
  if (caller?.aborted) return caller.reason;
  if (deadline.aborted) return new Base44Error('timeout', { detail: `no answer within ${timeoutMs} ms` });
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  const name = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
  return new Base44Error('unavailable', { detail: cause?.code ? `${name} (${cause.code})` : name });
}

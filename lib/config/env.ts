import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// Parsed once, at first use, so a bad configuration fails with a readable message instead of a
// confusing error deep inside a request.
const envSchema = z.object({
  BASE44_SERVER_URL: z.url().optional(),
  BASE44_APP_ID: z.string().min(1).default('spynners-local'),
  BASE44_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  NEXTAUTH_URL: z.url().optional(),
  SPYNNERS_DATA_DIR: z.string().min(1).default('.data'),
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  UPLOAD_LIMIT_MB: z.coerce.number().positive().max(2048).default(100),
  UPLOAD_STALL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  UPLOAD_DEADLINE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  BASE44_CONSOLE_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_CHECK_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
  SIGN_IN_ADDRESS_LIMIT: z.coerce.number().int().min(1).max(100_000).default(20),
  SIGN_UP_ADDRESS_LIMIT: z.coerce.number().int().min(1).max(100_000).default(5),
});

export interface ServerEnv {
  /** Unset: the embedded Base44-compatible backend runs inside this server. */
  base44ServerUrl: string | null;
  base44AppId: string;
  base44TimeoutMs: number;
  nextAuthSecret: string;
  dataDir: string;
  sessionMaxAgeSeconds: number;
  uploadLimitBytes: number;
  /** No bytes for this long ends an upload (408 upload_stalled). */
  uploadStallMs: number;
  /** An upload's own deadline: the console's server has no request timeout (lib/cli/http-server.mjs). */
  uploadDeadlineMs: number;
  /** The shared secret of the data source's `authThrottle` function; null: generated for the embedded backend. */
  base44ConsoleKey: string | null;
  /** How long a session's liveness answer is trusted before the data source is asked again. */
  sessionCheckMs: number;
  /** Failed sign-ins per client address per window, and sign-ups per address per hour. */
  signInAddressLimit: number;
  signUpAddressLimit: number;
}

let cached: ServerEnv | null = null;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid SPYNNERS console configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.SPYNNERS_DATA_DIR);
  cached = {
    base44ServerUrl: env.BASE44_SERVER_URL?.replace(/\/+$/, '') ?? null,
    base44AppId: env.BASE44_APP_ID,
    base44TimeoutMs: env.BASE44_TIMEOUT_MS,
    nextAuthSecret: env.NEXTAUTH_SECRET ?? localSecret(dataDir),
    dataDir,
    sessionMaxAgeSeconds: env.SESSION_MAX_AGE_HOURS * 3600,
    uploadLimitBytes: Math.round(env.UPLOAD_LIMIT_MB * 1024 * 1024),
    uploadStallMs: env.UPLOAD_STALL_SECONDS * 1000,
    uploadDeadlineMs: env.UPLOAD_DEADLINE_MINUTES * 60_000,
    base44ConsoleKey: env.BASE44_CONSOLE_KEY ?? null,
    sessionCheckMs: env.SESSION_CHECK_SECONDS * 1000,
    signInAddressLimit: env.SIGN_IN_ADDRESS_LIMIT,
    signUpAddressLimit: env.SIGN_UP_ADDRESS_LIMIT,
  };
  return cached;
}

/** With no NEXTAUTH_SECRET, create one once and keep it, so sessions survive restarts. */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, 'nextauth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

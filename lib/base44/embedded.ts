import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { serverEnv } from '@/lib/config/env';

/** What the adapter needs from an in-process, Base44-compatible backend. */
export interface EmbeddedBackend {
  readonly baseUrl: string;
  handle(request: Request): Promise<Response>;
}

export const EMBEDDED_BASE_URL = 'http://embedded-base44.internal';

const SINGLETON = Symbol.for('spynners.base44.embeddedBackend');
const CONSOLE_KEY = Symbol.for('spynners.base44.embeddedConsoleKey');
type Holder = { [SINGLETON]?: Promise<EmbeddedBackend>; [CONSOLE_KEY]?: string };

/** The in-process backend's authThrottle key: BASE44_CONSOLE_KEY, else one made up per process. */
export function embeddedConsoleKey(): string {
  const holder = globalThis as Holder;
  holder[CONSOLE_KEY] ??= serverEnv().base44ConsoleKey ?? randomBytes(32).toString('base64url');
  return holder[CONSOLE_KEY];
}

/**
 * The process-wide embedded backend, created on first use. Kept on globalThis because Next may
 * load this module more than once (route bundles, dev reloads) and SQLite must be opened once.
 * Imported lazily so a deployment against the real Base44 never loads SQLite.
 */
export function sharedEmbeddedBackend(): Promise<EmbeddedBackend> {
  const holder = globalThis as Holder;
  holder[SINGLETON] ??= import('@/lib/embedded-base44')
    .then(async ({ createEmbeddedBase44 }) => {
      const env = serverEnv();
      const backend = createEmbeddedBase44({
        dataDir: path.join(env.dataDir, 'base44'),
        appId: env.base44AppId,
        baseUrl: EMBEDDED_BASE_URL,
        // The console's own limit (UPLOAD_LIMIT_MB) is the one producers meet.
        maxUploadBytes: env.uploadLimitBytes,
        consoleKey: embeddedConsoleKey(),
      });
      await backend.ready;
      return backend;
    })
    .catch((error: unknown) => {
      delete holder[SINGLETON]; // let a later request try again
      throw error;
    });
  return holder[SINGLETON];
}

import type { EmbeddedBackend } from './embedded';
import { isRead, sendRead } from './http-reads';

export type EmbeddedSource = EmbeddedBackend | (() => Promise<EmbeddedBackend>);

export interface TransportConfig {
  /** The real Base44's server URL; null sends every request to the embedded backend. */
  serverUrl: string | null;
  appId: string;
  fetch?: typeof fetch;
  embedded?: EmbeddedSource;
}

/** Moves a Request to Base44 and back: over HTTP, or in-process to the embedded backend. */
export interface Transport {
  /** `{serverUrl}/api/apps/{appId}` */
  apiBase(): Promise<string>;
  send(request: Request): Promise<Response>;
}

export function createTransport(config: TransportConfig): Transport {
  const fetchImpl = config.fetch ?? ((input: Request, init?: RequestInit) => unwrappedFetch()(input, init));
  const { serverUrl, embedded } = config;
  if (!serverUrl && !embedded) throw new Error('Base44 transport needs a serverUrl or an embedded backend');
  const loadEmbedded = embedded
    ? typeof embedded === 'function'
      ? embedded
      : () => Promise.resolve(embedded)
    : null;
  const appPath = `/api/apps/${encodeURIComponent(config.appId)}`;

  return {
    async apiBase() {
      const origin = serverUrl ?? (await loadEmbedded!()).baseUrl;
      return origin.replace(/\/+$/, '') + appPath;
    },
    async send(request) {
      // Without a server URL, the embedded backend also serves the file URLs it handed out.
      if (!serverUrl && loadEmbedded) {
        const backend = await loadEmbedded();
        if (request.url.startsWith(backend.baseUrl)) {
          return untilAborted(backend.handle(request), request.signal);
        }
      }
      if (!config.fetch && isRead(request)) return sendRead(request);
      // no-store: should Next's data cache be in the way after all, it must not keep these answers.
      return fetchImpl(request, { cache: 'no-store' });
    },
  };
}

/** The embedded backend may ignore the request's signal: stop waiting for it when it fires. */
function untilAborted(pending: Promise<Response>, signal: AbortSignal): Promise<Response> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason);
      void pending.then((late) => late.body?.cancel(), () => undefined);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (response) => {
        signal.removeEventListener('abort', onAbort);
        resolve(response);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * The platform's fetch, without the wrapper Next puts around it for its data cache and tracing:
 * these calls are cached by the adapter (cache.ts), and the wrapper's work on every upstream call
 * showed in the proxy's overhead (issue #3 bench).
 */
function unwrappedFetch(): typeof fetch {
  const current = globalThis.fetch as typeof fetch & { _nextOriginalFetch?: typeof fetch };
  return current._nextOriginalFetch ?? current;
}

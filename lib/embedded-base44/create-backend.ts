import { requireActor } from './auth/session';
import { createTokenIssuer, loadOrCreateSecret } from './auth/tokens';
import { openDatabase } from './db/open-database';
import { FileStore } from './files/file-store';
import { badRequest, errorResponse, notFound, unauthorized } from './http/errors';
import { createRateLimiter } from './http/rate-limit';
import { matchRoute, routeKey, type Route } from './http/router';
import { createStats } from './http/stats';
import { authRoutes } from './routes/auth-routes';
import { entityReadRoutes } from './routes/entity-read-routes';
import { entityWriteRoutes } from './routes/entity-write-routes';
import { fileRoutes } from './routes/file-routes';
import { functionRoutes } from './routes/function-routes';
import { seedDemoData } from './seed/seed-demo';
import type { Services } from './services';
import { EntityStore } from './store/entity-store';
import {
  DEFAULT_APP_ID,
  DEFAULT_MAX_UPLOAD_BYTES,
  type EmbeddedBase44,
  type EmbeddedBase44Options,
} from './types';

const APP_PATH = /^\/api\/apps\/([^/]+)(\/.*)?$/;

export function createEmbeddedBase44(options: EmbeddedBase44Options): EmbeddedBase44 {
  const appId = options.appId ?? DEFAULT_APP_ID;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const db = openDatabase(options.dataDir);
  const store = new EntityStore(db);
  const services: Services = {
    appId,
    store,
    files: new FileStore(db, options.dataDir, `${baseUrl}/api/apps/${encodeURIComponent(appId)}/files`),
    tokens: createTokenIssuer(options.jwtSecret ?? loadOrCreateSecret(options.dataDir), appId),
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    consoleKey: options.consoleKey ?? null,
  };
  // Specific paths first: /entities/User/me before /entities/:entity/:id.
  const routes: Route[] = [
    ...authRoutes(services),
    ...fileRoutes(services),
    ...entityReadRoutes(services),
    ...entityWriteRoutes(services),
    ...functionRoutes(services),
  ];
  const stats = createStats();
  const limiter = createRateLimiter(options.rateLimit ?? null);
  const seed = options.seed ?? true;
  const ready =
    seed === false ? Promise.resolve() : seedDemoData(services, seed === true ? {} : seed).then(() => undefined);
  ready.catch((error) => console.error('[embedded-base44] seeding the demo data failed', error));

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const app = APP_PATH.exec(url.pathname);
    if (!app) {
      stats.record(`${request.method} (unmatched)`);
      throw notFound('Not found');
    }
    const match = matchRoute(routes, request.method, app[2] ?? '/');
    stats.record(match ? routeKey(request.method, match) : `${request.method} (unmatched)`);
    if (safeDecode(app[1] ?? '') !== appId) throw notFound('App not found');
    const headerAppId = request.headers.get('x-app-id');
    if (headerAppId !== null && headerAppId !== appId) throw badRequest('X-App-Id does not match this app');
    if (!match) throw notFound(`No endpoint ${request.method} ${app[2] ?? '/'}`);
    await ready;
    if (match.route.rateLimited) limiter.take();
    const actor = match.route.access === 'session' ? await requireActor(request, services.tokens, store) : null;
    return match.route.handle({
      request,
      url,
      params: match.params,
      // Public routes have no caller; reading one there is a programming error, answered as 401.
      get actor() {
        if (!actor) throw unauthorized();
        return actor;
      },
    });
  }

  return {
    appId,
    baseUrl,
    ready,
    async handle(request) {
      try {
        return await route(request);
      } catch (error) {
        return errorResponse(error);
      }
    },
    get stats() {
      return stats.snapshot;
    },
    resetStats: () => stats.reset(),
    close: () => db.close(),
  };
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

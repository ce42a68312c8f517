import type { Actor } from '../access/policy';
import { isEntityName } from '../entities/definitions';

export interface RouteContext {
  readonly request: Request;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  /** Set on routes that need a session; the router refuses anonymous calls to them. */
  readonly actor: Actor;
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under `/api/apps/{appId}`, with `:name` segments. */
  readonly pattern: string;
  readonly access: 'session' | 'public';
  /** Counts against the optional per-app rate limit (entity list, filter and count calls). */
  readonly rateLimited?: boolean;
  handle(context: RouteContext): Promise<Response> | Response;
}

export interface RouteMatch {
  readonly route: Route;
  readonly params: Record<string, string>;
}

/** First route in table order whose method and segments match; HEAD is served by GET routes. */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | null {
  const wanted = method === 'HEAD' ? 'GET' : method;
  const segments = path.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.method !== wanted) continue;
    const parts = route.pattern.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = parts.every((part, i) => {
      const segment = segments[i] as string;
      if (!part.startsWith(':')) return part === segment;
      try {
        params[part.slice(1)] = decodeURIComponent(segment);
        return true;
      } catch {
        return false;
      }
    });
    if (matches) return { route, params };
  }
  return null;
}

/** Stats key such as `GET /entities/Track` or `PUT /entities/Track/:id`. */
export function routeKey(method: string, match: RouteMatch): string {
  const entity = match.params.entity;
  const path = match.route.pattern.replace(':entity', entity && isEntityName(entity) ? entity : ':entity');
  return `${method} ${path}`;
}

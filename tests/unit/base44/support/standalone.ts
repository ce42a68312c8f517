import type { EmbeddedServer } from '@/lib/embedded-base44';

/** Calls a standalone embedded backend over HTTP, as a remote Base44 client would. */
export function upstreamCaller(server: () => EmbeddedServer) {
  async function upstream(method: string, route: string, token: string | null, body?: unknown) {
    const { url, backend } = server();
    const res = await fetch(`${url}/api/apps/${backend.appId}${route}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read arbitrary JSON
    return { status: res.status, json: (await res.json()) as any };
  }
  async function login(email: string) {
    return (await upstream('POST', '/auth/login', null, { email, password: 'spynners' })).json as { access_token: string; user: { id: string } };
  }
  return { upstream, login };
}

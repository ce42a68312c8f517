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
  /** A signed-in browser's ConsoleSession (the `sid` a session cookie must carry to be live). */
  async function consoleSession(token: string) {
    const opened = await upstream('POST', '/entities/ConsoleSession', token, { expires_at: new Date(Date.now() + 86_400_000).toISOString(), device_label: 'unit test' });
    if (opened.status !== 201) throw new Error(`ConsoleSession not opened: ${opened.status}`);
    return opened.json.id as string;
  }
  return { upstream, login, consoleSession };
}

import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { E2E } from './servers';

/** The `Cookie` header that carries a context's session, to replay it after the context signed out. */
export async function sessionCookieOf(context: APIRequestContext): Promise<string> {
  const { cookies } = await context.storageState();
  const session = cookies.filter((c) => c.name.startsWith('next-auth.session-token'));
  expect(session.length).toBeGreaterThan(0);
  return session.map((c) => `${c.name}=${c.value}`).join('; ');
}

const SAME_ORIGIN = { Origin: E2E.consoleUrl };

/** What an old cookie can still do: read the member, write a playlist, read the session. */
export async function replay(raw: APIRequestContext, cookie: string) {
  const me = await raw.get('/api/me', { headers: { cookie } });
  const playlist = await raw.post('/api/playlists', { headers: { cookie, ...SAME_ORIGIN }, data: { name: 'After the end' } });
  const session = (await (await raw.get('/api/auth/session', { headers: { cookie } })).json()) as Record<string, unknown>;
  return { me: me.status(), playlist: playlist.status(), session };
}

export async function signOutThroughApi(context: APIRequestContext): Promise<APIResponse> {
  const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
  return context.post('/api/auth/signout', { form: { csrfToken, json: 'true' }, maxRedirects: 0 });
}

/** One sign-in attempt as the form sends it (the answer is not checked). */
export async function attemptSignIn(context: APIRequestContext, email: string, password: string): Promise<APIResponse> {
  const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
  return context.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, json: 'true' }, maxRedirects: 0 });
}

export const sameOrigin = SAME_ORIGIN;

import { expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { decode } from 'next-auth/jwt';
import { E2E } from './servers';

let counter = 0;
export function uniqueEmail(prefix = 'dj'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 7)}@e2e.test`;
}

/** Where each role lands after signing in with no page asked for (lib/domain/home-path.ts). */
const ROLE_HOMES = /\/(library|my-tracks|admin\/review)$/;

export async function signInThroughUi(page: Page, email: string, password: string, home: RegExp = ROLE_HOMES): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(home);
  await expect(page.locator('[data-app-ready="true"]')).toBeVisible();
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form does. */
export async function signInThroughApi(
  request: APIRequestContext,
  email: string,
  password: string,
  provider: 'credentials' | 'signup' = 'credentials',
  extra: Record<string, string> = {},
): Promise<void> {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await request.post(`/api/auth/callback/${provider}`, {
    form: { csrfToken, email, password, json: 'true', ...extra },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  const session = (await (await request.get('/api/auth/session')).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe(email);
}

export async function signUpThroughApi(request: APIRequestContext, email: string, password = 'correct-horse-42'): Promise<void> {
  await signInThroughApi(request, email, password, 'signup', {
    fullName: 'E2E DJ',
    userType: 'dj',
    acceptTerms: 'true',
  });
}

/** Opens the session cookie with the test-only secret and returns the Base44 token inside it. */
export async function base44TokenOf(context: BrowserContext): Promise<string> {
  const cookies = await context.cookies();
  const session = cookies
    .filter((c) => c.name.startsWith('next-auth.session-token'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => c.value)
    .join('');
  const jwt = await decode({ token: session, secret: E2E.nextAuthSecret });
  const token = jwt?.base44Token;
  if (typeof token !== 'string' || token.length < 20) throw new Error('No Base44 token in the session');
  return token;
}

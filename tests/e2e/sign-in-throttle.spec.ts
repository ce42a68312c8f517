import { expect, test } from './support/fresh-clients';
import { signInThroughApi, signUpThroughApi, uniqueEmail } from './support/auth';
import { attemptSignIn, signOutThroughApi } from './support/session-cookies';

// Issue #16, finding 3: wrong passwords are slowed, then refused with Retry-After; a browser that
// signed in to the account before keeps its own budget; sign-up is throttled too.

const PASSWORD = 'correct-horse-42';

test.describe('sign-in and sign-up throttling', () => {
  test('6 wrong passwords: 429 with Retry-After; the right one refused from a fresh client, accepted from a known device', async ({ freshClient }) => {
    test.setTimeout(90_000);
    const email = uniqueEmail('throttled');
    const member = await freshClient();
    await signUpThroughApi(member, email, PASSWORD);
    await signOutThroughApi(member);

    const attacker = await freshClient();
    const started = Date.now();
    for (let i = 0; i < 5; i++) expect((await attemptSignIn(attacker, email, `wrong-${i}`)).status()).toBe(401);
    // The 4th and 5th attempts waited (1 s, then 2 s).
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);

    const refused = await attemptSignIn(attacker, email, 'wrong-6');
    expect(refused.status()).toBe(429);
    const retryAfter = Number(refused.headers()['retry-after']);
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    const body = (await refused.json()) as { url: string; error: { code: string; message: string } };
    expect(body.error.code).toBe('too_many_attempts');
    expect(new URL(body.url).searchParams.get('error')).toMatch(/^too_many_attempts:\d+$/);
    expect(body.error.message).toMatch(/^Too many attempts\. Try again in 1[45] minutes\.$/);

    const stranger = await freshClient();
    const rightButRefused = await attemptSignIn(stranger, email, PASSWORD);
    expect(rightButRefused.status()).toBe(429);
    expect((await (await stranger.get('/api/auth/session')).json()) as object).toEqual({});

    // The member's own browser signed in before: it holds the device cookie and its own budget.
    await signInThroughApi(member, email, PASSWORD);
    expect((await member.get('/api/me')).status()).toBe(200);
  });

  test('sign-up of one email is throttled and never says whether the account exists', async ({ freshClient }) => {
    const email = uniqueEmail('signup');
    const first = await freshClient();
    await signUpThroughApi(first, email, PASSWORD);
    const prober = await freshClient();
    const signUp = async () => {
      const { csrfToken } = (await (await prober.get('/api/auth/csrf')).json()) as { csrfToken: string };
      return prober.post('/api/auth/callback/signup', {
        form: { csrfToken, email, password: 'another-password-1', fullName: 'Probe', userType: 'dj', acceptTerms: 'true', json: 'true' },
        maxRedirects: 0,
      });
    };
    for (let i = 0; i < 4; i++) {
      const answer = await signUp();
      expect(answer.status()).toBe(401);
      const error = new URL(((await answer.json()) as { url: string }).url).searchParams.get('error') ?? '';
      expect(error).not.toMatch(/exist/i);
    }
    const refused = await signUp();
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(3000);
  });
});

import { describe, expect, it } from 'vitest';
import { throttledAttempt } from '@/lib/auth/throttle/attempt';
import { memoryCounterStore } from '@/lib/auth/throttle/counters';
import { DEVICE_COOKIE_MAX_AGE_SECONDS, issueDeviceToken, readDeviceToken } from '@/lib/auth/throttle/device-cookie';
import { accountOf, passwordChangePlan, signInPlan, signUpPlan, type AttemptPlan } from '@/lib/auth/throttle/plans';
import { decide, delayFor, MAX_DELAY_MS } from '@/lib/auth/throttle/policy';
import { waitText } from '@/lib/auth/throttle/wait-text';
import { signInErrorMessage } from '@/components/auth/sign-in-error';

const SECRET = 'unit-test-secret-0123456789-0123456789';
const LIMITS = { signInPerAddress: 20, signUpPerAddress: 5 };

function rig() {
  let clock = 1_700_000_000_000;
  const counters = memoryCounterStore(() => clock);
  const slept: number[] = [];
  const attempt = (plan: AttemptPlan, ok: boolean) =>
    throttledAttempt(counters, plan, async () => ok, (v) => v, { now: () => clock, sleep: async (ms) => void slept.push(ms) });
  return { attempt, slept, advance: (ms: number) => (clock += ms) };
}

describe('throttle arithmetic', () => {
  it('delays grow after the free attempts: 1 s, 2 s, 4 s, capped at 8 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 9].map((n) => delayFor(n, 3))).toEqual([0, 0, 0, 1000, 2000, 4000, MAX_DELAY_MS, MAX_DELAY_MS]);
  });

  it('refuses over the limit with the wait until the window ends, the longest of the refusing counters', () => {
    const budgets = [
      { key: 'a', limit: 5, windowSeconds: 900, freeAttempts: 3 },
      { key: 'b', limit: 20, windowSeconds: 900, freeAttempts: 10 },
    ];
    const now = 1_000_000;
    expect(decide(budgets, [{ key: 'a', count: 6, resetsAt: now + 720_500 }, { key: 'b', count: 2, resetsAt: now + 1000 }], now)).toEqual({
      kind: 'refuse',
      retryAfterSeconds: 721,
    });
    expect(decide(budgets, [{ key: 'a', count: 5, resetsAt: now + 1 }, { key: 'b', count: 12, resetsAt: now + 1 }], now)).toEqual({
      kind: 'allow',
      delayMs: 2000,
    });
  });

  it('5 failures per account per 15 minutes: the 6th attempt is refused, the right password after the window works', async () => {
    const { attempt, slept, advance } = rig();
    const plan = signInPlan(SECRET, LIMITS, 'dj@example.com', null, null);
    for (let i = 0; i < 5; i++) expect((await attempt(plan, false)).kind).toBe('done');
    expect(slept).toEqual([1000, 2000]);
    const refused = await attempt(plan, true);
    expect(refused).toEqual({ kind: 'refused', retryAfterSeconds: 900 });
    advance(600_000);
    expect(await attempt(plan, true)).toEqual({ kind: 'refused', retryAfterSeconds: 300 });
    advance(300_000);
    expect((await attempt(plan, true)).kind).toBe('done');
  });

  it('a success clears the account counter', async () => {
    const { attempt } = rig();
    const plan = signInPlan(SECRET, LIMITS, 'dj@example.com', null, null);
    for (let i = 0; i < 4; i++) await attempt(plan, false);
    await attempt(plan, true);
    for (let i = 0; i < 5; i++) expect((await attempt(plan, false)).kind).toBe('done');
  });

  it('per address: a larger budget across accounts; a success gives its attempt back', async () => {
    const { attempt } = rig();
    const plan = (i: number) => signInPlan(SECRET, LIMITS, `dj${i}@example.com`, '203.0.113.9', null);
    for (let i = 0; i < 20; i++) expect((await attempt(plan(i), false)).kind).toBe('done');
    expect((await attempt(plan(99), true)).kind).toBe('refused');
    expect((await attempt(signInPlan(SECRET, LIMITS, 'dj99@example.com', '203.0.113.10', null), true)).kind).toBe('done');

    const other = rig();
    for (let i = 0; i < 40; i++) expect((await other.attempt(signInPlan(SECRET, LIMITS, `m${i}@example.com`, '198.51.100.1', null), true)).kind).toBe('done');
  });

  it('parallel attempts cannot slip past the limit together', async () => {
    const counters = memoryCounterStore();
    const plan = signInPlan(SECRET, LIMITS, 'dj@example.com', null, null);
    const results = await Promise.all(
      Array.from({ length: 30 }, () => throttledAttempt(counters, plan, async () => false, (v) => v, { sleep: async () => undefined })),
    );
    expect(results.filter((r) => r.kind === 'done')).toHaveLength(5);
  });

  it('a browser that signed in to the account keeps its own budget while the account is throttled', async () => {
    const { attempt } = rig();
    const email = 'dj@example.com';
    const device = readDeviceToken(issueDeviceToken(null, accountOf(SECRET, email), SECRET), SECRET);
    expect(device).not.toBeNull();
    const attacker = signInPlan(SECRET, LIMITS, email, '192.0.2.66', null);
    for (let i = 0; i < 10; i++) await attempt(attacker, false);
    expect((await attempt(attacker, true)).kind).toBe('refused');
    const member = signInPlan(SECRET, LIMITS, email, '192.0.2.66', device);
    expect(member.budgets).toHaveLength(1);
    expect((await attempt(member, true)).kind).toBe('done');
    // ...and that budget is small too: a stolen device cookie does not open unlimited guessing.
    for (let i = 0; i < 5; i++) await attempt(member, false);
    expect((await attempt(member, true)).kind).toBe('refused');
  });

  it('a device token for another account gives nothing on this one', () => {
    const device = readDeviceToken(issueDeviceToken(null, accountOf(SECRET, 'a@example.com'), SECRET), SECRET);
    const plan = signInPlan(SECRET, LIMITS, 'b@example.com', null, device);
    expect(plan.budgets[0]?.key.startsWith('si-a:')).toBe(true);
  });

  it('sign-up: 5 per email and per address per hour, successes count too', async () => {
    const { attempt, advance } = rig();
    for (let i = 0; i < 5; i++) expect((await attempt(signUpPlan(SECRET, LIMITS, `new${i}@example.com`, '203.0.113.7'), true)).kind).toBe('done');
    expect((await attempt(signUpPlan(SECRET, LIMITS, 'new9@example.com', '203.0.113.7'), true))).toEqual({ kind: 'refused', retryAfterSeconds: 3600 });
    for (let i = 0; i < 5; i++) await attempt(signUpPlan(SECRET, LIMITS, 'taken@example.com', null), false);
    expect((await attempt(signUpPlan(SECRET, LIMITS, 'taken@example.com', null), false)).kind).toBe('refused');
    advance(3_600_000);
    expect((await attempt(signUpPlan(SECRET, LIMITS, 'taken@example.com', '203.0.113.7'), true)).kind).toBe('done');
  });

  it('password changes are limited per member like sign-ins', async () => {
    const { attempt } = rig();
    for (let i = 0; i < 5; i++) await attempt(passwordChangePlan(SECRET, 'u1'), false);
    expect((await attempt(passwordChangePlan(SECRET, 'u1'), true)).kind).toBe('refused');
    expect((await attempt(passwordChangePlan(SECRET, 'u2'), true)).kind).toBe('done');
  });

  it('counter keys never contain the email or the address', () => {
    const plan = signInPlan(SECRET, LIMITS, 'dj@example.com', '203.0.113.9', null);
    const keys = plan.budgets.map((b) => b.key).join(' ');
    expect(keys).not.toContain('example');
    expect(keys).not.toContain('203.0');
    expect(keys).toMatch(/^[A-Za-z0-9:_\- ]+$/);
  });
});

describe('device cookie', () => {
  const account = accountOf(SECRET, 'dj@example.com');

  it('round-trips, keeps the device id and adds accounts', () => {
    const first = readDeviceToken(issueDeviceToken(null, account, SECRET), SECRET)!;
    const second = readDeviceToken(issueDeviceToken(first, 'other-account', SECRET), SECRET)!;
    expect(second.deviceId).toBe(first.deviceId);
    expect(second.accounts).toEqual(['other-account', account]);
  });

  it('is refused when tampered with, signed with another secret, or too old', () => {
    const token = issueDeviceToken(null, account, SECRET);
    const parts = token.split('.');
    const forged = [...parts.slice(0, 3), `${parts[3]}~someone-else`, parts[4]].join('.');
    expect(readDeviceToken(forged, SECRET)).toBeNull();
    expect(readDeviceToken(token, `${SECRET}-other`)).toBeNull();
    expect(readDeviceToken('v1.a.b.c', SECRET)).toBeNull();
    const old = issueDeviceToken(null, account, SECRET, Date.now() - (DEVICE_COOKIE_MAX_AGE_SECONDS + 60) * 1000);
    expect(readDeviceToken(old, SECRET)).toBeNull();
  });
});

describe('the forms\' message', () => {
  it('says how long to wait', () => {
    expect(signInErrorMessage('too_many_attempts:720')).toBe('Too many attempts. Try again in 12 minutes.');
    expect(signInErrorMessage('too_many_attempts:61')).toBe('Too many attempts. Try again in 2 minutes.');
    expect(signInErrorMessage('too_many_attempts:1')).toBe('Too many attempts. Try again in 1 second.');
    expect(waitText(45)).toBe('45 seconds');
    expect(signInErrorMessage('CredentialsSignin')).toBe('Wrong email or password.');
  });
});

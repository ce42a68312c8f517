import type { Budget } from './policy';
import { opaque } from './keys';
import type { DeviceToken } from './device-cookie';

// Which counters an attempt is charged to, and what a success gives back.

const MINUTE = 60;

export interface ThrottleLimits {
  /** Failed sign-ins per client address per 15 minutes, across accounts. */
  signInPerAddress: number;
  /** Sign-ups per client address per hour. */
  signUpPerAddress: number;
}

export const SIGN_IN_WINDOW_SECONDS = 15 * MINUTE;
export const ACCOUNT_LIMIT = 5;
export const DEVICE_LIMIT = 5;
export const SIGN_UP_WINDOW_SECONDS = 60 * MINUTE;
export const SIGN_UP_PER_EMAIL = 5;
export const PASSWORD_CHANGE_LIMIT = 5;

export interface AttemptPlan {
  budgets: Budget[];
  onSuccess: { clear: string[]; refund: string[] };
}

const window15 = (key: string, limit: number, freeAttempts: number): Budget => ({
  key,
  limit,
  windowSeconds: SIGN_IN_WINDOW_SECONDS,
  freeAttempts,
});

/**
 * A sign-in to `email`. From a browser holding a device token for this account: only that
 * device's own budget. Otherwise the account's budget and the address's (when it is known).
 */
export function signInPlan(
  secret: string,
  limits: ThrottleLimits,
  email: string,
  address: string | null,
  device: DeviceToken | null,
): AttemptPlan {
  const account = opaque(secret, `account:${email}`);
  if (device?.accounts.includes(account)) {
    const key = `si-d:${device.deviceId.slice(0, 20)}:${account}`;
    return { budgets: [window15(key, DEVICE_LIMIT, DEVICE_LIMIT - 2)], onSuccess: { clear: [key], refund: [] } };
  }
  const accountKey = `si-a:${account}`;
  const budgets = [window15(accountKey, ACCOUNT_LIMIT, ACCOUNT_LIMIT - 2)];
  const refund: string[] = [];
  if (address) {
    const addressKey = `si-i:${opaque(secret, `address:${address}`)}`;
    budgets.push(window15(addressKey, limits.signInPerAddress, Math.ceil(limits.signInPerAddress / 2)));
    refund.push(addressKey);
  }
  return { budgets, onSuccess: { clear: [accountKey], refund } };
}

/** A sign-up: every attempt counts, successful or not (creating accounts in bulk is what it slows). */
export function signUpPlan(secret: string, limits: ThrottleLimits, email: string, address: string | null): AttemptPlan {
  const budgets: Budget[] = [
    { key: `su-e:${opaque(secret, `account:${email}`)}`, limit: SIGN_UP_PER_EMAIL, windowSeconds: SIGN_UP_WINDOW_SECONDS, freeAttempts: SIGN_UP_PER_EMAIL },
  ];
  if (address) {
    budgets.push({
      key: `su-i:${opaque(secret, `address:${address}`)}`,
      limit: limits.signUpPerAddress,
      windowSeconds: SIGN_UP_WINDOW_SECONDS,
      freeAttempts: limits.signUpPerAddress,
    });
  }
  return { budgets, onSuccess: { clear: [], refund: [] } };
}

/** A password change: the current password is guessed the same way a sign-in's is. */
export function passwordChangePlan(secret: string, userId: string): AttemptPlan {
  const key = `pw:${opaque(secret, `user:${userId}`)}`;
  return { budgets: [window15(key, PASSWORD_CHANGE_LIMIT, PASSWORD_CHANGE_LIMIT - 2)], onSuccess: { clear: [key], refund: [] } };
}

/** The account key a device token names (to add after a successful sign-in). */
export const accountOf = (secret: string, email: string) => opaque(secret, `account:${email}`);

import { TOO_MANY_ATTEMPTS, tooManyAttemptsMessage } from '@/lib/auth/throttle/wait-text';

const THROTTLED = new RegExp(`^${TOO_MANY_ATTEMPTS}:(\\d+)$`);

/**
 * next-auth reports a rejected credential as `CredentialsSignin`; the throttle as
 * `too_many_attempts:<seconds>`; anything else is our own message.
 */
export function signInErrorMessage(error: string | null | undefined): string {
  if (!error || error === 'CredentialsSignin') return 'Wrong email or password.';
  const throttled = THROTTLED.exec(error);
  if (throttled) return tooManyAttemptsMessage(Number(throttled[1]));
  if (error === 'Configuration' || error === 'fetch failed') return 'The console cannot reach the server. Try again.';
  return error;
}

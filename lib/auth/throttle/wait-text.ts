// Shared by the server's messages and the sign-in / sign-up forms.

/** "12 minutes", "45 seconds": how long a refused member waits (rounded up). */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export const TOO_MANY_ATTEMPTS = 'too_many_attempts';

export const tooManyAttemptsMessage = (retryAfterSeconds: number) =>
  `Too many attempts. Try again in ${waitText(retryAfterSeconds)}.`;

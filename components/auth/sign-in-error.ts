/** next-auth reports a rejected credential as `CredentialsSignin`; anything else is our own message. */
export function signInErrorMessage(error: string | null | undefined): string {
  if (!error || error === 'CredentialsSignin') return 'Wrong email or password.';
  if (error === 'Configuration' || error === 'fetch failed') return 'The console cannot reach the server. Try again.';
  return error;
}

/** Where the console sends a member with no page asked for: `/` answers with their role's home. */
export const ROLE_HOME = '/';

/** Only same-site paths are followed after sign-in: never an absolute URL (open redirect). */
export function safeCallbackPath(value: string | undefined | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return ROLE_HOME;
  return value;
}

/** Only same-site paths are followed after sign-in: never an absolute URL (open redirect). */
export function safeCallbackPath(value: string | undefined | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/library';
  return value;
}

// HTTP Strict Transport Security: sent only when the console's public URL (NEXTAUTH_URL) is https.
// Read at run time (proxy.ts), not in next.config.mjs, whose headers are fixed at build time: one
// build serves deployments with and without TLS.

export const HSTS_VALUE = 'max-age=63072000; includeSubDomains';

export function isHttpsPublicUrl(publicUrl: string | undefined): boolean {
  if (!publicUrl) return false;
  try {
    return new URL(publicUrl).protocol === 'https:';
  } catch {
    return false;
  }
}

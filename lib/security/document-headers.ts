// The headers proxy.ts puts on every HTML document: the nonce policy, and HSTS on https
// deployments. The static ones (nosniff, Referrer-Policy, X-Frame-Options, Permissions-Policy) are
// in next.config.mjs, on every answer.
import { createNonce, documentPolicy } from './csp';
import { HSTS_VALUE, isHttpsPublicUrl } from './transport';

export interface DocumentEnv {
  /** process.env.NODE_ENV */
  nodeEnv: string | undefined;
  /** process.env.NEXTAUTH_URL: the console's public URL. */
  publicUrl: string | undefined;
}

export interface DocumentHeaders {
  nonce: string;
  /** Name → value, lower-case names. */
  headers: Record<string, string>;
}

export function documentHeaders(env: DocumentEnv, nonce: string = createNonce()): DocumentHeaders {
  const https = isHttpsPublicUrl(env.publicUrl);
  const headers: Record<string, string> = {
    'content-security-policy': documentPolicy({ nonce, dev: env.nodeEnv === 'development', https }),
  };
  if (https) headers['strict-transport-security'] = HSTS_VALUE;
  return { nonce, headers };
}

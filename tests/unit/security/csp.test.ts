import { describe, expect, it } from 'vitest';
import { CSP_REPORT_PATH, createNonce, documentPolicy, nonceOf } from '@/lib/security/csp';
import { documentHeaders } from '@/lib/security/document-headers';
import { HSTS_VALUE, isHttpsPublicUrl } from '@/lib/security/transport';

const directives = (policy: string) =>
  new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe('documentPolicy', () => {
  const production = directives(documentPolicy({ nonce: 'abc123==', dev: false, https: true }));

  it('lets scripts run only with the nonce (and what they load), never inline or eval', () => {
    const scripts = production.get('script-src')!;
    expect(scripts).toEqual(expect.arrayContaining(["'nonce-abc123=='", "'strict-dynamic'"]));
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(production.get('object-src')).toEqual(["'none'"]);
    expect(production.get('base-uri')).toEqual(["'self'"]);
  });

  it('allows the console workers, its audio, images and manifest, and nothing else from elsewhere', () => {
    expect(production.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(production.get('media-src')).toEqual(["'self'", 'blob:', 'data:']);
    expect(production.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(production.get('connect-src')).toEqual(["'self'"]);
    expect(production.get('manifest-src')).toEqual(["'self'"]);
    expect(production.get('default-src')).toEqual(["'self'"]);
  });

  it('cannot be framed, posts forms only to itself and reports to the console', () => {
    expect(production.get('frame-ancestors')).toEqual(["'none'"]);
    expect(production.get('form-action')).toEqual(["'self'"]);
    expect(production.get('report-uri')).toEqual([CSP_REPORT_PATH]);
  });

  it('styles: files and inline (React style attributes; WebKit), never from elsewhere', () => {
    expect(production.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(production.has('style-src-elem')).toBe(false);
  });

  it('upgrades insecure requests only on https', () => {
    expect(production.has('upgrade-insecure-requests')).toBe(true);
    expect(directives(documentPolicy({ nonce: 'n', dev: false, https: false })).has('upgrade-insecure-requests')).toBe(false);
  });

  it('allows eval (React dev stacks) in `next dev` only', () => {
    const dev = directives(documentPolicy({ nonce: 'n', dev: true, https: false }));
    expect(dev.get('script-src')).toContain("'unsafe-eval'");
    expect(dev.get('script-src')).not.toContain("'unsafe-inline'");
  });
});

describe('createNonce', () => {
  it('is 128 random bits in base64, different every time, and found back in the policy', () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(nonceOf(documentPolicy({ nonce, dev: false, https: false }))).toBe(nonce);
    }
  });
});

describe('documentHeaders', () => {
  it('adds HSTS only when the public URL is https', () => {
    const https = documentHeaders({ nodeEnv: 'production', publicUrl: 'https://console.spynners.com' }, 'n1');
    expect(https.headers['strict-transport-security']).toBe(HSTS_VALUE);
    expect(https.headers['content-security-policy']).toContain("'nonce-n1'");
    expect(https.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    for (const publicUrl of ['http://127.0.0.1:3100', undefined, 'not a url']) {
      const headers = documentHeaders({ nodeEnv: 'production', publicUrl }, 'n2').headers;
      expect(headers['strict-transport-security']).toBeUndefined();
      expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    }
  });

  it('a fresh nonce per call by default', () => {
    const env = { nodeEnv: 'production', publicUrl: undefined };
    expect(documentHeaders(env).nonce).not.toBe(documentHeaders(env).nonce);
  });

  it('HSTS lasts two years and covers subdomains', () => {
    expect(HSTS_VALUE).toBe('max-age=63072000; includeSubDomains');
    expect(isHttpsPublicUrl('HTTPS://Example.com')).toBe(true);
  });
});

// Next 16's proxy (the former middleware, Node runtime), for HTML documents only: a fresh CSP nonce
// per request, set on the request (Next reads the nonce from it and stamps its own scripts) and on
// the response, plus HSTS on https deployments. Decisions: lib/security/.
import { NextResponse, type NextRequest } from 'next/server';
import { documentHeaders } from '@/lib/security/document-headers';

export function proxy(request: NextRequest): NextResponse {
  const { headers } = documentHeaders({ nodeEnv: process.env.NODE_ENV, publicUrl: process.env.NEXTAUTH_URL });
  const forwarded = new Headers(request.headers);
  forwarded.set('content-security-policy', headers['content-security-policy']!);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Documents only: not the API (its answers carry a fixed `default-src 'none'` policy from
      // next.config.mjs; audio and artwork are there), build files, the service worker, icons and
      // the manifest. RSC payloads and prefetches are not documents (the page keeps its nonce).
      source:
        '/((?!api/|_next/static/|_next/image|sw\\.js$|icons/|apple-touch-icon\\.png$|manifest\\.webmanifest$|favicon\\.ico$|robots\\.txt$).*)',
      missing: [
        { type: 'header', key: 'rsc' },
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};

// @ts-check

// On every answer. The documents' Content-Security-Policy (per-request nonce) and HSTS (only when
// the public URL is https, known at run time) come from proxy.ts; these headers are fixed at build.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Our own pages see where a request came from; other sites see nothing.
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  // SPYNN (track recognition) will listen through the microphone: this origin only, never a frame.
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(self), geolocation=()' },
];

// API answers are JSON, audio and images, fetched, never rendered as documents: if one is opened
// as a page anyway, it may load nothing, run nothing and be framed by nobody.
const apiHeaders = [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Profiling a production build (`SOURCE_MAPS=1 npm run build`): CPU profiles map to sources.
  productionBrowserSourceMaps: process.env.SOURCE_MAPS === '1',
  poweredByHeader: false,
  // The embedded Base44 backend uses a native SQLite module: load it from node_modules at run time.
  serverExternalPackages: ['better-sqlite3'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // Not the avatar proxy: it sends its own, stricter policy (sandbox) for images it relays.
      { source: '/api/:path((?!users/[^/]+/avatar$).*)', headers: apiHeaders },
      // The service worker (written by lib/cli/build-sw.mjs): browsers must always revalidate it, or an
      // update could wait for an HTTP cache expiry. Scope `/` is its own folder: no Service-Worker-Allowed.
      {
        source: '/sw.js',
        headers: [
          { key: 'Cache-Control', value: 'no-cache' },
          { key: 'Content-Type', value: 'application/javascript; charset=utf-8' },
        ],
      },
    ];
  },
};

export default nextConfig;

// @ts-check

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded Base44 backend uses a native SQLite module: load it from node_modules at run time.
  serverExternalPackages: ['better-sqlite3'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
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

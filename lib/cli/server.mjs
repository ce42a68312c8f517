#!/usr/bin/env node
// The console's own server: Next's request handler on a node:http server whose timeouts and client
// address the console chooses (http-server.mjs). `npm start` (start.mjs) and the end-to-end tests
// serve through it. Usage: node lib/cli/server.mjs [-H host] [-p port] (or HOST / PORT).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseTrustedProxyHops } from './client-address.mjs';
import { createConsoleHttpServer } from './http-server.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: { hostname: { type: 'string', short: 'H' }, port: { type: 'string', short: 'p' } },
});
const hostname = values.hostname ?? process.env.HOST ?? '127.0.0.1';
const port = Number(values.port ?? process.env.PORT ?? 3000);

let trustedProxyHops;
try {
  trustedProxyHops = parseTrustedProxyHops(process.env.TRUSTED_PROXY_HOPS);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

process.env.NODE_ENV = 'production';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
// Imported once NODE_ENV is set: Next reads it when it loads.
const { default: next } = await import('next');
const app = next({ dev: false, dir: root, hostname, port });
await app.prepare();

const server = createConsoleHttpServer(app.getRequestHandler(), { trustedProxyHops });
server.on('error', (error) => {
  console.error(`The console cannot listen on ${hostname}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  const behind = trustedProxyHops ? `, client address from X-Forwarded-For (${trustedProxyHops} trusted hop(s))` : '';
  console.log(`Console server listening on http://${hostname}:${port}${behind}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}

// The console's HTTP server, around Next's request handler (server.mjs builds it). Its timeouts are
// chosen rather than inherited from `next start`, whose Node defaults cut every request at 300 s
// (requestTimeout) even while its bytes still flow: a 100 MB upload on a slow link needs longer.
import http from 'node:http';
import { stampClientAddress } from './client-address.mjs';
import { refuseMalformedPath } from './malformed-path.mjs';

export const SERVER_TIMEOUTS = Object.freeze({
  // No server-wide cut: each route bounds its own work (the uploads route: an overall deadline
  // and a stall timer; JSON bodies: a read deadline; upstream calls: BASE44_TIMEOUT_MS).
  requestTimeout: 0,
  // A client has this long to send a request's headers (slow-headers attacks).
  headersTimeout: 30_000,
  // Idle kept-alive connections live longer than a load balancer's usual 60 s, so the balancer
  // never reuses one the console has just closed.
  keepAliveTimeout: 65_000,
  // With no request timeout, a body nobody reads (a refusal answered before it arrived) would hold
  // its connection for as long as the client trickles it. Node reads and discards the rest of it
  // after the answer (so a kept-alive connection stays usable); one still incomplete after this
  // grace is cut.
  unreadBodyGraceMs: 5_000,
});

/** An answer sent before its request's body arrived: the rest has unreadBodyGraceMs to come. */
function cutBodyLeftTrickling(req, res) {
  res.once('finish', () => {
    if (req.complete) return;
    setTimeout(() => {
      if (!req.complete) req.socket.destroy();
    }, SERVER_TIMEOUTS.unreadBodyGraceMs).unref();
  });
}

/** `handle(req, res)` is Next's request handler (or any handler, in tests). */
export function createConsoleHttpServer(handle, { trustedProxyHops = 0 } = {}) {
  const server = http.createServer(
    { requestTimeout: SERVER_TIMEOUTS.requestTimeout, headersTimeout: SERVER_TIMEOUTS.headersTimeout },
    (req, res) => {
      stampClientAddress(req, trustedProxyHops);
      cutBodyLeftTrickling(req, res);
      if (refuseMalformedPath(req, res)) return;
      Promise.resolve(handle(req, res)).catch((error) => {
        console.error(`[server] ${req.method} ${req.url} failed:`, error);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end();
      });
    },
  );
  server.keepAliveTimeout = SERVER_TIMEOUTS.keepAliveTimeout;
  return server;
}

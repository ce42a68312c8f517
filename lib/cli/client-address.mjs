// The caller's address, stamped by the console's server (server.mjs) on every request in one header
// that route handlers read (lib/http/client-address.ts). A client-sent header of that name is
// deleted first: only this server writes it.
import { isIP } from 'node:net';

/** Must equal CLIENT_ADDRESS_HEADER in lib/http/client-address.ts (a unit test checks). */
export const CLIENT_ADDRESS_HEADER = 'x-spynners-client-address';

/**
 * TRUSTED_PROXY_HOPS: how many proxies of ours stand in front of the console, each appending the
 * address it saw to X-Forwarded-For. Unset or 0: the console faces clients directly and
 * X-Forwarded-For, which anyone can write, is ignored.
 */
export function parseTrustedProxyHops(value) {
  if (value === undefined || value.trim() === '') return 0;
  if (!/^\d{1,2}$/.test(value.trim())) {
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number of proxies (0 to 99), not "${value}"`);
  }
  return Number(value.trim());
}

/**
 * The address to believe: the socket's peer, or with N trusted hops the N-th X-Forwarded-For entry
 * from the right (the one our outermost proxy appended: what it saw). Entries further left were
 * written by the client and are never used. A chain shorter than N, or an entry that is not an IP
 * address, means the request did not come through our proxies: the socket's peer is used.
 */
export function clientAddressOf({ remoteAddress, forwardedFor, trustedProxyHops }) {
  const peer = normalise(remoteAddress);
  if (!trustedProxyHops) return peer;
  const values = Array.isArray(forwardedFor) ? forwardedFor : forwardedFor ? [forwardedFor] : [];
  const chain = values.flatMap((value) => value.split(',')).map((entry) => entry.trim()).filter(Boolean);
  if (chain.length < trustedProxyHops) return peer;
  return normalise(chain[chain.length - trustedProxyHops]) ?? peer;
}

/** Replaces any client-sent header of that name with the address this server believes. */
export function stampClientAddress(req, trustedProxyHops) {
  const address = clientAddressOf({
    remoteAddress: req.socket.remoteAddress,
    forwardedFor: req.headers['x-forwarded-for'],
    trustedProxyHops,
  });
  delete req.headers[CLIENT_ADDRESS_HEADER];
  const raw = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i].toLowerCase() !== CLIENT_ADDRESS_HEADER) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  if (address) {
    req.headers[CLIENT_ADDRESS_HEADER] = address;
    raw.push(CLIENT_ADDRESS_HEADER, address);
  }
  req.rawHeaders = raw;
}

function normalise(address) {
  if (typeof address !== 'string') return null;
  let value = address.trim();
  // "[2001:db8::1]:443" and "203.0.113.7:51234" (some proxies add the port)
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (value.toLowerCase().startsWith('::ffff:') && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : null;
}

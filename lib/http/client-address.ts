// The caller's network address, as the console's own server (lib/cli/server.mjs) stamps it on every
// request: the socket's address, or the one a configured trusted proxy reported. Route handlers
// cannot see the socket, and a client-sent X-Forwarded-For is not to be believed, so nothing else is
// read. Null when the console runs without that server (e.g. a bare `next start`).
export const CLIENT_ADDRESS_HEADER = 'x-spynners-client-address';

export function clientAddress(headers: Pick<Headers, 'get'>): string | null {
  const value = headers.get(CLIENT_ADDRESS_HEADER)?.trim();
  return value ? value.slice(0, 64) : null;
}

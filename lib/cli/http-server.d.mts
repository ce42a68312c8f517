import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export const SERVER_TIMEOUTS: Readonly<{ requestTimeout: number; headersTimeout: number; keepAliveTimeout: number }>;
export function createConsoleHttpServer(
  handle: (req: IncomingMessage, res: ServerResponse) => unknown,
  options?: { trustedProxyHops?: number },
): Server;

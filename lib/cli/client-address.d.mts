import type { IncomingMessage } from 'node:http';

export const CLIENT_ADDRESS_HEADER: 'x-spynners-client-address';
export function parseTrustedProxyHops(value: string | undefined): number;
export function clientAddressOf(input: {
  remoteAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedProxyHops: number;
}): string | null;
export function stampClientAddress(req: IncomingMessage, trustedProxyHops: number): void;

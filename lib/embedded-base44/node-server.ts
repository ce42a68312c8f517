import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import { createEmbeddedBase44 } from './create-backend';
import { jsonResponse } from './http/errors';
import type { EmbeddedBase44, EmbeddedBase44Options } from './types';

export interface EmbeddedServerOptions extends Omit<EmbeddedBase44Options, 'baseUrl'> {
  readonly port: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default: the server's own URL. */
  readonly baseUrl?: string;
  /** Adds GET /__embedded/stats and POST /__embedded/stats/reset, for tests that count calls. */
  readonly exposeStats?: boolean;
}

export interface EmbeddedServer {
  readonly url: string;
  readonly backend: EmbeddedBase44;
  close(): Promise<void>;
}

/** Serves the backend over node:http; bodies stream both ways, nothing is buffered here. */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer();
  // Requests that arrive while the demo data is still being seeded wait for it instead of hanging.
  let backendReady: (backend: EmbeddedBase44) => void = () => undefined;
  const whenReady = new Promise<EmbeddedBase44>((resolve) => (backendReady = resolve));
  server.on('request', (req, res) => {
    void whenReady.then((ready) => serve(ready, req, res, url, options.exposeStats ?? false));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let backend: EmbeddedBase44;
  try {
    backend = createEmbeddedBase44({ ...options, baseUrl: options.baseUrl ?? url });
    await backend.ready;
  } catch (error) {
    server.close();
    throw error;
  }
  backendReady(backend);
  return {
    url,
    backend,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        backend.close();
      }),
  };
}

async function serve(backend: EmbeddedBase44, req: IncomingMessage, res: ServerResponse, origin: string, exposeStats: boolean) {
  try {
    const response =
      (exposeStats && statsResponse(backend, req)) || (await backend.handle(toRequest(req, res, origin)));
    res.statusCode = response.status;
    response.headers.forEach((value, name) => res.setHeader(name, value));
    // An answer given before the body was read (413, 401...): close instead of draining it.
    if (!req.complete) res.setHeader('connection', 'close');
    if (!response.body || req.method === 'HEAD') {
      res.end();
    } else {
      await pipeline(Readable.fromWeb(response.body as unknown as NodeWebReadableStream<Uint8Array>), res);
    }
  } catch {
    // The client went away mid-answer; nothing left to tell it.
    res.destroy();
  }
}

function toRequest(req: IncomingMessage, res: ServerResponse, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const controller = new AbortController();
  // The client hung up before the answer was sent: let the handler know through request.signal.
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method,
    headers,
    body: hasBody ? requestBody(req) : undefined,
    signal: controller.signal,
    // Required by undici for a streamed request body.
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit);
}

/**
 * The request body as a web stream with backpressure. Cancelling it (a 413 before the end)
 * detaches instead of destroying the socket, so the error answer still reaches the client; Node
 * discards the unread rest and closes the connection after the answer.
 */
function requestBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on('data', (chunk: Buffer) => {
          if (!open) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.once('end', () => open && ((open = false), controller.close()));
        req.once('error', (error) => open && ((open = false), controller.error(error)));
        // A client that hangs up mid-body fails the stream, so a half-written upload is removed.
        req.once('close', () => open && !req.complete && ((open = false), controller.error(new Error('aborted'))));
      },
      pull() {
        req.resume();
      },
      cancel() {
        open = false;
        req.resume();
      },
    },
    { highWaterMark: 256 * 1024, size: (chunk) => chunk.byteLength },
  );
}

function statsResponse(backend: EmbeddedBase44, req: IncomingMessage): Response | null {
  const path = (req.url ?? '').split('?')[0];
  if (path === '/__embedded/stats' && req.method === 'GET') return jsonResponse(backend.stats);
  if (path === '/__embedded/stats/reset' && req.method === 'POST') {
    backend.resetStats();
    return jsonResponse({ ok: true });
  }
  return null;
}

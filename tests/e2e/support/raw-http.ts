// Requests as an attacker sends them: raw paths (no URL normalising), chunked bodies of any size,
// bodies sent piece by piece. node:http, not Playwright's request context (which buffers bodies).
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** Bytes of the request body written before the answer came. */
  sentBytes: number;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  /** Writes the body: return when done (the request is ended after) or never (a stall). */
  write?: (send: (chunk: Buffer) => Promise<boolean>, answered: () => boolean) => Promise<void>;
}

/** Sends one request; resolves with the answer once it is complete, then stops sending. */
export function rawRequest(base: string, path: string, init: RawRequest = {}): Promise<RawAnswer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const req = httpRequest({ host: url.hostname, port: url.port, method: init.method ?? 'GET', path, headers: init.headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), sentBytes });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const send = (chunk: Buffer) =>
      new Promise<boolean>((done) => {
        if (answered || req.destroyed) return done(false);
        sentBytes += chunk.length;
        if (req.write(chunk)) done(true);
        else req.once('drain', () => done(!answered));
      });
    if (!init.write) {
      req.end();
      return;
    }
    init.write(send, () => answered).then(
      () => {
        if (!answered && !req.destroyed) req.end();
      },
      reject,
    );
  });
}

/** `total` bytes of spaces, chunked (no Content-Length), stopping as soon as the answer comes. */
export function chunkedBody(total: number) {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  return async (send: (chunk: Buffer) => Promise<boolean>, answered: () => boolean) => {
    for (let sent = 0; sent < total && !answered(); sent += chunk.length) {
      if (!(await send(chunk))) return;
    }
  };
}

/** The process listening on a local TCP port (from /proc: the socket's inode, then its owner). */
export function pidListeningOn(port: number): number {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[1]?.endsWith(hex) && cols[3] === '0A') inodes.add(cols[9]!);
    }
  }
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const socket = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (socket && inodes.has(socket[1]!)) return Number(pid);
      } catch {
        // gone meanwhile
      }
    }
  }
  throw new Error(`No process listens on port ${port}`);
}

/** Resident memory of a process, in bytes. */
export function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`No VmRSS for ${pid}`);
  return Number(match[1]) * 1024;
}

// A TCP forwarder in front of a console, on a fixed port (the origin, and so the worker, cookies and
// IndexedDB, stay the same across browser restarts). `setReachable(false)` cuts every connection
// and refuses new ones: the server is gone for everything in the browser, its service worker
// included, from the browser's first instant.
import net from 'node:net';

export interface TcpForwarder {
  url: string;
  setReachable(reachable: boolean): void;
  close(): Promise<void>;
}

export async function startTcpForwarder(port: number, targetPort: number): Promise<TcpForwarder> {
  let reachable = true;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (!reachable) return client.destroy();
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    setReachable(value) {
      reachable = value;
      if (!value) for (const socket of sockets) socket.destroy();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

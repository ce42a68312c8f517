import { startEmbeddedServer } from './node-server';
import { parseCliArgs } from './cli-args';

// npm run base44 -- --port 4100 --data .data/base44 [--host H] [--app-id ID] [--rate-limit 100/min]
//                   [--upload-limit-mb 100] [--expose-stats] [--demo-tracks 48] [--console-key KEY]
async function main(): Promise<void> {
  const args = parseCliArgs(process.argv.slice(2), process.env);
  const started = performance.now();
  const server = await startEmbeddedServer(args);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Embedded Base44 backend for app ${server.backend.appId} listening on ${server.url} (ready in ${seconds} s)`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Received ${signal}, shutting down`);
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

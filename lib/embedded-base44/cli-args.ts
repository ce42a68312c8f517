import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseRateLimit } from './http/rate-limit';
import type { EmbeddedServerOptions } from './node-server';
import { DEFAULT_APP_ID } from './types';

const USAGE =
  'usage: npm run base44 -- --port N --data DIR [--host H] [--app-id ID] [--rate-limit 100/min] ' +
  '[--upload-limit-mb 100] [--expose-stats] [--demo-tracks 48] [--console-key KEY (or env BASE44_CONSOLE_KEY)]';

export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): EmbeddedServerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      host: { type: 'string' },
      'app-id': { type: 'string' },
      'rate-limit': { type: 'string' },
      'upload-limit-mb': { type: 'string' },
      'expose-stats': { type: 'boolean' },
      'demo-tracks': { type: 'string' },
      'console-key': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!values.port || !Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port is required\n${USAGE}`);
  if (!values.data) throw new Error(`--data is required\n${USAGE}`);
  const uploadMb = values['upload-limit-mb'] === undefined ? 100 : Number(values['upload-limit-mb']);
  if (!(uploadMb > 0)) throw new Error('--upload-limit-mb must be a positive number');
  const demoTracks = values['demo-tracks'] === undefined ? undefined : Number(values['demo-tracks']);
  if (demoTracks !== undefined && !(Number.isInteger(demoTracks) && demoTracks >= 0)) {
    throw new Error('--demo-tracks must be a whole number');
  }
  return {
    port,
    host: values.host ?? '127.0.0.1',
    dataDir: path.resolve(values.data),
    // The flag wins over the environment, which wins over the default.
    appId: values['app-id'] ?? (env.BASE44_APP_ID || DEFAULT_APP_ID),
    rateLimit: values['rate-limit'] ? parseRateLimit(values['rate-limit']) : null,
    maxUploadBytes: Math.round(uploadMb * 1024 * 1024),
    exposeStats: values['expose-stats'] ?? false,
    // The console's shared secret for the authThrottle function (off without one).
    consoleKey: consoleKeyOf(values['console-key'] ?? env.BASE44_CONSOLE_KEY),
    // Only used when the data folder is new: a smaller catalogue starts faster (tests, CI).
    seed: { trackCount: demoTracks },
  };
}

function consoleKeyOf(value: string | undefined): string | null {
  if (!value) return null;
  if (value.length < 32) throw new Error('--console-key (BASE44_CONSOLE_KEY) must be at least 32 characters');
  return value;
}

export { createEmbeddedBase44 } from './create-backend';
export { startEmbeddedServer } from './node-server';
export type { EmbeddedServer, EmbeddedServerOptions } from './node-server';
export type { EmbeddedBase44, EmbeddedBase44Options, DemoSeedOptions } from './types';
export { DEFAULT_APP_ID } from './types';
export type { RateLimit } from './http/rate-limit';
export type { RequestStats } from './http/stats';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-accounts';

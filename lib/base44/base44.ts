// One Base44 connection: a client, its catalogue cache and the verbs built on them. Route handlers
// use the default instance (index.ts); tests build their own with an injected configuration.
import { accountVerbs } from './account';
import type { CacheOptions } from './cache';
import { catalogueVerbs, DEFAULT_CATALOGUE_CACHE, type Logger } from './catalogue';
import { createBase44Client, type Base44ClientConfig } from './client';
import { mediaVerbs } from './media';

export interface Base44Config extends Base44ClientConfig {
  cache?: Partial<CacheOptions>;
  /** Where notes about skipped upstream records go; console.warn by default. Never given tokens. */
  log?: Logger;
}

export function createBase44(config: Base44Config) {
  const client = createBase44Client(config);
  const log = config.log ?? ((message: string) => console.warn(message));
  return {
    ...accountVerbs(client),
    ...catalogueVerbs(client, { ...DEFAULT_CATALOGUE_CACHE, ...config.cache }, log),
    ...mediaVerbs(client.transport, config.timeoutMs),
  };
}

export type Base44 = ReturnType<typeof createBase44>;

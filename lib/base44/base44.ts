// One Base44 connection: a client, its catalogue cache and the verbs built on them. Route handlers
// use the default instance (index.ts); tests build their own with an injected configuration.
import type { ProfilePatch } from '@/lib/domain/profile';
import { accountVerbs, type CallOptions } from './account';
import type { CacheOptions } from './cache';
import { catalogueVerbs, DEFAULT_CATALOGUE_CACHE, type Logger } from './catalogue';
import { createBase44Client, type Base44ClientConfig } from './client';
import { adminUserVerbs } from './admin-users';
import { authThrottleVerbs } from './auth-throttle';
import { consoleSessionVerbs } from './console-sessions';
import { mediaVerbs } from './media';
import { myTrackVerbs } from './my-tracks';
import { notificationVerbs, notificationWriter } from './notifications';
import { MAX_LIST_CHUNK } from './paging';
import { playlistVerbs } from './playlists';
import { profileVerbs } from './profiles';
import { ratingVerbs } from './ratings';
import { sessionVerbs } from './sessions';
import { reviewVerbs } from './review';
import { trackStatsVerbs } from './track-stats';
import { unlockVerbs } from './unlock';
import { uploadVerbs } from './uploads';
import { vipVerbs } from './vip';

export interface Base44Config extends Base44ClientConfig {
  cache?: Partial<CacheOptions>;
  /** Where notes about skipped upstream records go; console.warn by default. Never given tokens. */
  log?: Logger;
  /** Records per page when reading the whole catalogue: 5000 (Base44's cap) unless a test says less. */
  catalogueChunkSize?: number;
  /** The shared secret of the app's authThrottle function; null: no data-source throttle. */
  consoleKey?: string | null;
}

export function createBase44(config: Base44Config) {
  const client = createBase44Client(config);
  const log = config.log ?? ((message: string) => console.warn(message));
  const cacheOptions = { ...DEFAULT_CATALOGUE_CACHE, ...config.cache };
  const account = accountVerbs(client);
  const catalogue = catalogueVerbs(client, cacheOptions, log, config.catalogueChunkSize ?? MAX_LIST_CHUNK);
  const profiles = profileVerbs(client, cacheOptions);
  const notify = notificationWriter(client, log);

  /** A profile change shows in the shared public profiles at once. */
  async function updateMe(token: string, patch: ProfilePatch, options: CallOptions = {}) {
    const user = await account.updateMe(token, patch, options);
    profiles.invalidateProfiles();
    return user;
  }

  return {
    ...account,
    updateMe,
    ...catalogue,
    ...profiles,
    ...playlistVerbs(client),
    ...ratingVerbs(client, catalogue),
    ...vipVerbs(client, { listCatalogue: catalogue.listCatalogue, getMe: account.getMe }),
    ...unlockVerbs(client),
    ...sessionVerbs(client),
    ...reviewVerbs(client, catalogue, notify),
    ...adminUserVerbs(client, notify),
    ...trackStatsVerbs(client),
    ...notificationVerbs(client),
    ...mediaVerbs(client.transport, config.timeoutMs),
    ...myTrackVerbs(client, catalogue),
    ...uploadVerbs(client.transport, config.appId),
    ...consoleSessionVerbs(client),
    ...authThrottleVerbs(client, config.consoleKey ?? null),
  };
}

export type Base44 = ReturnType<typeof createBase44>;

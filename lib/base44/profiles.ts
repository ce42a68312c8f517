// Members' public profiles (a producer's page, a track's producer link) and their avatars. A
// profile is what every member sees alike, so it is cached and shared like the catalogue, after
// the wire record is cut down to its public fields: no email, no balance, whoever fetched it.
import { z } from 'zod';
import type { PublicProfile } from '@/lib/domain/types';
import type { CallOptions } from './account';
import { avatarFor, webLink } from './avatars';
import { StaleIfErrorCache, type CacheOptions } from './cache';
import type { Base44Client } from './client';
import { Base44Error } from './errors';
import { createPublicReader } from './public-read';
import { SingleFlight } from './single-flight';
import { flattenData, publicUserWireFields } from './users';
import { firstOf } from './wire';

const TAG = 'users';

/** A User record → its public part, with the upstream avatar URL still raw. */
export const publicProfileSchema = z.preprocess(
  flattenData,
  z
    .looseObject(publicUserWireFields)
    .transform(
      (u): PublicProfile => ({
        id: u.id,
        fullName: firstOf(u.full_name, u.name) ?? '',
        artistName: u.artist_name,
        userType: u.user_type,
        bio: u.bio,
        avatarUrl: firstOf(u.avatar_url, u.avatar),
        nationality: u.nationality,
        links: {
          instagramUrl: webLink(u.instagram_url),
          soundcloudUrl: webLink(firstOf(u.soundcloud, u.soundcloud_url)),
          beatportUrl: webLink(u.beatport_url),
        },
      }),
    ),
);

interface CachedProfile {
  readonly profile: PublicProfile;
  /** Upstream URL for the avatar proxy, when the avatar is a file on the backend's origin. */
  readonly avatarSource: string | null;
}

export function profileVerbs(client: Base44Client, cacheOptions: CacheOptions) {
  const cache = new StaleIfErrorCache(cacheOptions);
  const readPublic = createPublicReader(cache, new SingleFlight(), TAG);

  async function readProfile(token: string, id: string, options: CallOptions): Promise<CachedProfile> {
    const fetchProfile = async (callerToken: string, signal: AbortSignal, waitOnRateLimit: boolean) => {
      const profile = await client.request({
        method: 'GET',
        path: `/entities/User/${encodeURIComponent(id)}`,
        token: callerToken,
        schema: publicProfileSchema,
        signal,
        waitOnRateLimit,
        messages: { not_found: 'This member does not exist.' },
      });
      const origin = new URL(await client.transport.apiBase()).origin;
      const avatar = avatarFor(profile.id, profile.avatarUrl, origin);
      return Object.freeze({ profile: Object.freeze({ ...profile, avatarUrl: avatar.url }), avatarSource: avatar.source });
    };
    try {
      const { value } = await readPublic(`user:${id}`, token, fetchProfile, { signal: options.signal });
      return value;
    } catch (error) {
      // An app whose rules hide other members answers 403: to the caller that is "no such profile".
      if (error instanceof Base44Error && error.code === 'forbidden') {
        throw new Base44Error('not_found', { message: 'This member does not exist.', upstreamStatus: error.upstreamStatus, detail: error.detail });
      }
      throw error;
    }
  }

  async function getPublicProfile(token: string, id: string, options: CallOptions = {}): Promise<PublicProfile> {
    const { profile } = await readProfile(token, id, options);
    return { ...profile, links: { ...profile.links } };
  }

  /** The upstream URL of a member's avatar, for the avatar proxy only; null when there is none to proxy. */
  async function getUserAvatarSource(token: string, id: string, options: CallOptions = {}): Promise<string | null> {
    return (await readProfile(token, id, options)).avatarSource;
  }

  /** After a profile changes: the next reads go upstream. */
  function invalidateProfiles(): void {
    cache.invalidateTag(TAG);
  }

  return { getPublicProfile, getUserAvatarSource, invalidateProfiles };
}

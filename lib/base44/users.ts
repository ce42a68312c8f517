// User records on the wire → domain User. Login answers carry the app's custom fields under
// `user.data`; `/entities/User/me` carries them at the top level. Both read the same here.
import { z } from 'zod';
import type { User } from '@/lib/domain/types';
import type { ProfilePatch } from '@/lib/domain/profile';
import { toGenre, toRole, toUserType } from './vocabulary';
import { count, EPOCH, firstOf, lenient, optionalText, optionalTimestamp, textList, wireId } from './wire';

/** The wire fields every member may see of another (a public profile reads only these). */
export const publicUserWireFields = {
  id: wireId,
  full_name: optionalText,
  name: optionalText,
  user_type: lenient(toUserType),
  artist_name: optionalText,
  bio: optionalText,
  avatar_url: optionalText,
  avatar: optionalText,
  nationality: optionalText,
  instagram_url: optionalText,
  soundcloud: optionalText,
  soundcloud_url: optionalText,
  beatport_url: optionalText,
};

const userFieldsSchema = z.looseObject({
  ...publicUserWireFields,
  email: z.string().trim().min(1),
  role: lenient(toRole),
  sacem_number: optionalText,
  black_diamonds: count,
  preferred_genres: textList,
  created_date: optionalTimestamp,
});

/** Top-level fields win, except where they are empty and `data` has a value. */
export function flattenData(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const { data, ...top } = raw as Record<string, unknown>;
  if (typeof data !== 'object' || data === null) return top;
  const merged: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const [key, value] of Object.entries(top)) {
    if (value !== null && value !== undefined && value !== '') merged[key] = value;
    else merged[key] ??= value;
  }
  return merged;
}

export const userRecordSchema = z.preprocess(
  flattenData,
  userFieldsSchema.transform(
    (u): User => ({
      id: u.id,
      email: u.email,
      fullName: firstOf(u.full_name, u.name) ?? '',
      artistName: u.artist_name,
      role: u.role,
      userType: u.user_type,
      bio: u.bio,
      avatarUrl: firstOf(u.avatar_url, u.avatar),
      nationality: u.nationality,
      instagramUrl: u.instagram_url,
      soundcloudUrl: firstOf(u.soundcloud, u.soundcloud_url),
      beatportUrl: u.beatport_url,
      sacemNumber: u.sacem_number,
      blackDiamonds: u.black_diamonds,
      preferredGenres: [...new Set(u.preferred_genres.map(toGenre))],
      createdAt: u.created_date ?? EPOCH,
    }),
  ),
);

/** `{access_token, user}` from /auth/login (and, when it signs in directly, /auth/register). */
export const sessionSchema = z.looseObject({
  access_token: z.string().min(1),
  user: userRecordSchema,
});

/** /auth/register answers vary: a session, a bare user, or just a message. */
export const registrationSchema = z.looseObject({
  access_token: z.string().min(1).optional(),
  user: z.unknown().optional(),
});

/** Domain profile patch → the wire's snake_case fields (only the ones present). */
export function profilePatchToWire(patch: ProfilePatch): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    full_name: patch.fullName,
    artist_name: patch.artistName,
    bio: patch.bio,
    avatar_url: patch.avatarUrl,
    nationality: patch.nationality,
    instagram_url: patch.instagramUrl,
    soundcloud: patch.soundcloudUrl,
    beatport_url: patch.beatportUrl,
    user_type: patch.userType,
    preferred_genres: patch.preferredGenres,
  };
  return Object.fromEntries(Object.entries(wire).filter(([, value]) => value !== undefined));
}

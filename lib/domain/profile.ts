import { z } from 'zod';
import { lineText, multilineText } from './text';
import { GENRES, USER_TYPES } from './enums';

/** Forms send '' for a cleared field: store that as null. */
const clearable = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), schema.nullable());

const httpsUrl = z.url({ protocol: /^https?$/ }).max(500);

/** What a member may change on their own profile. Shared by the profile form and its route. */
export const profilePatchSchema = z
  .object({
    fullName: lineText().trim().min(1, 'Enter your name').max(100),
    artistName: clearable(lineText().trim().max(100)),
    bio: clearable(multilineText().trim().max(2000)),
    avatarUrl: clearable(httpsUrl),
    nationality: clearable(lineText().trim().max(60)),
    instagramUrl: clearable(httpsUrl),
    soundcloudUrl: clearable(httpsUrl),
    beatportUrl: clearable(httpsUrl),
    userType: z.enum(USER_TYPES),
    preferredGenres: z.array(z.enum(GENRES)).max(GENRES.length),
  })
  .partial()
  .strict();

export type ProfilePatch = z.infer<typeof profilePatchSchema>;

/**
 * `PATCH /api/me`: the profile fields, or `avatarUpload`, the sealed receipt of a photo the member
 * has just uploaded (`POST /api/uploads?kind=avatar`), which becomes their avatar.
 */
export const profileUpdateSchema = profilePatchSchema
  .extend({ avatarUpload: z.string().min(1).max(4096).optional() })
  .refine((update) => !(update.avatarUpload && update.avatarUrl !== undefined), {
    message: 'Send a photo upload or an avatar URL, not both',
    path: ['avatarUpload'],
  });

export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

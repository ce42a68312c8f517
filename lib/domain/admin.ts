// What admins send and see: the bodies of the admin routes (validated by the route handlers and
// by the forms with the same schemas) and the admin views of tracks and members.
import { z } from 'zod';
import { lineText, multilineText } from './text';
import { ROLES, type Role, type UserType } from './enums';
import type { Track } from './types';

export const REJECTION_REASON_MAX = 500;
export const GRANT_MIN = 1;
export const GRANT_MAX = 1000;
/** Grants above this ask the admin to confirm member and amount first (a slip of the keyboard adds a zero). */
export const GRANT_CONFIRM_ABOVE = 100;

/** `POST /api/admin/tracks/:id/reject`: a reason is required; the producer reads it. */
export const rejectTrackSchema = z
  .object({
    reason: multilineText()
      .trim()
      .min(3, 'Give the producer a reason (at least 3 characters)')
      .max(REJECTION_REASON_MAX, `At most ${REJECTION_REASON_MAX} characters`),
  })
  .strict();
export type RejectTrackInput = z.infer<typeof rejectTrackSchema>;

/** `POST /api/admin/users/:id/diamonds`: a whole number of Black Diamonds to add. */
export const grantDiamondsSchema = z
  .object({
    amount: z
      .number({ error: 'Enter a number of Black Diamonds' })
      .int('Whole Black Diamonds only')
      .min(GRANT_MIN, `At least ${GRANT_MIN}`)
      .max(GRANT_MAX, `At most ${GRANT_MAX} at once`),
  })
  .strict();
export type GrantDiamondsInput = z.infer<typeof grantDiamondsSchema>;

const seconds = z.number({ error: 'Enter a time in seconds' }).finite().min(0, 'Cannot be negative');

/**
 * `PATCH /api/admin/tracks/:id/vip`: VIP status and the preview window a locked VIP track plays.
 * The window is checked against the track's duration by `previewWindowIssue`, on the server with
 * the stored duration.
 */
export const trackVipSchema = z
  .object({
    isVip: z.boolean(),
    preview: z.object({ startSeconds: seconds, endSeconds: seconds }).strict().nullable(),
  })
  .strict()
  .refine((v) => !v.isVip || v.preview !== null, { message: 'A VIP track needs a preview window', path: ['preview'] });
export type TrackVipInput = z.infer<typeof trackVipSchema>;

/** Why a preview window is not valid for a track of `durationSeconds` (null: it is). */
export function previewWindowIssue(
  window: { startSeconds: number; endSeconds: number },
  durationSeconds: number | null,
): { path: 'startSeconds' | 'endSeconds'; message: string } | null {
  const { startSeconds: start, endSeconds: end } = window;
  if (!Number.isFinite(start) || start < 0) return { path: 'startSeconds', message: 'The start cannot be negative' };
  if (!Number.isFinite(end) || end <= start) return { path: 'endSeconds', message: 'The end must come after the start' };
  if (durationSeconds !== null && end > durationSeconds) {
    return { path: 'endSeconds', message: `The end must be within the track (${Math.floor(durationSeconds)} s)` };
  }
  return null;
}

export const USER_LIST_PAGE_SIZE = 50;

/** `GET /api/admin/users?search=&role=&page=`. */
export const userListQuerySchema = z
  .object({
    search: lineText().trim().max(100).optional(),
    role: z.enum(ROLES).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict();
export type UserListQuery = z.infer<typeof userListQuerySchema>;

/** A member as admins list them. */
export interface AdminUser {
  id: string;
  email: string;
  fullName: string;
  artistName: string | null;
  role: Role;
  userType: UserType;
  blackDiamonds: number;
  createdAt: string;
}

export interface AdminUserPage {
  items: AdminUser[];
  total: number;
  page: number;
  pageSize: number;
}

/** `GET /api/admin/review`: the pending tracks, oldest first (first come, first reviewed). */
export interface ReviewQueue {
  tracks: Track[];
}

/** What an approve or reject answers: the track as stored and whether the producer was told. */
export interface ReviewResult {
  track: Track;
  notified: boolean;
}

export interface GrantResult {
  userId: string;
  amount: number;
  blackDiamonds: number;
  notified: boolean;
}

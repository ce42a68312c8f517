import { z } from 'zod';

/** One browser signed in to the console, as the profile lists it. */
export interface ConsoleSession {
  id: string;
  /** e.g. "Safari on iPad" (from the browser's User-Agent at sign-in). */
  deviceLabel: string;
  signedInAt: string;
  expiresAt: string;
  /** The browser asking. */
  current: boolean;
}

/** `GET /api/me/sessions` */
export interface ConsoleSessionList {
  sessions: ConsoleSession[];
}

/** `POST /api/me/password` */
export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1, 'Enter your current password').max(200),
  newPassword: z.string().min(8, 'Use at least 8 characters').max(200, 'Use at most 200 characters'),
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

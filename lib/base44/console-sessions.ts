// Console sessions (ConsoleSession records) and the member's password. A console session is one
// signed-in browser: created at sign-in with the member's new token, read back on every request
// (see lib/auth/session-liveness.ts), ended by setting revoked_at. Always with the member's own
// token: the app's rules let members see and end only their own sessions.
import { z } from 'zod';
import type { CallOptions } from './account';
import type { Base44Client } from './client';
import { Base44Error } from './errors';
import { updateManyResultSchema } from './review';
import { EPOCH, optionalText, optionalTimestamp, wireId } from './wire';

export interface ConsoleSessionRecord {
  id: string;
  userId: string;
  deviceLabel: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface NewConsoleSession {
  userId: string;
  expiresAt: Date;
  deviceLabel: string;
}

const consoleSessionSchema = z
  .looseObject({
    id: wireId,
    user_id: optionalText,
    device_label: optionalText,
    created_date: optionalTimestamp,
    expires_at: optionalTimestamp,
    revoked_at: optionalTimestamp,
  })
  .transform(
    (r): ConsoleSessionRecord => ({
      id: r.id,
      userId: r.user_id ?? '',
      deviceLabel: r.device_label ?? 'Unknown browser',
      createdAt: r.created_date ?? EPOCH,
      expiresAt: r.expires_at,
      revokedAt: r.revoked_at,
    }),
  );

/** The live sessions a member may list at most (a member with more has a problem to look at). */
const LIST_LIMIT = 100;

export const WRONG_CURRENT_PASSWORD = 'The current password is not correct.';

export function isSessionLive(record: ConsoleSessionRecord, userId: string, now = Date.now()): boolean {
  if (record.userId !== userId || record.revokedAt) return false;
  return record.expiresAt !== null && Date.parse(record.expiresAt) > now;
}

export function consoleSessionVerbs(client: Base44Client) {
  async function openConsoleSession(token: string, input: NewConsoleSession, options: CallOptions = {}): Promise<ConsoleSessionRecord> {
    return client.request({
      method: 'POST',
      path: '/entities/ConsoleSession',
      token,
      body: { user_id: input.userId, expires_at: input.expiresAt.toISOString(), device_label: input.deviceLabel.slice(0, 80) },
      schema: consoleSessionSchema,
      signal: options.signal,
    });
  }

  /** The record, or null when it does not exist or is not the caller's; a dead token throws `unauthorized`. */
  async function readConsoleSession(token: string, sessionId: string, options: CallOptions = {}): Promise<ConsoleSessionRecord | null> {
    try {
      return await client.request({
        method: 'GET',
        path: `/entities/ConsoleSession/${encodeURIComponent(sessionId)}`,
        token,
        schema: consoleSessionSchema,
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof Base44Error && (error.code === 'not_found' || error.code === 'forbidden')) return null;
      throw error;
    }
  }

  async function listConsoleSessions(token: string, userId: string, options: CallOptions = {}): Promise<ConsoleSessionRecord[]> {
    const now = new Date().toISOString();
    const records = await client.request({
      method: 'GET',
      path: '/entities/ConsoleSession',
      query: { q: JSON.stringify({ user_id: userId, revoked_at: null, expires_at: { $gt: now } }), sort: '-created_date', limit: LIST_LIMIT },
      token,
      schema: z.array(consoleSessionSchema),
      signal: options.signal,
    });
    return records.filter((record) => isSessionLive(record, userId));
  }

  /** Ends the member's live sessions (all, or all but `except`) in one update-many; how many ended. */
  async function revokeConsoleSessions(token: string, userId: string, except: string | null, options: CallOptions = {}): Promise<number> {
    const query = { user_id: userId, revoked_at: null, ...(except && { id: { $ne: except } }) };
    return client.request({
      method: 'PATCH',
      path: '/entities/ConsoleSession/update-many',
      token,
      body: { query, data: { $set: { revoked_at: new Date().toISOString() } } },
      schema: updateManyResultSchema,
      signal: options.signal,
    });
  }

  async function revokeConsoleSession(token: string, userId: string, sessionId: string, options: CallOptions = {}): Promise<void> {
    await client.request({
      method: 'PATCH',
      path: '/entities/ConsoleSession/update-many',
      token,
      body: { query: { id: sessionId, user_id: userId, revoked_at: null }, data: { $set: { revoked_at: new Date().toISOString() } } },
      schema: updateManyResultSchema,
      signal: options.signal,
    });
  }

  /** Base44's `POST /auth/change-password` (the SDK's `auth.changePassword`). */
  async function changePassword(
    token: string,
    input: { userId: string; currentPassword: string; newPassword: string },
    options: CallOptions = {},
  ): Promise<void> {
    try {
      await client.request({
        method: 'POST',
        path: '/auth/change-password',
        token,
        body: { user_id: input.userId, current_password: input.currentPassword, new_password: input.newPassword },
        schema: z.unknown(),
        signal: options.signal,
      });
    } catch (error) {
      // A wrong current password is a 400 (or 403); a 401 still means the token is dead.
      if (error instanceof Base44Error && (error.code === 'bad_request' || error.code === 'forbidden')) {
        throw new Base44Error('bad_request', { message: WRONG_CURRENT_PASSWORD, upstreamStatus: error.upstreamStatus, detail: error.detail });
      }
      throw error;
    }
  }

  return { openConsoleSession, readConsoleSession, listConsoleSessions, revokeConsoleSessions, revokeConsoleSession, changePassword };
}

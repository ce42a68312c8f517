// Notifications: the member's own (newest first), and those the console writes on someone's
// behalf (an admin's decision, a grant). Writing one is best effort after the change it reports:
// the change stands even if the note is lost.
import { z } from 'zod';
import { NOTIFICATION_TYPES, type NotificationType } from '@/lib/domain/enums';
import type { Notification } from '@/lib/domain/types';
import type { CallOptions } from './account';
import type { Base44Client } from './client';
import { EPOCH, flag, lenient, optionalText, optionalTimestamp, wireId } from './wire';

/** Unknown types read as 'system' (a note without special handling). */
const notificationType = lenient((value): NotificationType =>
  typeof value === 'string' && (NOTIFICATION_TYPES as readonly string[]).includes(value) ? (value as NotificationType) : 'system',
);

export const notificationRecordSchema = z
  .looseObject({
    id: wireId,
    user_id: optionalText,
    type: notificationType,
    title: optionalText,
    message: optionalText,
    read: flag,
    track_id: optionalText,
    dj_id: optionalText,
    dj_name: optionalText,
    sender_id: optionalText,
    created_date: optionalTimestamp,
  })
  .transform(
    (r): Notification => ({
      id: r.id,
      userId: r.user_id ?? '',
      type: r.type,
      title: r.title ?? 'Notification',
      message: r.message ?? '',
      read: r.read,
      trackId: r.track_id,
      djId: r.dj_id,
      djName: r.dj_name,
      senderId: r.sender_id,
      createdAt: r.created_date ?? EPOCH,
    }),
  );

export const NOTIFICATIONS_LIMIT = 50;

export function notificationVerbs(client: Base44Client) {
  /** The caller's latest notifications, newest first. */
  async function listMyNotifications(token: string, userId: string, options: CallOptions = {}): Promise<Notification[]> {
    const records = await client.request({
      method: 'GET',
      path: '/entities/Notification',
      query: { q: JSON.stringify({ user_id: userId }), sort: '-created_date', limit: NOTIFICATIONS_LIMIT },
      token,
      schema: z.array(z.unknown()),
      signal: options.signal,
    });
    return records.flatMap((record) => {
      const parsed = notificationRecordSchema.safeParse(record);
      return parsed.success && parsed.data.userId === userId ? [parsed.data] : [];
    });
  }

  return { listMyNotifications };
}

export interface NewNotification {
  userId: string;
  type: NotificationType;
  title: string;
  message: string;
  trackId?: string;
  senderId?: string;
}

export function notificationWriter(client: Base44Client, log: (message: string) => void) {
  /** Creates the notification; false (logged, not thrown) when Base44 refused or failed. */
  return async function notify(token: string, note: NewNotification): Promise<boolean> {
    try {
      await client.request({
        method: 'POST',
        path: '/entities/Notification',
        token,
        body: {
          user_id: note.userId,
          type: note.type,
          title: note.title,
          message: note.message,
          read: false,
          ...(note.trackId ? { track_id: note.trackId } : {}),
          ...(note.senderId ? { sender_id: note.senderId } : {}),
        },
        schema: z.unknown(),
      });
      return true;
    } catch (error) {
      log(`[base44] notification "${note.title}" for user ${note.userId} not created: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  };
}

export type Notify = ReturnType<typeof notificationWriter>;

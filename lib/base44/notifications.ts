// Notifications the console writes on someone's behalf (an admin's decision, a grant). Creating
// one is best effort after the change it reports: the change stands even if the note is lost.
import { z } from 'zod';
import type { NotificationType } from '@/lib/domain/enums';
import type { Base44Client } from './client';

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

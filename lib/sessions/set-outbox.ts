// The outbox kind that delivers a DJ set to POST /api/sessions, and what each answer changes on
// the set's local record. Shared by the page and the service worker.
import type { ConsoleDatabase, OutboxRow } from '@/lib/offline/db';
import type { OutboxKind } from '@/lib/offline/outbox/kind';

/** The route's RecordedDjSet answer, as far as the device needs it. */
interface RecordedAnswer {
  set: { id: string; tracksCount: number };
  skippedTrackIds: string[];
  blackDiamondsAwarded: number;
  alreadyRecorded: boolean;
}

function isRecordedAnswer(body: unknown): body is RecordedAnswer {
  const answer = body as Partial<RecordedAnswer> | null | undefined;
  return (
    typeof answer === 'object' && answer !== null &&
    typeof answer.set?.id === 'string' && answer.set.id !== '' &&
    typeof answer.alreadyRecorded === 'boolean' && Array.isArray(answer.skippedTrackIds)
  );
}

export const djSetOutboxKind: OutboxKind = {
  tables: ['djSets'],
  isApplied: isRecordedAnswer,
  async onDelivered(db: ConsoleDatabase, row: OutboxRow, body: unknown) {
    if (!isRecordedAnswer(body)) return;
    await db.djSets.update(row.subjectId, {
      status: 'synced',
      failure: null,
      result: {
        remoteId: body.set.id,
        tracksCount: body.set.tracksCount,
        blackDiamondsAwarded: body.blackDiamondsAwarded,
        skippedTrackIds: body.skippedTrackIds,
        syncedAt: Date.now(),
      },
    });
  },
  async onRejected(db, row, reason) {
    await db.djSets.update(row.subjectId, { status: 'failed', failure: reason });
  },
  async onDiscarded(db, row) {
    await db.djSets.delete(row.subjectId);
  },
  async onRetried(db, row) {
    await db.djSets.update(row.subjectId, { status: 'pending', failure: null });
  },
};

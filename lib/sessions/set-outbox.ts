// The outbox kind that delivers a DJ set to POST /api/sessions, and what each answer changes on
// the set's local record. Shared by the page and the service worker.
import type { ConsoleDatabase, OutboxRow } from '@/lib/offline/db';
import type { OutboxKind } from '@/lib/offline/outbox/kind';
import { overlapRefusalOf } from './overlap-message';

/** The route's RecordedDjSet answer, as far as the device needs it. */
interface RecordedAnswer {
  set: { id: string; tracksCount: number };
  tracks?: Array<{ credited?: unknown; uncreditedReason?: unknown }>;
  skippedTrackIds: string[];
  blackDiamondsAwarded: number;
  diamondWithheldReason?: unknown;
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
  // "This set overlaps the set you recorded at Fabric on Fri, 20 Nov 2026." (409 overlapping_set)
  describeRefusal: overlapRefusalOf,
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
        uncreditedTracks: (body.tracks ?? []).filter((track) => track.credited === false && track.uncreditedReason !== 'repeat').length,
        repeatedTracks: (body.tracks ?? []).filter((track) => track.credited === false && track.uncreditedReason === 'repeat').length,
        dailyDiamondLimit: body.diamondWithheldReason === 'daily_limit',
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

import { describe, expect, it } from 'vitest';
import { djSetOutboxKind } from '@/lib/sessions/set-outbox';
import { overlappingSetMessage } from '@/lib/sessions/overlap-message';

// The DJ's reason for a set refused as overlapping (issue #16): the venue and the day of the set
// already recorded, never a bare status or code.

describe('overlapping set reason', () => {
  it('names the venue and the day (UTC on the server)', () => {
    expect(overlappingSetMessage({ venue: 'Fabric', startedAt: '2026-11-20T22:00:00.000Z' }, 'UTC')).toMatch(/^This set overlaps the set you recorded at Fabric on Fri,? 20 Nov 2026\.$/);
    expect(overlappingSetMessage({ venue: null, startedAt: null })).toBe('This set overlaps the set you recorded.');
  });

  it('the set outbox tells the route’s 409 in the device’s time zone, and nothing else', () => {
    const body = { error: { code: 'overlapping_set', message: 'x', details: { otherSetId: 'm1', otherSetVenue: 'Tresor', otherSetStartedAt: '2026-11-20T22:00:00.000Z' } } };
    const day = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date('2026-11-20T22:00:00.000Z'));
    expect(djSetOutboxKind.describeRefusal?.(body)).toBe(`This set overlaps the set you recorded at Tresor on ${day}.`);
    expect(djSetOutboxKind.describeRefusal?.({ error: { code: 'invalid_input', message: 'Bad' } })).toBeNull();
    expect(djSetOutboxKind.describeRefusal?.(undefined)).toBeNull();
  });
});

// The DJ's reason when SPYNNERS refuses a set because it overlaps one they already recorded (409
// `overlapping_set`). Pure: the route builds it in UTC, the outbox again in the device's time zone.

const dayFormat = (timeZone?: string) =>
  new Intl.DateTimeFormat(timeZone ? 'en-GB' : undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone });

/** "This set overlaps the set you recorded at Fabric on Fri, 20 Nov 2026." */
export function overlappingSetMessage(other: { venue: string | null; startedAt: string | null }, timeZone?: string): string {
  const time = other.startedAt ? Date.parse(other.startedAt) : Number.NaN;
  const at = other.venue ? ` at ${other.venue}` : '';
  const on = Number.isFinite(time) ? ` on ${dayFormat(timeZone).format(new Date(time))}` : '';
  return `This set overlaps the set you recorded${at}${on}.`;
}

/** The route's `{error: {code: 'overlapping_set', details}}`, told in the device's time zone; else null. */
export function overlapRefusalOf(body: unknown): string | null {
  const error = (body as { error?: { code?: unknown; details?: Record<string, unknown> } } | null | undefined)?.error;
  if (error?.code !== 'overlapping_set') return null;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);
  return overlappingSetMessage({ venue: text(error.details?.otherSetVenue), startedAt: text(error.details?.otherSetStartedAt) });
}

// Times and places as the sessions screen shows them. Dates and times are written by hand
// (lib/format/dates.ts): a page's first Intl.DateTimeFormat loads the locale's data in one task
// (29 ms unthrottled for the list of earlier sets on /sessions, a long task at 4x CPU).
export { formatClockTime as formatTime, formatWeekdayDate as formatDay } from '@/lib/format/dates';

export function formatPlace(place: { venue: string | null; city: string | null; country: string | null }): string {
  return [place.venue, place.city, place.country].filter((part) => part && part.trim()).join(', ');
}

export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}

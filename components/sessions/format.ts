// Times and places as the sessions screen shows them. The formatters are made on first use, not
// when the module loads: a DateTimeFormat loads locale data (a long task's worth at 4x CPU) and the
// module loads with the page, before anything is shown.
let time: Intl.DateTimeFormat | null = null;
let day: Intl.DateTimeFormat | null = null;

export const formatTime = (at: number | string) => (time ??= new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })).format(new Date(at));
export const formatDay = (at: number | string) =>
  (day ??= new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })).format(new Date(at));

export function formatPlace(place: { venue: string | null; city: string | null; country: string | null }): string {
  return [place.venue, place.city, place.country].filter((part) => part && part.trim()).join(', ');
}

export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}

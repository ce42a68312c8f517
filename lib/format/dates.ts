// One formatter per style, made on first use: `toLocaleString(locale, options)` builds a new
// Intl.DateTimeFormat on every call (tens of ms each on a throttled CPU: a table of dates was a
// long task of its own on the admin review desk).
let dateTimeFormat: Intl.DateTimeFormat | null = null;
let dateFormat: Intl.DateTimeFormat | null = null;

/** "5 Sept 2025, 22:20" in the viewer's time zone (render on the client only). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  dateTimeFormat ??= new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return dateTimeFormat.format(date);
}

/** "5 Sept 2025" in the viewer's time zone. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  dateFormat ??= new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });
  return dateFormat.format(date);
}

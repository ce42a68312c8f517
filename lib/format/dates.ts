// Written out by hand, not with Intl: the first Intl.DateTimeFormat of a page loads the locale's
// data (≈0.16 s in one task at 4x CPU: the admin review desk's table of dates was a long task of its
// own), and `toLocaleString(locale, options)` builds another formatter on every call. The output is
// en-GB's medium style as Chromium and Node print it, in the viewer's time zone.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'] as const;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

const two = (n: number) => String(n).padStart(2, '0');

function parse(at: string | number): Date | null {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? null : date;
}

const day = (date: Date) => `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;

/** "5 Sept 2025, 22:20" in the viewer's time zone (render on the client only). */
export function formatDateTime(iso: string): string {
  const date = parse(iso);
  return date ? `${day(date)}, ${two(date.getHours())}:${two(date.getMinutes())}` : '';
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "5 Sept 2025" in the viewer's time zone; a date without a time ("2025-09-05", a release date) is
 * that day wherever it is read (the server renders what the browser does).
 */
export function formatDate(iso: string): string {
  const dateOnly = DATE_ONLY.exec(iso);
  if (dateOnly) {
    const [, year, month, dayOfMonth] = dateOnly;
    const monthIndex = Number(month) - 1;
    return MONTHS[monthIndex] && Number(dayOfMonth) >= 1 && Number(dayOfMonth) <= 31 ? `${Number(dayOfMonth)} ${MONTHS[monthIndex]} ${year}` : '';
  }
  const date = parse(iso);
  return date ? day(date) : '';
}

/** "Fri, 5 Sept 2025" in the viewer's time zone (render on the client only). */
export function formatWeekdayDate(at: string | number): string {
  const date = parse(at);
  return date ? `${WEEKDAYS[date.getDay()]}, ${day(date)}` : '';
}

/** "22:20" in the viewer's time zone (render on the client only). */
export function formatClockTime(at: string | number): string {
  const date = parse(at);
  return date ? `${two(date.getHours())}:${two(date.getMinutes())}` : '';
}

// By hand, not with Intl: a page's first `toLocaleString` loads the locale's number data in one task
// (the library's "N tracks" line did it on every start).

/** "12,345": digits grouped by threes with commas, as `toLocaleString('en')` prints whole numbers. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const whole = Math.trunc(n);
  const sign = whole < 0 ? '-' : '';
  return sign + String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

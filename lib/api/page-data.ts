import 'server-only';
import { headers } from 'next/headers';
import { readPageAuthContext, type AuthContext } from '@/lib/auth/session';

/** Longest a page waits for its first screen's data before it renders without (the client fetches it). */
export const PAGE_DATA_TIMEOUT_MS = 1500;

/**
 * The first screen's data, read on the server for a page loaded as a document, so that the HTML
 * carries it (its largest image is discovered by the parser, not after the scripts ran and the
 * client fetched). Undefined, and the page renders as before, for in-app navigations and prefetches
 * (the client's cache has or fetches the data: the navigation must not wait for Base44), without a
 * live session, on any failure and past the timeout. A browser that does not send Sec-Fetch-Dest
 * gets the client path too.
 */
export async function loadForDocument<T>(
  load: (auth: AuthContext, signal: AbortSignal) => Promise<T>,
  timeoutMs = PAGE_DATA_TIMEOUT_MS,
): Promise<T | undefined> {
  if ((await headers()).get('sec-fetch-dest') !== 'document') return undefined;
  const auth = await readPageAuthContext();
  if (!auth) return undefined;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    return await load(auth, signal);
  } catch {
    return undefined;
  }
}

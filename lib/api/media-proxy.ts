import 'server-only';
import { fetchMedia, getTrackMediaSource } from '@/lib/base44';
import type { AuthContext } from '@/lib/auth/session';
import { ApiError } from './errors';

/**
 * Streams a track's audio or artwork from Base44 through our origin, so the browser and the
 * service worker only ever see same-origin URLs and never the token.
 */
export async function proxyTrackMedia(
  auth: AuthContext,
  trackId: string,
  kind: 'audio' | 'artwork',
  req: Request,
): Promise<Response> {
  const source = await getTrackMediaSource(auth.base44Token, trackId, kind, { signal: req.signal });
  if (!source) throw new ApiError('not_found', kind === 'audio' ? 'This track has no audio' : 'This track has no artwork');
  const upstream = await fetchMedia(source, { range: req.headers.get('range') ?? undefined, signal: req.signal });
  if (upstream.status === 416) return rangeNotSatisfiable(upstream);
  const headers = new Headers(upstream.headers);
  headers.set('Cache-Control', 'private, max-age=3600');
  headers.set('Vary', 'Range');
  return new Response(upstream.body, { status: upstream.status, headers });
}

function rangeNotSatisfiable(upstream: Response): Response {
  const error = new ApiError('range_not_satisfiable', 'The requested range is outside the file');
  const headers = new Headers({ 'content-type': 'application/json' });
  const contentRange = upstream.headers.get('content-range');
  if (contentRange) headers.set('content-range', contentRange);
  return new Response(JSON.stringify(error.toBody()), { status: 416, headers });
}

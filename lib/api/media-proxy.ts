import 'server-only';
import { fetchMedia, getTrackMedia, hasUnlockedTrack } from '@/lib/base44';
import type { AuthContext } from '@/lib/auth/session';
import { mayPlayInFull } from '@/lib/domain/vip-access';
import { artworkVariant } from './artwork-variant';
import { ApiError } from './errors';

/**
 * Streams a track's audio or artwork from Base44 through our origin, so the browser and the
 * service worker only ever see same-origin URLs and never the token. A locked VIP track's audio
 * is refused whole and in part (any Range): its preview is a separate clip (lib/api/vip-preview.ts).
 */
export async function proxyTrackMedia(
  auth: AuthContext,
  trackId: string,
  kind: 'audio' | 'artwork',
  req: Request,
  /** Artwork only: a square variant of this many pixels (lib/api/artwork-variant.ts). */
  variantSize?: number,
): Promise<Response> {
  const { track, source } = await getTrackMedia(auth.base44Token, trackId, kind, { signal: req.signal });
  if (!source) throw new ApiError('not_found', kind === 'audio' ? 'This track has no audio' : 'This track has no artwork');
  if (kind === 'audio' && track.isVip) {
    const unlocked = await hasUnlockedTrack(auth.base44Token, auth.userId, track.id, { signal: req.signal });
    if (!mayPlayInFull(track, auth, unlocked)) {
      throw new ApiError('vip_locked', 'Unlock this VIP track to play it in full or keep it offline; its preview plays without unlocking.');
    }
  }
  if (kind === 'artwork' && variantSize) return relay(await artworkVariant(source, variantSize, () => fetchMedia(source, { signal: req.signal })));
  // A VIP track's full audio is this member's (unlocked, or their own): not kept in the HTTP cache
  // where the next member on a shared device would play it. Downloads keep it in Cache Storage.
  const cacheControl = kind === 'audio' && track.isVip ? 'private, no-store' : SAME_FOR_EVERY_MEMBER;
  return relay(await fetchMedia(source, { range: req.headers.get('range') ?? undefined, signal: req.signal }), cacheControl);
}

/** Covers and non-VIP audio: the same bytes for every member, kept an hour by the browser. */
const SAME_FOR_EVERY_MEMBER = 'private, max-age=3600';

function relay(upstream: Response, cacheControl = SAME_FOR_EVERY_MEMBER): Response {
  if (upstream.status === 416) return rangeNotSatisfiable(upstream.headers.get('content-range'));
  const headers = new Headers(upstream.headers);
  headers.set('Cache-Control', cacheControl);
  headers.set('Vary', 'Range');
  return new Response(upstream.body, { status: upstream.status, headers });
}

export function rangeNotSatisfiable(contentRange: string | null): Response {
  const error = new ApiError('range_not_satisfiable', 'The requested range is outside the file');
  const headers = new Headers({ 'content-type': 'application/json', 'cache-control': 'private, no-store' });
  if (contentRange) headers.set('content-range', contentRange);
  return new Response(JSON.stringify(error.toBody()), { status: 416, headers });
}

import 'server-only';
import { fetchMedia, getTrackMedia } from '@/lib/base44';
import type { AuthContext } from '@/lib/auth/session';
import type { Track } from '@/lib/domain/types';
import { cutFrames, HEAD_BYTES, mp3Layout, previewByteWindow } from '@/lib/media/mp3-clip';
import { decideRange } from '@/lib/sw/range-response';
import { ApiError } from './errors';
import { rangeNotSatisfiable } from './media-proxy';

/**
 * A VIP track's preview as its own MP3 (why a clip rather than a window of the full file:
 * lib/base44/README.md, "VIP previews"). Open to every member who can see the track: it holds only
 * the preview window's frames. Range requests are answered against the clip.
 */
export async function servePreviewClip(auth: AuthContext, trackId: string, req: Request): Promise<Response> {
  const { track, source } = await getTrackMedia(auth.base44Token, trackId, 'audio', { signal: req.signal });
  if (!track.isVip || !track.vipPreview || !source) throw new ApiError('not_found', 'This track has no VIP preview');
  const clip = await previewClip(track, source, req.signal);
  const decision = decideRange(req.headers.get('range'), clip.length);
  if (decision.kind === 'unsatisfiable') return rangeNotSatisfiable(`bytes */${clip.length}`);
  const headers = new Headers({
    'content-type': 'audio/mpeg',
    'accept-ranges': 'bytes',
    'cache-control': 'private, max-age=3600',
    vary: 'Range',
  });
  if (decision.kind === 'whole') {
    headers.set('content-length', String(clip.length));
    return new Response(clip, { status: 200, headers });
  }
  const { start, end } = decision.range;
  headers.set('content-range', `bytes ${start}-${end}/${clip.length}`);
  headers.set('content-length', String(end - start + 1));
  return new Response(clip.slice(start, end + 1), { status: 206, headers });
}

// A player asks for a clip several times (metadata, then ranges): keep the last few built.
const CLIP_CACHE_SIZE = 16;
const CLIP_TTL_MS = 10 * 60_000;
const clips = new Map<string, { bytes: Uint8Array<ArrayBuffer>; expires: number }>();

async function previewClip(track: Track, source: string, signal: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
  const { startSeconds, endSeconds } = track.vipPreview!;
  const key = `${source}\u0000${startSeconds}\u0000${endSeconds}\u0000${track.durationSeconds}`;
  const hit = clips.get(key);
  if (hit && hit.expires > Date.now()) return hit.bytes;
  const bytes = await buildClip(track, source, signal);
  clips.delete(key);
  clips.set(key, { bytes, expires: Date.now() + CLIP_TTL_MS });
  while (clips.size > CLIP_CACHE_SIZE) clips.delete(clips.keys().next().value!);
  return bytes;
}

async function buildClip(track: Track, source: string, signal: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
  const noPreview = () => new ApiError('not_found', 'This track has no playable preview');
  const head = await fetchBytes(source, 0, HEAD_BYTES - 1, signal);
  const layout = mp3Layout(head.bytes, head.size, track.durationSeconds);
  if (!layout) throw noPreview();
  const window = previewByteWindow(layout, track.vipPreview!.startSeconds, track.vipPreview!.endSeconds);
  if (!window) throw noPreview();
  const part = await fetchBytes(source, window.first, window.last, signal);
  const clip = cutFrames(part.bytes, window.end - window.first);
  if (!clip) throw noPreview();
  return clip;
}

/** Bytes `first..last` of the upstream file and its size (an upstream that ignores Range is sliced here). */
async function fetchBytes(source: string, first: number, last: number, signal: AbortSignal) {
  const upstream = await fetchMedia(source, { range: `bytes=${first}-${last}`, signal });
  if (upstream.status === 416) throw new ApiError('not_found', 'This track has no playable preview');
  const bytes = new Uint8Array(await upstream.arrayBuffer());
  if (upstream.status === 200) return { bytes: bytes.slice(first, last + 1), size: bytes.length };
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(upstream.headers.get('content-range') ?? '');
  if (!range || Number(range[1]) !== first) throw new ApiError('upstream_unavailable', 'The audio server answered an unexpected range');
  return { bytes, size: Number(range[3]) };
}

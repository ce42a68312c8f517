import 'server-only';
import { fetchMedia, getUserAvatarSource } from '@/lib/base44';
import type { AuthContext } from '@/lib/auth/session';
import { ApiError } from './errors';

const PASSED_HEADERS = ['content-type', 'content-length', 'etag', 'last-modified'];

/**
 * Streams a member's avatar from the Base44 backend's own origin through ours (the only avatars
 * lib/base44 hands a source for). Images only, and served so that a file opened on its own cannot
 * run script on our origin (an SVG is a document too).
 */
export async function proxyUserAvatar(auth: AuthContext, userId: string, req: Request): Promise<Response> {
  const source = await getUserAvatarSource(auth.base44Token, userId, { signal: req.signal });
  if (!source) throw new ApiError('not_found', 'This member has no avatar here');
  const upstream = await fetchMedia(source, { signal: req.signal });
  const type = upstream.headers.get('content-type') ?? '';
  if (upstream.status !== 200 || !/^image\/[a-z0-9.+-]+$/i.test(type.split(';')[0]!.trim())) {
    upstream.body?.cancel().catch(() => undefined);
    throw new ApiError('not_found', 'This member has no avatar here');
  }
  const headers = new Headers();
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  headers.set('Cache-Control', 'private, max-age=3600');
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  return new Response(upstream.body, { status: 200, headers });
}

import type { TrackListParams } from '../../../lib/base44/track-filter';

/**
 * The two upstream reads behind a console `GET /api/tracks` (the page and its count), as URLs
 * below `{backend}/api/apps/{appId}/entities/Track`: the proxy benchmark's direct client and its
 * plain forwarder send exactly these, so both references do the console's upstream work.
 */
export function trackReadUrls(trackEntityUrl: string, { q, sort, limit, skip }: TrackListParams): { list: string; count: string } {
  return {
    list: `${trackEntityUrl}?${new URLSearchParams({ q, sort, limit: String(limit), skip: String(skip) })}`,
    count: `${trackEntityUrl}/count?${new URLSearchParams({ q })}`,
  };
}

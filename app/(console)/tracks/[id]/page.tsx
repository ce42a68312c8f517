import type { Metadata } from 'next';
import { TrackDetail } from '@/components/tracks/track-detail';
import { loadForDocument } from '@/lib/api/page-data';
import { idParamsSchema } from '@/lib/api/params';
import { getTrack } from '@/lib/base44';

export const metadata: Metadata = { title: 'Track' };

export default async function TrackPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Opened as a document (a shared link, a reload): the track comes with the HTML.
  const valid = idParamsSchema.safeParse({ id }).success;
  const track = valid ? await loadForDocument((auth, signal) => getTrack(auth.base44Token, id, { signal })) : undefined;
  return <TrackDetail id={id} serverTrack={track ? { track, updatedAt: Date.now() } : undefined} />;
}

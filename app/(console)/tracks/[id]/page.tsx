import type { Metadata } from 'next';
import { TrackDetail } from '@/components/tracks/track-detail';

export const metadata: Metadata = { title: 'Track' };

export default async function TrackPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <TrackDetail id={id} />;
}

import type { Metadata } from 'next';
import { TrackStatsView } from '@/components/stats/track-stats-view';

export const metadata: Metadata = { title: 'Track statistics' };

export default async function TrackStatsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <TrackStatsView trackId={id} />;
}

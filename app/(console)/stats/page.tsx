import type { Metadata } from 'next';
import { ProducerStatsView } from '@/components/stats/producer-stats-view';
import { recordIdSchema } from '@/lib/api/params';

export const metadata: Metadata = { title: 'Statistics' };

/** The caller's statistics; admins pass `?producerId=` (the API refuses anyone else that). */
export default async function StatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { producerId } = await searchParams;
  const id = recordIdSchema.safeParse(producerId);
  return <ProducerStatsView producerId={id.success ? id.data : null} />;
}

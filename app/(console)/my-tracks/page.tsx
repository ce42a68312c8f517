import type { Metadata } from 'next';
import { MyTracksView } from '@/components/my-tracks/my-tracks-view';
import { ProducersOnly } from '@/components/my-tracks/producers-only';
import { requireSessionUser } from '@/lib/auth/session';
import { serverEnv } from '@/lib/config/env';
import { canPublishTracks } from '@/lib/domain/capabilities';

export const metadata: Metadata = { title: 'My tracks' };

export default async function MyTracksPage() {
  const user = await requireSessionUser('/my-tracks');
  if (!canPublishTracks(user)) return <ProducersOnly />;
  return <MyTracksView limitBytes={serverEnv().uploadLimitBytes} />;
}

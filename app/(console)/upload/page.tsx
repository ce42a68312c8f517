import type { Metadata } from 'next';
import { UploadView } from '@/components/uploads/upload-view';
import { ProducersOnly } from '@/components/my-tracks/producers-only';
import { requireSessionUser } from '@/lib/auth/session';
import { serverEnv } from '@/lib/config/env';
import { canPublishTracks } from '@/lib/domain/capabilities';

export const metadata: Metadata = { title: 'Upload tracks' };

export default async function UploadPage() {
  const user = await requireSessionUser('/upload');
  if (!canPublishTracks(user)) return <ProducersOnly />;
  return <UploadView limitBytes={serverEnv().uploadLimitBytes} />;
}

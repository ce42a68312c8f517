import type { Metadata } from 'next';
import { VipView } from '@/components/vip/vip-view';
import { loadForDocument } from '@/lib/api/page-data';
import { getVipOverview } from '@/lib/base44';

export const metadata: Metadata = { title: 'VIP' };

export default async function VipPage() {
  // Opened as a document (a reload, a link): the VIP list comes with the HTML, covers included.
  const overview = await loadForDocument((auth, signal) => getVipOverview(auth.base44Token, auth.userId, { signal }));
  return <VipView serverOverview={overview ? { data: overview, updatedAt: Date.now() } : undefined} />;
}

import type { Metadata } from 'next';
import { VipView } from '@/components/vip/vip-view';

export const metadata: Metadata = { title: 'VIP' };

export default function VipPage() {
  return <VipView />;
}

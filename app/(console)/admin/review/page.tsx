import type { Metadata } from 'next';
import { AdminPage } from '@/components/admin/admin-page';
import { ReviewDesk } from '@/components/admin/review-desk';

export const metadata: Metadata = { title: 'Review queue' };

export default function ReviewPage() {
  return <AdminPage title="Review" path="/admin/review">{(canAct) => <ReviewDesk canAct={canAct} />}</AdminPage>;
}

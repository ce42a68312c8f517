import type { Metadata } from 'next';
import { SessionsView } from '@/components/sessions/sessions-view';
import { requireSessionUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sets' };

export default async function SessionsPage() {
  const user = await requireSessionUser('/sessions');
  return <SessionsView userId={user.id} />;
}

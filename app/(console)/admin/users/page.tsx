import type { Metadata } from 'next';
import { AdminPage } from '@/components/admin/admin-page';
import { UsersView } from '@/components/admin/users-view';

export const metadata: Metadata = { title: 'Members' };

export default function UsersPage() {
  return <AdminPage title="Members" path="/admin/users">{(canAct) => <UsersView canAct={canAct} />}</AdminPage>;
}

'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useDeferredValue, useState } from 'react';
import type { AdminUser } from '@/lib/domain/admin';
import { ROLES, USER_TYPE_LABELS, type Role } from '@/lib/domain/enums';
import { userListOptions } from '@/lib/query/admin';
import { formatDate } from '@/lib/format/dates';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { GrantForm, memberName, type GrantOutcome } from './grant-form';
import styles from './admin.module.css';

const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', admin_readonly: 'Admin (read-only)', user: 'Member' };
const makesTracks = (user: AdminUser) => ['producer', 'dj_producer', 'label'].includes(user.userType);

/** Members with search, a role filter and their balances; admins grant Black Diamonds from here. */
export function UsersView({ canAct }: { canAct: boolean }) {
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [page, setPage] = useState(1);
  const deferredSearch = useDeferredValue(search.trim());
  const users = useQuery(userListOptions({ search: deferredSearch || undefined, role: role || undefined, page }));
  const [outcome, setOutcome] = useState<GrantOutcome | null>(null);

  return (
    <div className={styles.page} data-app-ready={users.isPending ? undefined : 'true'}>
      <div className={styles.filters}>
        <label className="field">
          <span>Search name or email</span>
          <input className="input" type="search" value={search} onChange={(e) => { setSearch(e.target.value); setPage(1); }} data-testid="user-search" />
        </label>
        <label className="field">
          <span>Role</span>
          <select className="select" value={role} onChange={(e) => { setRole(e.target.value as Role | ''); setPage(1); }} data-testid="user-role">
            <option value="">Every role</option>
            {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
          </select>
        </label>
      </div>
      {users.isPending ? (
        <LoadingState>Loading members…</LoadingState>
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <>
          <div className={styles.tableHead}>
            <p className="muted">{users.data.total} member{users.data.total === 1 ? '' : 's'}</p>
            {/* One status line for every row's grant: a message inside a row would make it taller. */}
            <p
              id="grant-status" role="status" aria-live="polite" className={outcome?.kind === 'error' ? 'field-error' : styles.granted}
              data-testid={outcome ? (outcome.kind === 'error' ? 'form-error' : 'grant-result') : undefined}
            >
              {outcome?.text}
            </p>
          </div>
          <div className={styles.tableWrap}>
            <table className={styles.table} aria-label="Members">
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">Role</th>
                  <th scope="col" className={styles.wide}>Type</th>
                  <th scope="col" className={styles.num}>Black Diamonds</th>
                  <th scope="col" className={styles.wide}>Joined</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((user) => (
                  <tr key={user.id} data-testid="user-row" data-user-id={user.id}>
                    <td>
                      <div className={styles.member} title={`${memberName(user)} · ${user.email}`}>
                        <span className={styles.memberName}>
                          {memberName(user)}
                          {user.artistName && user.fullName && user.artistName !== user.fullName ? <small className="muted"> ({user.fullName})</small> : null}
                        </span>
                        <small className="muted" data-testid="user-email">{user.email}</small>
                      </div>
                    </td>
                    <td>{ROLE_LABELS[user.role]}</td>
                    <td className={styles.wide}>{USER_TYPE_LABELS[user.userType]}</td>
                    <td className={styles.num} data-testid="user-diamonds">{user.blackDiamonds}</td>
                    <td className={styles.wide}>{formatDate(user.createdAt)}</td>
                    <td>
                      <div className={styles.grant}>
                        <GrantForm user={user} canAct={canAct} onOutcome={setOutcome} />
                        {makesTracks(user) && <Link href={`/stats?producerId=${encodeURIComponent(user.id)}`}>Stats</Link>}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className={styles.pager}>
            <button type="button" className="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>Previous</button>
            <span className="muted">Page {page} of {Math.max(1, Math.ceil(users.data.total / users.data.pageSize))}</span>
            <button type="button" className="button" disabled={page * users.data.pageSize >= users.data.total} onClick={() => setPage((p) => p + 1)}>Next</button>
          </div>
        </>
      )}
    </div>
  );
}

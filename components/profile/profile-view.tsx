'use client';
import { useQuery } from '@tanstack/react-query';
import { meOptions } from '@/lib/query/profile';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { DiamondIcon } from '@/components/vip/diamond-icon';
import { AvatarEditor } from './avatar-editor';
import { PasswordForm } from './password-form';
import { ProfileForm } from './profile-form';
import { SignedInDevices } from './signed-in-devices';
import styles from './profile.module.css';

export function ProfileView() {
  const me = useQuery(meOptions());
  if (me.isPending) return <LoadingState>Loading your profile…</LoadingState>;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  const user = me.data;
  return (
    <section className={styles.page} aria-labelledby="profile-title" data-app-ready="true">
      <div className={styles.heading}>
        <div>
          <h1 id="profile-title">Your profile</h1>
          <p className="muted">{user.email}</p>
        </div>
        <p className={styles.balance} data-testid="diamond-balance">
          <DiamondIcon className={styles.diamond} />
          <strong>{user.blackDiamonds}</strong> Black Diamond{user.blackDiamonds === 1 ? '' : 's'}
        </p>
      </div>
      <AvatarEditor user={user} />
      <ProfileForm key={user.id} user={user} />
      <PasswordForm />
      <SignedInDevices />
    </section>
  );
}


'use client';
import { useQuery } from '@tanstack/react-query';
import { USER_TYPE_LABELS } from '@/lib/domain/enums';
import { publicProfileOptions } from '@/lib/query/profile';
import styles from './track-detail.module.css';

/** The producer's public profile, inline on the track (`GET /api/users/:id`). */
export function ProducerCard({ producerId, fallbackName }: { producerId: string; fallbackName: string }) {
  const profile = useQuery(publicProfileOptions(producerId));
  if (profile.isPending) {
    // The card's own box while the profile loads: what is below it does not move when it arrives.
    return (
      <section className={styles.producer} aria-busy="true">
        <span className={styles.avatar} aria-hidden />
        <p className="muted">Loading the producer…</p>
      </section>
    );
  }
  if (profile.isError) return <p className="muted">Producer: {fallbackName} (profile unavailable: {profile.error.message})</p>;
  const p = profile.data;
  const name = p.artistName || p.fullName;
  const links = [
    ['Instagram', p.links?.instagramUrl],
    ['SoundCloud', p.links?.soundcloudUrl],
    ['Beatport', p.links?.beatportUrl],
  ].filter((l): l is [string, string] => Boolean(l[1]));
  return (
    <section className={styles.producer} aria-labelledby="producer-title" data-testid="producer-card">
      {p.avatarUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- external avatar URL chosen by the member
        <img src={p.avatarUrl} alt="" width={64} height={64} className={styles.avatar} referrerPolicy="no-referrer" />
      ) : (
        <span className={styles.avatar} aria-hidden>{name.slice(0, 1).toUpperCase()}</span>
      )}
      <div>
        <h2 id="producer-title" className={styles.producerName}>{name}</h2>
        <p className="muted">{USER_TYPE_LABELS[p.userType] ?? 'Member'}{p.artistName && p.fullName !== p.artistName ? ` · ${p.fullName}` : ''}</p>
        {p.bio && <p className={styles.bio}>{p.bio}</p>}
        {links.length > 0 && (
          <p className={styles.links}>
            {links.map(([label, url]) => (
              <a key={label} href={url} target="_blank" rel="noreferrer noopener">{label}</a>
            ))}
          </p>
        )}
      </div>
    </section>
  );
}

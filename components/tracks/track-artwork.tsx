import { artworkVariantUrl } from '@/lib/domain/artwork';
import styles from './track-artwork.module.css';

export function TrackArtwork({ url, title, size }: { url: string | null; title: string; size: number }) {
  const initials = title.split(/\s+/).slice(0, 2).map((w) => w[0]?.toUpperCase() ?? '').join('');
  return url ? (
    // A thumbnail at twice its CSS size (high-density screens), not the whole cover.
    // eslint-disable-next-line @next/next/no-img-element -- same-origin proxied artwork; next/image's optimiser would refetch it without the session
    <img className={styles.artwork} src={artworkVariantUrl(url, size * 2)} alt="" width={size} height={size} loading="lazy" decoding="async" />
  ) : (
    <span className={styles.placeholder} style={{ width: size, height: size }} aria-hidden>
      {initials}
    </span>
  );
}

import { artworkVariantUrl } from '@/lib/domain/artwork';
import styles from './track-artwork.module.css';

/** `priority`: a cover in the first screen (often its largest paint): fetched at once, first. */
export function TrackArtwork({ url, title, size, priority = false }: { url: string | null; title: string; size: number; priority?: boolean }) {
  const initials = title.split(/\s+/).slice(0, 2).map((w) => w[0]?.toUpperCase() ?? '').join('');
  return url ? (
    // A thumbnail at twice its CSS size (high-density screens), not the whole cover.
    // eslint-disable-next-line @next/next/no-img-element -- same-origin proxied artwork; next/image's optimiser would refetch it without the session
    <img className={styles.artwork} src={artworkVariantUrl(url, size * 2)} alt="" width={size} height={size} loading={priority ? 'eager' : 'lazy'} fetchPriority={priority ? 'high' : undefined} decoding="async" />
  ) : (
    <span className={styles.placeholder} style={{ width: size, height: size }} aria-hidden>
      {initials}
    </span>
  );
}

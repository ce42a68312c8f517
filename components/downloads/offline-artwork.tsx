'use client';
import { useEffect, useState } from 'react';
import { artworkCacheKey, OFFLINE_ARTWORK_CACHE_NAME } from '@/lib/offline/downloads/artwork-cache';
import { TrackArtwork } from '@/components/tracks/track-artwork';
import styles from './downloads.module.css';

/**
 * A downloaded track's cover, read straight from `spynners-offline-artwork-v1` (no request at all,
 * online or not); the initials placeholder when there is none.
 */
export function OfflineArtwork({ trackId, title }: { trackId: string; title: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    let live = true;
    void (async () => {
      try {
        const cached = await (await caches.open(OFFLINE_ARTWORK_CACHE_NAME)).match(artworkCacheKey(trackId));
        if (!cached || !live) return;
        objectUrl = URL.createObjectURL(await cached.blob());
        if (live) setUrl(objectUrl);
        else URL.revokeObjectURL(objectUrl);
      } catch {
        // no cover: the placeholder stays
      }
    })();
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [trackId]);
  if (!url) return <TrackArtwork url={null} title={title} size={56} />;
  // eslint-disable-next-line @next/next/no-img-element -- a blob: URL of our own cache
  return <img className={styles.art} src={url} alt="" width={56} height={56} />;
}

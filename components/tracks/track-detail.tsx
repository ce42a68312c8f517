'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { ENERGY_LABELS } from '@/lib/domain/enums';
import type { Track } from '@/lib/domain/types';
import { findCachedTrack, trackDetailOptions, type CachedTrack } from '@/lib/query/tracks';
import { useHydrated } from '@/lib/perf/use-hydrated';
import { vipOptions } from '@/lib/query/vip';
import { isLockedVip } from '@/lib/query/vip-unlock';
import { useBindDownloadsToMember, useIsOffline } from '@/lib/offline/downloads/use-downloads';
import { DownloadButton } from '@/components/downloads/download-button';
import { OfflineBadge } from '@/components/downloads/offline-badge';
import { UnlockButton } from '@/components/vip/unlock-button';
import { DiamondIcon } from '@/components/vip/diamond-icon';
import { formatDuration } from '@/lib/format/duration';
import { formatIsrc } from '@/lib/format/isrc';
import { formatDate } from '@/lib/format/dates';
import { useState } from 'react';
import { AddToPlaylist } from '@/components/playlists/add-to-playlist';
import { LoadingState } from '@/components/ui/states';
import { ProducerCard } from './producer-card';
import { TrackArtwork } from './track-artwork';
import { TrackAudio } from './track-audio';
import { TrackRating } from './track-rating';
import styles from './track-detail.module.css';

function facts(track: Track): Array<[string, string]> {
  const rows: Array<[string, string | null]> = [
    ['Genre', track.genre],
    ['BPM', track.bpm ? String(track.bpm) : null],
    ['Key', track.key],
    ['Energy', track.energy ? ENERGY_LABELS[track.energy] : null],
    ['Mood', track.mood],
    ['Length', track.durationSeconds ? formatDuration(track.durationSeconds) : null],
    ['Label', track.labelName],
    ['Release', track.releaseDate ? formatDate(track.releaseDate) || null : null],
    ['ISRC', track.isrc && formatIsrc(track.isrc)],
    ['Downloads', String(track.downloadCount)],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== null);
}

/** `serverTrack`: the track read by the page on the server (a document load), in the HTML at once. */
export function TrackDetail({ id, serverTrack }: { id: string; serverTrack?: CachedTrack }) {
  const queryClient = useQueryClient();
  // Paint at once from the catalogue or a list page when the track is there (refetched if stale).
  const [seed] = useState(() => findCachedTrack(queryClient, id) ?? serverTrack);
  const hydrated = useHydrated();
  const query = useQuery(trackDetailOptions(id, seed));
  useBindDownloadsToMember();
  // Only VIP tracks need the member's unlocks; until they are known, a VIP track counts as locked.
  const vip = useQuery({ ...vipOptions(), enabled: query.data?.isVip === true });
  // A track this member downloaded was unlocked when it was (the manager refuses locked ones):
  // offline, with the query cache gone, it still plays in full.
  const downloaded = useIsOffline(id);
  if (query.isPending) {
    // The page's frame with the hero's room kept (the server renders this): the track fills it in.
    return (
      <article className={styles.detail} aria-busy="true">
        <Link href="/library" className={styles.back}>← Library</Link>
        <div className={styles.hero}>
          <span className={styles.artworkSlot} aria-hidden />
          <div className={styles.heading}>
            <LoadingState>Loading track…</LoadingState>
          </div>
        </div>
      </article>
    );
  }
  if (query.isError) {
    return (
      <div role="alert" className="alert alert-error" data-app-ready="true">
        {query.error.message} <Link href="/library">Back to the library</Link>
      </div>
    );
  }
  const track = query.data;
  const locked = isLockedVip(track, vip.data) && !downloaded;
  return (
    <article className={styles.detail} data-app-ready={hydrated ? 'true' : undefined}>
      <Link href="/library" className={styles.back}>← Library</Link>
      <div className={styles.hero}>
        <TrackArtwork url={track.artworkUrl} title={track.title} size={240} priority />
        <div className={styles.heading}>
          <h1>{track.title}</h1>
          <p className={styles.artist}>{track.artist}</p>
          {track.collaborators && <p className="muted">with {track.collaborators}</p>}
          <p className={styles.chips}>
            <span className="chip">{track.genre}</span>
            {track.isVip && <span className="chip chip-vip">VIP</span>}
            {track.isUnreleased && <span className="chip">Unreleased</span>}
            {track.isVip && !locked && <span className="chip" data-testid="vip-unlocked">Unlocked</span>}
            <OfflineBadge trackId={track.id} />
          </p>
          {track.audioUrl && <TrackAudio key={locked ? 'locked' : 'open'} track={track} locked={locked} />}
          <div className={styles.actions}>
            {track.isVip && locked && vip.data && (
              <span className={styles.unlock}>
                <UnlockButton track={track} balance={vip.data.blackDiamonds} />
                <span className="muted" data-testid="diamond-balance">
                  <DiamondIcon className={styles.diamond} /> {vip.data.blackDiamonds} Black Diamond{vip.data.blackDiamonds === 1 ? '' : 's'}
                </span>
              </span>
            )}
            <AddToPlaylist trackId={track.id} />
            <DownloadButton track={track} />
          </div>
        </div>
      </div>
      {track.description && <p className={styles.description}>{track.description}</p>}
      <div className={styles.columns}>
        <TrackRating track={track} />
        {track.producerId ? (
          <ProducerCard producerId={track.producerId} fallbackName={track.artist} />
        ) : (
          <section className={styles.panel}>
            <h2>Producer</h2>
            <p>{track.artist}</p>
          </section>
        )}
      </div>
      <dl className={styles.facts}>
        {facts(track).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}

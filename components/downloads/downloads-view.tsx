'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRef, useState } from 'react';
import { formatBytes } from '@/lib/offline/downloads/errors';
import type { OfflineTrack } from '@/lib/offline/downloads/types';
import { useBindDownloadsToMember, useDownloadManager, useDownloads } from '@/lib/offline/downloads/use-downloads';
import { meOptions } from '@/lib/query/profile';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState, LoadingState } from '@/components/ui/states';
import { TaskProgress } from './download-button';
import { OfflineArtwork } from './offline-artwork';
import styles from './downloads.module.css';

/**
 * What this device keeps offline for the member: the tracks (playable with no network: the
 * worker answers their audio from Cache Storage), downloads in progress, storage used and
 * whether the browser may evict it.
 */
export function DownloadsView() {
  useBindDownloadsToMember();
  const me = useQuery(meOptions());
  const manager = useDownloadManager();
  const downloads = useDownloads();
  const audioRef = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);

  const ready = downloads.loaded || me.isError || !manager;
  if (!ready) return <LoadingState>Reading your downloads…</LoadingState>;

  function play(item: OfflineTrack) {
    const audio = audioRef.current;
    if (!audio) return;
    // In the tap itself (iPad): set the source and play at once.
    const src = `/api/tracks/${encodeURIComponent(item.trackId)}/audio`;
    if (playing !== item.trackId || !audio.src.endsWith(src)) audio.src = src;
    setPlaying(item.trackId);
    void audio.play().catch(() => undefined);
  }

  async function removeAll() {
    setRemoving(true);
    try {
      audioRef.current?.pause();
      setPlaying(null);
      await manager?.removeAll();
    } finally {
      setRemoving(false);
      setConfirming(false);
    }
  }

  const { storage, offline, tasks, overall } = downloads;
  const used = offline.reduce((sum, item) => sum + item.audioBytes + item.artworkBytes, 0);
  const current = offline.find((item) => item.trackId === playing);

  return (
    <section className={styles.page} aria-labelledby="downloads-title" data-app-ready="true">
      <div className={styles.heading}>
        <h1 id="downloads-title">Downloads</h1>
        {offline.length > 0 && (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            Remove all
          </button>
        )}
      </div>

      <section className={styles.panel} aria-label="Storage" data-testid="storage-panel">
        <h2>Storage on this device</h2>
        <div className={styles.storage}>
          {storage.usage !== null && storage.quota !== null ? (
            <>
              <meter className={styles.meter} min={0} max={storage.quota} value={storage.usage} aria-label="Storage used" />
              <span data-testid="storage-usage">
                {formatBytes(storage.usage)} used of {formatBytes(storage.quota)} available to the console
              </span>
            </>
          ) : (
            <span className="muted">This browser does not report its storage.</span>
          )}
          <span className="muted">Downloads: {formatBytes(used)}</span>
        </div>
        <p data-testid="storage-persistence" className={storage.persisted ? styles.persistent : styles.notPersistent}>
          {storage.persisted
            ? '✓ Persistent: the browser keeps your downloads until you remove them.'
            : storage.persisted === false
              ? 'Not persistent yet: the browser may clear downloads when the device runs low on space.'
              : 'The browser does not say whether it may clear downloads.'}
        </p>
        {storage.persisted === false && typeof navigator !== 'undefined' && navigator.storage?.persist && (
          <button
            type="button"
            className="button button-ghost"
            onClick={() => void navigator.storage.persist().finally(() => void manager?.refreshStorage())}
          >
            Keep downloads on this device
          </button>
        )}
      </section>

      {tasks.length > 0 && (
        <section className={styles.panel} aria-label="In progress" data-testid="downloads-in-progress">
          <h2>
            In progress · {overall.done} of {overall.total} done
            {overall.progress !== null ? ` · ${Math.round(overall.progress * 100)} %` : ''}
          </h2>
          {overall.progress !== null && (
            <progress className={styles.meter} max={100} value={Math.round(overall.progress * 100)} aria-label="All downloads" data-testid="overall-progress" />
          )}
          <ul className={styles.list}>
            {tasks.map((task) => (
              <li key={task.trackId} className={styles.item}>
                <OfflineArtwork trackId={task.trackId} title={task.title} />
                <span className={styles.itemText}>
                  <span className={styles.itemTitle}>{task.title}</span>
                  <span className={styles.itemMeta}>{task.artist}</span>
                </span>
                <TaskProgress task={task} onCancel={() => manager?.cancel(task.trackId)} onRetry={() => manager?.retry(task.trackId)} />
              </li>
            ))}
          </ul>
          {tasks.some((t) => t.status !== 'failed') && (
            <button type="button" className="button button-ghost" onClick={() => manager?.cancelAll()}>
              Cancel all
            </button>
          )}
        </section>
      )}

      <div className={styles.player}>
        <audio
          ref={audioRef}
          controls
          preload="none"
          crossOrigin="use-credentials"
          data-testid="offline-player"
          aria-label={current ? `Playing ${current.track.title}` : 'Offline player'}
          onEnded={() => setPlaying(null)}
        />
        {current && <p className="muted">Now playing: {current.track.title} · {current.track.artist}</p>}
      </div>

      {offline.length === 0 ? (
        <EmptyState title="Nothing offline yet">
          <p>
            Use “Make available offline” on a track, an unlocked <Link href="/vip">VIP track</Link> or a whole{' '}
            <Link href="/playlists">playlist</Link>: it then plays here with no network.
          </p>
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-label="Offline tracks">
          {offline.map((item) => (
            <li key={item.trackId} className={`${styles.item} ${playing === item.trackId ? styles.playing : ''}`} data-testid="offline-track" data-track-id={item.trackId}>
              <OfflineArtwork trackId={item.trackId} title={item.track.title} />
              <span className={styles.itemText}>
                <Link href={`/tracks/${item.trackId}`} className={styles.itemTitle}>{item.track.title}</Link>
                <span className={styles.itemMeta}>
                  {item.track.artist}
                  {item.track.bpm ? ` · ${item.track.bpm} BPM` : ''}
                  {item.track.key ? ` · ${item.track.key}` : ''} · {formatBytes(item.audioBytes)}
                  {item.track.isVip ? ' · VIP' : ''}
                </span>
              </span>
              <span className={styles.itemActions}>
                <button type="button" className="button button-primary" onClick={() => play(item)} aria-label={`Play ${item.track.title}`}>
                  ▶ Play
                </button>
                <button type="button" className="button button-ghost" onClick={() => void manager?.remove(item.trackId)} aria-label={`Remove ${item.track.title} from this device`}>
                  Remove
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}

      <ConfirmDialog
        open={confirming}
        title="Remove every download?"
        confirmLabel="Remove all"
        busy={removing}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void removeAll()}
      >
        <p className="muted">
          {offline.length} track{offline.length === 1 ? '' : 's'} ({formatBytes(used)}) will need a network again. Your unlocks and
          playlists stay.
        </p>
      </ConfirmDialog>
    </section>
  );
}

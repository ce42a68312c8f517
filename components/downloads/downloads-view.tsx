'use client';
import { useQuery } from '@tanstack/react-query';
import { IntentLink } from '@/components/layout/intent-link';
import { useState } from 'react';
import { formatBytes } from '@/lib/offline/downloads/errors';
import type { OfflineTrack } from '@/lib/offline/downloads/types';
import { useBindDownloadsToMember, useDownloadManager, useDownloads } from '@/lib/offline/downloads/use-downloads';
import { toPlayerTrack } from '@/lib/player/track';
import { player, usePlayerSelector } from '@/lib/player/store';
import type { PlayerTrack } from '@/lib/player/types';
import { meOptions } from '@/lib/query/profile';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState, LoadingState } from '@/components/ui/states';
import { TaskProgress } from './download-button';
import { OfflineArtwork } from './offline-artwork';
import styles from './downloads.module.css';

/**
 * What this device keeps offline for the member: the tracks (playable with no network: the
 * worker answers their audio from Cache Storage), downloads in progress, storage used and
 * whether the browser may evict it. The tracks play through the shared player (mini player, lock
 * screen, audio focus with the decks, on-air log), the downloaded tracks as its queue.
 */
export function DownloadsView() {
  useBindDownloadsToMember();
  const me = useQuery(meOptions());
  const manager = useDownloadManager();
  const downloads = useDownloads();
  // The one audio path: the shared player (mini player, lock screen, preview rule, audio focus).
  const currentId = usePlayerSelector((s) => s.player.track?.id ?? null);
  const currentPlaying = usePlayerSelector((s) => s.player.isPlaying);
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);

  const ready = downloads.loaded || me.isError || !manager;
  if (!ready) return <LoadingState>Reading your downloads…</LoadingState>;

  /** The downloaded tracks as a queue: a download was unlocked, so a VIP one plays in full. */
  function queue(): PlayerTrack[] {
    return downloads.offline.map((item) => toPlayerTrack(item.track, false)).filter((t): t is PlayerTrack => t !== null);
  }

  function play(item: OfflineTrack) {
    if (currentId === item.trackId) return player.togglePlayPause();
    const track = toPlayerTrack(item.track, false);
    if (track) player.playTrack(track, queue());
  }

  /** The track leaves the device: if the player has it, it stops first (its file is going away). */
  function stopIfCurrent(trackIds: string[]) {
    if (currentId !== null && trackIds.includes(currentId)) player.pause();
  }

  function remove(item: OfflineTrack) {
    stopIfCurrent([item.trackId]);
    void manager?.remove(item.trackId);
  }

  async function removeAll() {
    setRemoving(true);
    try {
      stopIfCurrent(downloads.offline.map((item) => item.trackId));
      await manager?.removeAll();
    } finally {
      setRemoving(false);
      setConfirming(false);
    }
  }

  const { storage, offline, tasks, overall } = downloads;
  const used = offline.reduce((sum, item) => sum + item.audioBytes + item.artworkBytes, 0);

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

      {offline.length === 0 ? (
        <EmptyState title="Nothing offline yet">
          <p>
            Use “Make available offline” on a track, an unlocked <IntentLink href="/vip">VIP track</IntentLink> or a whole{' '}
            <IntentLink href="/playlists">playlist</IntentLink>: it then plays here with no network.
          </p>
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-label="Offline tracks">
          {offline.map((item) => {
            const isCurrent = currentId === item.trackId;
            const isPlaying = isCurrent && currentPlaying;
            return (
              <li
                key={item.trackId}
                className={`${styles.item} ${isCurrent ? styles.playing : ''}`}
                aria-current={isCurrent ? 'true' : undefined}
                data-testid="offline-track"
                data-track-id={item.trackId}
                data-playing={isPlaying ? 'true' : 'false'}
              >
                <OfflineArtwork trackId={item.trackId} title={item.track.title} />
                <span className={styles.itemText}>
                  <IntentLink href={`/tracks/${item.trackId}`} className={styles.itemTitle}>{item.track.title}</IntentLink>
                  <span className={styles.itemMeta}>
                    {item.track.artist}
                    {item.track.bpm ? ` · ${item.track.bpm} BPM` : ''}
                    {item.track.key ? ` · ${item.track.key}` : ''} · {formatBytes(item.audioBytes)}
                    {item.track.isVip ? ' · VIP' : ''}
                  </span>
                </span>
                <span className={styles.itemActions}>
                  <button
                    type="button"
                    className="button button-primary"
                    onClick={() => play(item)}
                    aria-label={`${isPlaying ? 'Pause' : 'Play'} ${item.track.title}`}
                  >
                    {isPlaying ? '❚❚ Pause' : '▶ Play'}
                  </button>
                  <button type="button" className="button button-ghost" onClick={() => remove(item)} aria-label={`Remove ${item.track.title} from this device`}>
                    Remove
                  </button>
                </span>
              </li>
            );
          })}
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

'use client';
import { useMemo, useState } from 'react';
import type { Track } from '@/lib/domain/types';
import { consoleDb, type DjSetRow, type SetEntry, type SetTrackRef } from '@/lib/offline/db';
import { requestBackgroundSync, syncOutboxNow } from '@/lib/offline/outbox/browser';
import { assembleSet } from '@/lib/sessions/assemble';
import { addToSet, correctEntry, discardEmptySet, endSet, removeFromSet } from '@/lib/sessions/sets';
import { useOnAirPlaysSince } from '@/lib/sessions/use-sets';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatPlace, formatTime } from './format';
import { TrackPicker } from './track-picker';
import styles from './sessions.module.css';

const SOURCE_LABEL: Record<SetEntry['source'], string> = { A: 'Deck A', B: 'Deck B', player: 'Player', added: 'Added' };

const refOf = (track: Track): SetTrackRef => ({ trackId: track.id, title: track.title, artist: track.artist, producerId: track.producerId });

/** The running set: what went on air, the DJ's fixes, and the end. */
export function LiveSet({ set }: { set: DjSetRow }) {
  const plays = useOnAirPlaysSince(set.userId, set.startedAt);
  const entries = useMemo(() => assembleSet(set, plays.value, Date.now()), [set, plays.value]);
  const [picking, setPicking] = useState<{ mode: 'add' } | { mode: 'correct'; entry: SetEntry } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const db = consoleDb();

  async function act(work: () => Promise<unknown>) {
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'That did not work.');
    }
  }

  const empty = entries.length === 0;

  async function end() {
    setBusy(true);
    await act(async () => {
      if (empty) return discardEmptySet(db, set.id, Date.now());
      await endSet(db, set.id, Date.now());
      requestBackgroundSync();
      void syncOutboxNow();
    });
    setBusy(false);
    setConfirming(false);
  }

  return (
    <section className={`${styles.card} ${styles.live}`} aria-labelledby="live-set-title" data-testid="live-set">
      <div className={styles.liveHead}>
        <div>
          <p className={styles.onAir}>
            <span aria-hidden className={styles.dot} /> Live set
          </p>
          <h2 id="live-set-title">{formatPlace(set)}</h2>
          <p className="muted">Started at {formatTime(set.startedAt)} · {entries.length} {entries.length === 1 ? 'track' : 'tracks'}</p>
        </div>
        {empty ? (
          <button type="button" className="button" onClick={() => setConfirming(true)} data-testid="discard-set">
            Discard set
          </button>
        ) : (
          <button type="button" className="button button-primary" onClick={() => setConfirming(true)} data-testid="end-set">
            End set
          </button>
        )}
      </div>

      {entries.length === 0 ? (
        <p className="muted" data-testid="set-empty">
          Nothing on air yet: play a track on a deck or in the player for 30 s and it appears here.
        </p>
      ) : (
        <ol className={styles.entries} data-testid="set-entries">
          {entries.map((entry) => (
            <li key={entry.ref} data-testid="set-entry" data-source={entry.source}>
              <time className={styles.time}>{formatTime(entry.playedAt)}</time>
              <span className={styles.entryTitle}>
                <strong>{entry.title}</strong>
                <span className="muted">{entry.artist}</span>
              </span>
              <span className="chip">{SOURCE_LABEL[entry.source]}</span>
              {entry.corrected && <span className="chip">Corrected</span>}
              <span className={styles.entryActions}>
                <button type="button" className="button" onClick={() => setPicking({ mode: 'correct', entry })} aria-label={`Correct ${entry.title}`}>
                  Correct
                </button>
                <button type="button" className="button" onClick={() => void act(() => removeFromSet(db, set.id, entry.ref))} aria-label={`Remove ${entry.title}`}>
                  Remove
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}

      {picking === null ? (
        <button type="button" className="button" onClick={() => setPicking({ mode: 'add' })} data-testid="add-track">
          Add a track
        </button>
      ) : picking.mode === 'add' ? (
        <TrackPicker
          label="Find a track to add"
          actionLabel="Add"
          onCancel={() => setPicking(null)}
          onPick={(track) => {
            setPicking(null);
            void act(() => addToSet(db, set.id, refOf(track), Date.now()));
          }}
        />
      ) : (
        <div>
          <p className="muted">Replace “{picking.entry.title}” ({formatTime(picking.entry.playedAt)}) with:</p>
          <TrackPicker
            label="Find the right track"
            actionLabel="Use"
            onCancel={() => setPicking(null)}
            onPick={(track) => {
              const ref = picking.entry.ref;
              setPicking(null);
              void act(() => correctEntry(db, set.id, ref, refOf(track)));
            }}
          />
        </div>
      )}
      {error && (
        <p className="field-error" data-testid="form-error">
          {error}
        </p>
      )}
      {empty ? (
        <ConfirmDialog open={confirming} title="Discard this set?" confirmLabel="Discard set" busy={busy} onCancel={() => setConfirming(false)} onConfirm={() => void end()}>
          <p>Nothing was played in it, so there is nothing to send: it is removed from this device and SPYNNERS never hears of it.</p>
        </ConfirmDialog>
      ) : (
        <ConfirmDialog open={confirming} title="End this set?" confirmLabel="End set" busy={busy} onCancel={() => setConfirming(false)} onConfirm={() => void end()}>
          <p>
            {entries.length} {entries.length === 1 ? 'track' : 'tracks'} will be sent to SPYNNERS: producers are told, and a set with a
            catalogue track earns you a Black Diamond. With no network it is kept on this device and sent later.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

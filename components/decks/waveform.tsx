'use client';
import { useEffect, useRef, type PointerEvent } from 'react';
import type { DeckId, PlayerTrack } from '@/lib/player/types';
import type { Waveform as WaveformData } from '@/lib/player/waveform/peaks';
import { Playhead } from './playhead';
import { useWaveform } from './use-waveform';
import styles from './decks.module.css';

function draw(canvas: HTMLCanvasElement, waveform: WaveformData, color: string): void {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = color;
  const { peaks } = waveform;
  const bar = width / peaks.length;
  const middle = height / 2;
  for (let i = 0; i < peaks.length; i += 1) {
    const h = Math.max(1, peaks[i]! * (height - 2));
    ctx.fillRect(i * bar, middle - h / 2, Math.max(1, bar - 0.5), h);
  }
}

/**
 * The track's overview with the playhead; click or drag to seek. A locked VIP track shows its
 * preview window; the rest is dimmed (seeks land inside the window: the engine enforces it).
 */
export function Waveform({ track, duration, onSeek, deck }: {
  track: PlayerTrack | null;
  duration: number;
  onSeek: (seconds: number) => void;
  deck: DeckId;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const dragging = useRef(false);
  const state = useWaveform(track);
  const length = duration > 0 ? duration : state.status === 'ready' ? state.waveform.durationSeconds : track?.durationSeconds ?? 0;

  useEffect(() => {
    const element = canvas.current;
    if (!element || state.status !== 'ready') return;
    const color = getComputedStyle(element).color;
    draw(element, state.waveform, color);
    const observer = new ResizeObserver(() => draw(element, state.waveform, color));
    observer.observe(element);
    return () => observer.disconnect();
  }, [state]);

  const seekAt = (event: PointerEvent<HTMLDivElement>) => {
    if (!length) return;
    const box = event.currentTarget.getBoundingClientRect();
    const x = Math.min(Math.max(event.clientX - box.left, 0), box.width);
    onSeek((x / box.width) * length);
  };

  const percent = (seconds: number) => `${length ? Math.min(100, Math.max(0, (seconds / length) * 100)) : 0}%`;
  const preview = track?.preview ?? null;
  return (
    <div
      className={styles.waveform}
      data-testid={`waveform-${deck}`}
      data-status={state.status}
      data-source={state.status === 'ready' ? state.waveform.source : undefined}
      onPointerDown={(event) => {
        if (!track) return;
        dragging.current = true;
        event.currentTarget.setPointerCapture(event.pointerId);
        seekAt(event);
      }}
      onPointerMove={(event) => dragging.current && seekAt(event)}
      onPointerUp={() => {
        dragging.current = false;
      }}
      onPointerCancel={() => {
        dragging.current = false;
      }}
      role="presentation"
    >
      <canvas ref={canvas} className={styles.waveCanvas} aria-hidden="true" />
      {state.status === 'loading' && <span className={styles.waveNote}>Reading the waveform…</span>}
      {state.status === 'unavailable' && <span className={styles.waveNote}>No waveform for this file</span>}
      {preview && length > 0 && (
        <>
          <span className={styles.locked} style={{ left: 0, width: percent(preview.startSeconds) }} />
          <span className={styles.locked} style={{ left: percent(preview.endSeconds), right: 0 }} />
        </>
      )}
      {track && <Playhead deck={deck} length={length} />}
    </div>
  );
}

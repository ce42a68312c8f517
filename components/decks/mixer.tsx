'use client';
import { memo, useEffect, useRef } from 'react';
import { crossfaderShares } from '@/lib/player/mixer-curve';
import { player, usePlayerSelector } from '@/lib/player/store';
import styles from './decks.module.css';

/** The equal-power crossfader between the decks (Web Audio gains: see lib/player/mixer-curve.ts). */
export const Mixer = memo(function Mixer() {
  const position = usePlayerSelector((s) => s.crossfader);
  const shares = crossfaderShares(position);
  // Uncontrolled: a drag moves the gains in its own event and the meters follow in the next task
  // (a controlled input must render within the event: React resets it right after). Keys and the
  // A / | / B buttons move it through the store.
  const fader = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (fader.current && Number(fader.current.value) !== position) fader.current.value = String(position);
  }, [position]);
  return (
    <section className={styles.mixer} aria-label="Mixer" data-testid="mixer" data-crossfader={position.toFixed(3)}>
      <div className={styles.meters} aria-hidden="true">
        <span className={styles.meter}><span style={{ transform: `scaleY(${shares.A})` }} /></span>
        <span className={styles.meter}><span style={{ transform: `scaleY(${shares.B})` }} /></span>
      </div>
      <div className={styles.boundaryBox}>
        <p className={styles.shares}>
          <span>A {Math.round(shares.A * 100)}</span>
          <span>B {Math.round(shares.B * 100)}</span>
        </p>
      </div>
      <div className={styles.boundaryBox}>
        <input
          className={styles.crossfader}
          ref={fader} type="range" min={0} max={1} step={0.01} defaultValue={position}
          onChange={(event) => player.setCrossfader(Number(event.currentTarget.value))}
          onDoubleClick={() => player.setCrossfader(0.5)}
          aria-label="Crossfader" aria-valuetext={`A ${Math.round(shares.A * 100)} %, B ${Math.round(shares.B * 100)} %`}
          data-testid="crossfader"
        />
      </div>
      <div className={styles.xfButtons}>
        <button type="button" className="button" onClick={() => player.setCrossfader(0)} aria-label="Crossfader to deck A" data-testid="xf-A">A</button>
        <button type="button" className="button" onClick={() => player.setCrossfader(0.5)} aria-label="Crossfader to the middle" data-testid="xf-middle">|</button>
        <button type="button" className="button" onClick={() => player.setCrossfader(1)} aria-label="Crossfader to deck B" data-testid="xf-B">B</button>
      </div>
    </section>
  );
});

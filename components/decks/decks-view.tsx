'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { audioContext } from '@/lib/player/audio-output';
import { loadPlayer } from '@/lib/player/store';
import { afterStartup } from '@/lib/scheduling/after-startup';
import type { DeckId } from '@/lib/player/types';
import { Deck } from './deck';
import { DeckBrowser } from './deck-browser';
import { Mixer } from './mixer';
import { DECK_KEYS, useDeckKeys } from './use-deck-keys';
import styles from './decks.module.css';

/** The DJ console: decks A and B around the mixer, and the tracks to load on them. */
export function DecksView() {
  // The last deck used is marked on the console element directly: a tap on a deck (pointerdown)
  // then costs no React render in its event (long tasks, issue #6); keys read it from the ref.
  const consoleElement = useRef<HTMLDivElement>(null);
  const lastDeck = useRef<DeckId>('A');
  const setLastDeck = useCallback((deck: DeckId) => {
    if (lastDeck.current === deck) return;
    lastDeck.current = deck;
    consoleElement.current?.setAttribute('data-active-deck', deck);
  }, []);
  const [ready, setReady] = useState(false);
  // The engine is not needed to paint the decks: it is made ready once start-up is over, the
  // AudioContext (≈0.1 s at 4x CPU) and the engine each in an idle callback of their own, as the
  // mini player's preload does (lib/player/store.ts). A tap before that loads it at once.
  useEffect(() => {
    let live = true;
    const done = () => live && setReady(true);
    let cancel = afterStartup(() => {
      audioContext();
      if (live) cancel = afterStartup(() => loadPlayer().then(done, done));
    });
    return () => {
      live = false;
      cancel();
    };
  }, []);
  useDeckKeys(lastDeck, setLastDeck);
  return (
    <section className={styles.view} aria-labelledby="decks-title" data-app-ready={ready ? 'true' : undefined} data-decks="true">
      <h1 id="decks-title" className={styles.heading}>Decks</h1>
      <div ref={consoleElement} className={styles.console} data-active-deck="A">
        <Deck deck="A" onUse={setLastDeck} />
        <Mixer />
        <Deck deck="B" onUse={setLastDeck} />
      </div>
      <details className={styles.keys}>
        <summary>Keyboard shortcuts</summary>
        <dl>
          {DECK_KEYS.map(([keys, what]) => (
            <div key={keys}><dt>{keys}</dt><dd>{what}</dd></div>
          ))}
        </dl>
      </details>
      <DeckBrowser />
    </section>
  );
}

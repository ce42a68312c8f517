'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { loadPlayer } from '@/lib/player/store';
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
  useEffect(() => {
    let live = true;
    loadPlayer().then(
      () => live && setReady(true),
      () => live && setReady(true),
    );
    return () => {
      live = false;
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

'use client';
import { useEffect, useState } from 'react';
import { loadPlayer } from '@/lib/player/store';
import type { DeckId } from '@/lib/player/types';
import { Deck } from './deck';
import { DeckBrowser } from './deck-browser';
import { Mixer } from './mixer';
import { DECK_KEYS, useDeckKeys } from './use-deck-keys';
import styles from './decks.module.css';

/** The DJ console: decks A and B around the mixer, and the tracks to load on them. */
export function DecksView() {
  const [lastDeck, setLastDeck] = useState<DeckId>('A');
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
      {/* The last deck used is marked by CSS from here: a tap on the other deck re-renders neither deck. */}
      <div className={styles.console} data-active-deck={lastDeck}>
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

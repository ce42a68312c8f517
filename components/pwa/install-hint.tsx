'use client';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { usePathname } from 'next/navigation';
import {
  installPrompt,
  isAppleMobileSafari,
  isInstallHintDismissed,
  isStandalone,
  rememberInstallHintDismissed,
} from '@/lib/pwa/install';
import { afterStartup } from '@/lib/scheduling/after-startup';
import { onFirstInput } from '@/lib/scheduling/first-input';
import styles from './pwa.module.css';

type Hint = 'none' | 'apple' | 'prompt';

const storage = () => (typeof window === 'undefined' ? null : window.localStorage);

/**
 * Not installed yet: Safari on iPad/iPhone gets the Share → Add to Home Screen steps (it has no
 * install prompt); Chromium gets an "Install app" button. It shows after the first touch or key on
 * the page; dismissing is remembered on this device.
 */
export function InstallHint() {
  const prompt = useSyncExternalStore(installPrompt.subscribe, installPrompt.get, () => null);
  const [apple, setApple] = useState(false);
  const [hidden, setHidden] = useState(true);
  const onDecks = usePathname() === '/console';

  useEffect(() => {
    // Once the DJ has touched the page, after start-up: the hint is no part of the first screen
    // (shown at once it was the largest, and last, paint of every screen) and asks for attention
    // only from someone already using the console. The server cannot know the browser, the
    // display mode or the stored choice anyway.
    let cancelCheck: () => void = () => undefined;
    const cancelInput = onFirstInput(() => {
      cancelCheck = afterStartup(() => {
        setHidden(isStandalone() || isInstallHintDismissed(storage()));
        setApple(isAppleMobileSafari(navigator.userAgent, navigator.maxTouchPoints));
      });
    });
    return () => {
      cancelInput();
      cancelCheck();
    };
  }, []);

  const hint: Hint = hidden ? 'none' : prompt ? 'prompt' : apple ? 'apple' : 'none';
  if (hint === 'none') return null;

  const dismiss = () => {
    rememberInstallHintDismissed(storage());
    setHidden(true);
  };

  return (
    <aside className={styles.hint} aria-label="Install the console" data-testid="install-hint" data-hint={hint} data-on-decks={onDecks}>
      {hint === 'apple' ? (
        <p className={styles.text}>
          Install the console on this device: tap <ShareIcon /> <strong>Share</strong>, then <strong>Add to Home Screen</strong>.
          It opens full screen and works offline.
        </p>
      ) : (
        <p className={styles.text}>Install the console as an app: it opens in its own window and works offline.</p>
      )}
      <div className={styles.actions}>
        <button type="button" className="button button-ghost" onClick={dismiss}>
          Not now
        </button>
        {hint === 'prompt' && (
          <button type="button" className="button button-primary" onClick={() => void installPrompt.prompt()}>
            Install app
          </button>
        )}
      </div>
    </aside>
  );
}

function ShareIcon() {
  return (
    <svg className={styles.share} viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d="M12 15V3M8 7l4-4 4 4" />
      <path d="M7 11H5v10h14V11h-2" />
    </svg>
  );
}

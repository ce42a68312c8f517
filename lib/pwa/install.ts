// Installing the console: Chromium offers a prompt (`beforeinstallprompt`), Safari on iPad/iPhone
// does not (Share → Add to Home Screen), so the console shows either an "Install app" button or a
// short guide, and neither once it runs installed. State for components/pwa/install-guide.tsx.

export interface BeforeInstallPromptEvent extends Event {
  prompt: () => Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export const INSTALL_DISMISSED_KEY = 'spynners:install-hint-dismissed';

/** Running from the home screen / as an installed app. */
export function isStandalone(win: Window = window): boolean {
  const nav = win.navigator as Navigator & { standalone?: boolean };
  return win.matchMedia('(display-mode: standalone)').matches || nav.standalone === true;
}

/**
 * Safari on iPhone or iPad. iPadOS 13+ Safari says "Macintosh" (desktop-class browsing): a Mac
 * with a touch screen is an iPad. Other iOS browsers (CriOS, FxiOS, EdgiOS…) are left out: their
 * menus differ from Safari's Share sheet.
 */
export function isAppleMobileSafari(userAgent: string, maxTouchPoints: number): boolean {
  const appleMobile = /iPad|iPhone|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
  const safari = /Safari\//.test(userAgent) && !/CriOS|FxiOS|EdgiOS|OPiOS|GSA\/|YaBrowser|DuckDuckGo/.test(userAgent);
  return appleMobile && safari;
}

export function isInstallHintDismissed(storage: Pick<Storage, 'getItem'> | null): boolean {
  try {
    return storage?.getItem(INSTALL_DISMISSED_KEY) === '1';
  } catch {
    return false; // storage disabled: show it, a dismiss then lasts for this page only
  }
}

export function rememberInstallHintDismissed(storage: Pick<Storage, 'setItem'> | null): void {
  try {
    storage?.setItem(INSTALL_DISMISSED_KEY, '1');
  } catch {
    // private mode quota: nothing to remember it in
  }
}

// Chromium fires beforeinstallprompt once, possibly before React mounts: keep it from page load.
let deferredPrompt: BeforeInstallPromptEvent | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

if (typeof window !== 'undefined') {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault(); // our own button instead of the mini-infobar
    deferredPrompt = event as BeforeInstallPromptEvent;
    notify();
  });
  window.addEventListener('appinstalled', () => {
    deferredPrompt = null;
    notify();
  });
}

export const installPrompt = {
  get: () => deferredPrompt,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Shows Chromium's install dialog; the event can be used once. */
  async prompt(): Promise<'accepted' | 'dismissed' | 'unavailable'> {
    const event = deferredPrompt;
    if (!event) return 'unavailable';
    deferredPrompt = null;
    notify();
    await event.prompt();
    return (await event.userChoice).outcome;
  },
};

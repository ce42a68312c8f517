import { describe, expect, it } from 'vitest';
import { INSTALL_DISMISSED_KEY, isAppleMobileSafari, isInstallHintDismissed, rememberInstallHintDismissed } from '@/lib/pwa/install';

const UA = {
  ipadSafari: 'Mozilla/5.0 (iPad; CPU OS 18_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Mobile/15E148 Safari/604.1',
  ipadDesktopMode: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Safari/605.1.15',
  iphoneSafari: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Mobile/15E148 Safari/604.1',
  ipadChrome: 'Mozilla/5.0 (iPad; CPU OS 18_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1',
  macSafari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Safari/605.1.15',
  chromium: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36',
};

describe('install hint', () => {
  it('recognises Safari on iPad (also in desktop mode) and iPhone, and nothing else', () => {
    expect(isAppleMobileSafari(UA.ipadSafari, 5)).toBe(true);
    expect(isAppleMobileSafari(UA.ipadDesktopMode, 5)).toBe(true);
    expect(isAppleMobileSafari(UA.iphoneSafari, 5)).toBe(true);
    expect(isAppleMobileSafari(UA.ipadChrome, 5)).toBe(false);
    expect(isAppleMobileSafari(UA.macSafari, 0)).toBe(false);
    expect(isAppleMobileSafari(UA.chromium, 0)).toBe(false);
  });

  it('remembers a dismiss, and survives storage that throws', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(isInstallHintDismissed(storage)).toBe(false);
    rememberInstallHintDismissed(storage);
    expect(store.get(INSTALL_DISMISSED_KEY)).toBe('1');
    expect(isInstallHintDismissed(storage)).toBe(true);
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); } };
    expect(isInstallHintDismissed(broken)).toBe(false);
    expect(() => rememberInstallHintDismissed(broken)).not.toThrow();
  });
});

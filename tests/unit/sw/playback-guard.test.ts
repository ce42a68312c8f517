import { afterEach, describe, expect, it } from 'vitest';
import { isPlaybackActive, reportPlayback, resetPlaybackReports, subscribePlayback } from '@/lib/pwa/playback-guard';

/** A document-like root holding media elements with the given paused / ended flags. */
const root = (...media: Array<{ paused: boolean; ended?: boolean }>) =>
  ({ querySelectorAll: (selector: string) => (selector === 'audio, video' ? media.map((m) => ({ ended: false, ...m })) : []) }) as unknown as ParentNode;

afterEach(resetPlaybackReports);

describe('playback guard', () => {
  it('is active while any media element plays', () => {
    expect(isPlaybackActive(root())).toBe(false);
    expect(isPlaybackActive(root({ paused: true }))).toBe(false);
    expect(isPlaybackActive(root({ paused: true }, { paused: false }))).toBe(true);
    expect(isPlaybackActive(root({ paused: false, ended: true }))).toBe(false);
  });

  it('is active while any reported source plays, and tells subscribers about changes', () => {
    let calls = 0;
    const unsubscribe = subscribePlayback(() => (calls += 1));
    reportPlayback('deck-a', true);
    reportPlayback('deck-a', true); // no change, no call
    reportPlayback('deck-b', true);
    expect(isPlaybackActive(root())).toBe(true);
    reportPlayback('deck-a', false);
    expect(isPlaybackActive(root())).toBe(true);
    reportPlayback('deck-b', false);
    expect(isPlaybackActive(root())).toBe(false);
    expect(calls).toBe(4);
    unsubscribe();
    reportPlayback('deck-a', true);
    expect(calls).toBe(4);
  });
});

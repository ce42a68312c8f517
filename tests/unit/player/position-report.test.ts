import { describe, expect, it } from 'vitest';
import { createPositionReport } from '@/lib/player/platform';

describe('the lock screen position report', () => {
  it('is sent for a new track, a play or pause, and a jump, not for every tick of steady playback', () => {
    const report = createPositionReport();
    expect(report.needed('A:t1', 360, true, 0, 0)).toBe(true);
    // Playing steadily: the system extrapolates, nothing to say.
    expect(report.needed('A:t1', 360, true, 0.2, 200)).toBe(false);
    expect(report.needed('A:t1', 360, true, 5.0, 5000)).toBe(false);
    // A seek (the position is not where playback would have taken it).
    expect(report.needed('A:t1', 360, true, 120, 5200)).toBe(true);
    expect(report.needed('A:t1', 360, true, 121, 6200)).toBe(false);
    // Pause, then paused ticks, then play again.
    expect(report.needed('A:t1', 360, false, 121.1, 6300)).toBe(true);
    expect(report.needed('A:t1', 360, false, 121.1, 9000)).toBe(false);
    expect(report.needed('A:t1', 360, true, 121.1, 9100)).toBe(true);
    // Another track, or the duration becoming known.
    expect(report.needed('B:t2', 360, true, 0, 9200)).toBe(true);
    expect(report.needed('B:t2', 412, true, 0.1, 9300)).toBe(true);
    // Drift beyond a second (tempo fader) is corrected.
    expect(report.needed('B:t2', 412, true, 12.2, 20_300)).toBe(true);
  });
});

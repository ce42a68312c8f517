import { describe, expect, it } from 'vitest';
import type { AudioCopy } from '@/lib/sw/range-response';
import { createRecentAudio, RECENT_AUDIO_TTL_MS } from '@/lib/sw/recent-audio';

const copy = (name: string): AudioCopy => ({ blob: new Blob([name]), type: 'audio/mpeg', etag: null, lastModified: null });

describe('the worker\'s recent audio copies', () => {
  it('gives back a copy looked up less than the TTL ago, then none', () => {
    const recent = createRecentAudio();
    const a = copy('a');
    recent.set('/a', a, 1000, recent.generation());
    expect(recent.get('/a', 1000 + RECENT_AUDIO_TTL_MS)).toBe(a);
    expect(recent.get('/a', 1001 + RECENT_AUDIO_TTL_MS)).toBeNull();
    // Expired means gone: a later clock does not bring it back.
    expect(recent.get('/a', 1000)).toBeNull();
    expect(recent.get('/b', 1000)).toBeNull();
  });

  it('keeps the two tracks used last (two decks)', () => {
    const recent = createRecentAudio();
    recent.set('/a', copy('a'), 0, 0);
    recent.set('/b', copy('b'), 0, 0);
    expect(recent.get('/a', 1)).not.toBeNull(); // /a is now the most recently used
    recent.set('/c', copy('c'), 2, 0);
    expect(recent.get('/b', 3)).toBeNull();
    expect(recent.get('/a', 3)).not.toBeNull();
    expect(recent.get('/c', 3)).not.toBeNull();
  });

  it('forgets everything at once, and refuses a copy whose lookup started before forgetting', () => {
    const recent = createRecentAudio();
    recent.set('/a', copy('a'), 0, recent.generation());
    const before = recent.generation();
    recent.forget();
    expect(recent.get('/a', 1)).toBeNull();
    recent.set('/a', copy('a'), 2, before); // a lookup that raced a removal
    expect(recent.get('/a', 3)).toBeNull();
    recent.set('/a', copy('a'), 4, recent.generation());
    expect(recent.get('/a', 5)).not.toBeNull();
  });
});

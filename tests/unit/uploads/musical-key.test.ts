import { describe, expect, it } from 'vitest';
import { camelotFromTag } from '@/lib/uploads/musical-key';

describe('camelotFromTag', () => {
  it.each([
    ['Am', '8A'], ['A minor', '8A'], ['C', '8B'], ['Cmaj', '8B'], ['F#m', '11A'], ['Gbm', '11A'], ['Db', '3B'],
    ['C#', '3B'], ['Abm', '1A'], ['G#m', '1A'], ['B', '1B'], ['E', '12B'], ['Bbm', '3A'], ['08a', '8A'], ['12B', '12B'],
  ])('%s → %s', (tag, camelot) => {
    expect(camelotFromTag(tag)).toBe(camelot);
  });

  it.each(['', 'H', '13A', 'unknown', null])('%s → null', (tag) => {
    expect(camelotFromTag(tag)).toBeNull();
  });
});

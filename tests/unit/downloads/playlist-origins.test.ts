import { describe, expect, it } from 'vitest';
import {
  readPlaylistOrigins, tracksToRemove, withoutPlaylist, withPlaylistTracks, writePlaylistOrigins,
} from '@/lib/offline/downloads/playlist-origins';

describe("a playlist's download", () => {
  it('removes what it brought, still offline, that no other playlist download brought', () => {
    let origins = withPlaylistTracks({}, 'p1', ['a', 'b', 'c']);
    origins = withPlaylistTracks(origins, 'p2', ['c']);
    const offline = new Set(['a', 'c', 'kept-alone']);
    expect(tracksToRemove(origins, 'p1', offline)).toEqual(['a']); // b is gone already, c is p2's too
    expect(tracksToRemove(origins, 'p2', offline)).toEqual([]);
    expect(tracksToRemove(origins, 'never-downloaded', offline)).toEqual([]);
    origins = withoutPlaylist(origins, 'p1');
    expect(tracksToRemove(origins, 'p2', offline)).toEqual(['c']);
  });

  it('adds to what a playlist brought (a retry, the missing tracks later) without repeats', () => {
    expect(withPlaylistTracks({ p1: ['a'] }, 'p1', ['a', 'b'])).toEqual({ p1: ['a', 'b'] });
  });

  it('is kept per member, and unreadable storage claims nothing', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    writePlaylistOrigins('dj-1', { p1: ['a'] }, storage);
    expect(readPlaylistOrigins('dj-1', storage)).toEqual({ p1: ['a'] });
    expect(readPlaylistOrigins('dj-2', storage)).toEqual({});
    data.set('spynners.playlist-downloads.dj-3', '{not json');
    expect(readPlaylistOrigins('dj-3', storage)).toEqual({});
    data.set('spynners.playlist-downloads.dj-4', JSON.stringify({ p1: ['a', 7], p2: 'x' }));
    expect(readPlaylistOrigins('dj-4', storage)).toEqual({ p1: ['a'] });
  });
});

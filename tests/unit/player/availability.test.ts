import { describe, expect, it } from 'vitest';
import { createTrackAvailability, NOT_DOWNLOADED_MESSAGE } from '@/lib/player/availability';
import { PlayerEngine } from '@/lib/player/engine';
import { FakeBackend, FakeClock, track } from './fake-backend';

const FORMAT_ERROR = 'This audio format is not supported here.';
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(network: { online: boolean; reachable: boolean; downloaded: Set<string> | null }) {
  const clock = new FakeClock();
  const backend = new FakeBackend(clock);
  let probes = 0;
  const availability = createTrackAvailability({
    isOnline: () => network.online,
    probe: async () => {
      probes += 1;
      return network.reachable;
    },
    isDownloaded: (id) => (network.downloaded ? network.downloaded.has(id) : null),
  });
  const engine = new PlayerEngine({
    backend, clock, availability, cues: { load: async () => null, save: async () => undefined }, record: async () => undefined,
  });
  return { engine, backend, probes: () => probes };
}

describe('playing with no network', () => {
  it('says at once that a track not downloaded cannot play offline, without trying to load it', () => {
    const { engine, backend } = setup({ online: false, reachable: false, downloaded: new Set(['kept']) });
    engine.playTrack(track('streamed'));
    expect(engine.getState().player).toMatchObject({ status: 'error', isPlaying: false, error: NOT_DOWNLOADED_MESSAGE, track: { id: 'streamed' } });
    expect(backend.voices).toHaveLength(0);
    engine.loadDeck('A', track('streamed'));
    expect(engine.getState().decks.A).toMatchObject({ status: 'error', error: NOT_DOWNLOADED_MESSAGE });
  });

  it('plays a downloaded track offline, and a locked VIP preview counts as not downloaded', async () => {
    const { engine, backend } = setup({ online: false, reachable: false, downloaded: new Set(['kept']) });
    engine.playTrack(track('kept'));
    await flush();
    expect(engine.getState().player).toMatchObject({ status: 'playing', error: null });
    engine.playTrack(track('kept', { preview: { startSeconds: 0, endSeconds: 30 } }));
    expect(engine.getState().player.error).toBe(NOT_DOWNLOADED_MESSAGE);
    expect(backend.voices).toHaveLength(1);
  });

  it('explains a failed load when the server turns out to be unreachable, and keeps real media errors', async () => {
    const network = { online: true, reachable: false, downloaded: null as Set<string> | null };
    const { engine, backend, probes } = setup(network);
    engine.playTrack(track('a'));
    backend.live('player')!.fireError(FORMAT_ERROR);
    await flush();
    expect(probes()).toBe(1);
    expect(engine.getState().player).toMatchObject({ status: 'error', error: NOT_DOWNLOADED_MESSAGE });

    network.reachable = true;
    engine.playTrack(track('b'));
    backend.live('player')!.fireError(FORMAT_ERROR);
    await flush();
    expect(engine.getState().player).toMatchObject({ status: 'error', error: FORMAT_ERROR });

    network.online = false;
    network.downloaded = new Set(['c']);
    engine.playTrack(track('c'));
    backend.live('player')!.fireError(FORMAT_ERROR);
    await flush();
    expect(engine.getState().player.error).toBe(FORMAT_ERROR);
  });

  it('tries again on play once the network is back', async () => {
    const network = { online: false, reachable: false, downloaded: new Set<string>() };
    const { engine } = setup(network);
    engine.playTrack(track('a'));
    expect(engine.getState().player.status).toBe('error');
    network.online = true;
    engine.togglePlayPause();
    await flush();
    expect(engine.getState().player).toMatchObject({ status: 'playing', isPlaying: true, error: null });
  });
});

import { describe, expect, it } from 'vitest';
import { PlayerEngine, TICK_MS } from '@/lib/player/engine';
import { emptyCues, type CueStore, type TrackCues } from '@/lib/player/hot-cues';
import { ON_AIR_THRESHOLD_MS, type OnAirPlay } from '@/lib/sessions/on-air-log';
import { FakeBackend, FakeClock } from './fake-backend';
import { track } from './fake-backend';

function setup() {
  const clock = new FakeClock();
  const backend = new FakeBackend(clock);
  const records: OnAirPlay[] = [];
  const saved = new Map<string, TrackCues>();
  const cues: CueStore = {
    load: async (userId, trackId) => saved.get(`${userId}/${trackId}`) ?? null,
    save: async (userId, trackId, value) => void saved.set(`${userId}/${trackId}`, value),
  };
  let id = 0;
  const engine = new PlayerEngine({
    backend, clock, cues, record: async (play) => void records.push({ ...play }), newId: () => `play-${(id += 1)}`, random: () => 0.3,
  });
  engine.setUser('dj-1');
  return { clock, backend, engine, records, saved };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the player engine', () => {
  it('plays a track, pauses, seeks and follows the PlayerContext contract', async () => {
    const { engine, clock, backend } = setup();
    engine.playTrack(track('a'));
    await flush();
    expect(engine.getState().player).toMatchObject({ isPlaying: true, status: 'playing', track: { id: 'a' } });
    clock.advance(2000);
    expect(engine.getState().player.position).toBeCloseTo(2, 1);
    engine.togglePlayPause();
    expect(engine.getState().player.isPlaying).toBe(false);
    clock.advance(1000);
    expect(backend.live('player')!.at).toBeCloseTo(2, 1);
    engine.seekTo(90);
    expect(engine.getState().player.position).toBe(90);
    engine.togglePlayPause();
    await flush();
    expect(engine.getState().player.isPlaying).toBe(true);
  });

  it('plays a queue: next at the end, next and previous on demand, stop after the last one', async () => {
    const { engine, clock, backend } = setup();
    backend.lengthOf = () => 5;
    engine.playAll([track('a'), track('b'), track('c')]);
    await flush();
    clock.advance(5200);
    await flush();
    expect(engine.getState().player.track?.id).toBe('b');
    engine.next();
    await flush();
    expect(engine.getState().player.track?.id).toBe('c');
    engine.previous();
    await flush();
    expect(engine.getState().player.track?.id).toBe('b');
    engine.next();
    await flush();
    clock.advance(5200);
    await flush();
    expect(engine.getState().player).toMatchObject({ track: { id: 'c' }, isPlaying: false, position: 0 });
    // "Previous" after 3 s restarts the track instead.
    engine.playTrack(track('b'), [track('a'), track('b')]);
    await flush();
    clock.advance(4000);
    engine.previous();
    expect(engine.getState().player).toMatchObject({ track: { id: 'b' }, position: 0 });
  });

  it('keeps a locked VIP track inside its preview on play, seek, queue and deck, and stops at its end', async () => {
    const { engine, clock, backend } = setup();
    const vip = track('vip', { preview: { startSeconds: 30, endSeconds: 33 } });
    engine.playTrack(vip);
    await flush();
    expect(backend.live('player')!.at).toBe(30);
    engine.seekTo(150);
    expect(backend.live('player')!.at).toBe(30);
    engine.seekTo(5);
    expect(backend.live('player')!.at).toBe(30);
    clock.advance(3400);
    expect(engine.getState().player).toMatchObject({ isPlaying: false, position: 30 });
    expect(backend.live('player')!.isPlaying()).toBe(false);

    // In a queue, the preview's end moves on to the next track.
    engine.playAll([vip, track('b')]);
    await flush();
    clock.advance(3400);
    await flush();
    expect(engine.getState().player.track?.id).toBe('b');
    engine.previous();
    await flush();
    expect(backend.live('player')!.at).toBe(30);

    engine.loadDeck('A', vip);
    engine.hotCue('A', 0);
    expect(engine.getState().decks.A.hotCues[0]).toBe(30);
    engine.seekTo(100, 'A');
    expect(backend.live('A')!.at).toBe(30);
    engine.play('A');
    await flush();
    clock.advance(3400);
    expect(engine.getState().decks.A).toMatchObject({ isPlaying: false, position: 30 });
  });

  it('applies the equal-power crossfader and the faders to the decks\' gain nodes', () => {
    const { engine, backend } = setup();
    engine.setCrossfader(0);
    expect(backend.gains).toMatchObject({ A: 1, B: 0 });
    engine.setCrossfader(0.5);
    expect(backend.gains.A).toBeCloseTo(Math.SQRT1_2, 10);
    expect(backend.gains.B).toBeCloseTo(Math.SQRT1_2, 10);
    engine.setDeckGain('B', 0.5);
    engine.setCrossfader(0.75);
    expect(backend.gains.A).toBeCloseTo(Math.cos((0.75 * Math.PI) / 2), 10);
    expect(backend.gains.B).toBeCloseTo(0.5 * Math.sin((0.75 * Math.PI) / 2), 10);
    expect(engine.getState().decks.B.outputGain).toBe(backend.gains.B);
    engine.setVolume(0.4);
    expect(backend.gains.player).toBe(0.4);
  });

  it('cues like a CDJ, keeps hot cues per DJ, and sets tempo within ±8 % with key lock', async () => {
    const { engine, clock, backend, saved } = setup();
    engine.loadDeck('A', track('a'));
    engine.seekTo(12, 'A');
    engine.cue('A');
    expect(engine.getState().decks.A.cuePoint).toBe(12);
    engine.play('A');
    await flush();
    clock.advance(3000);
    engine.hotCue('A', 1);
    expect(engine.getState().decks.A.hotCues[1]).toBeCloseTo(15, 1);
    engine.cue('A');
    expect(engine.getState().decks.A).toMatchObject({ isPlaying: false, position: 12 });
    engine.hotCue('A', 1);
    expect(backend.live('A')!.at).toBeCloseTo(15, 1);
    engine.clearHotCue('A', 1);
    engine.hotCue('A', 3);
    await flush();
    expect(saved.get('dj-1/a')).toEqual({ cuePoint: 12, hotCues: [null, null, null, 15] });

    // Loading the track again, on the other deck, brings the DJ's cues back and waits at the cue point.
    engine.loadDeck('B', track('a'));
    await flush();
    expect(engine.getState().decks.B).toMatchObject({ cuePoint: 12, hotCues: [null, null, null, 15], position: 12 });
    engine.loadDeck('B', track('z'));
    await flush();
    expect(engine.getState().decks.B).toMatchObject(emptyCues());

    engine.setTempo('A', 0.2);
    expect(engine.getState().decks.A.tempo).toBe(0.08);
    expect(backend.live('A')!.rate).toBeCloseTo(1.08, 10);
    engine.setKeyLock('A', false);
    expect(backend.live('A')!.keyLock).toBe(false);
    engine.setTempo('A', -0.03);
    expect(backend.live('A')!.rate).toBeCloseTo(0.97, 10);
  });

  it('a deck starting pauses the mini player', async () => {
    const { engine } = setup();
    engine.playTrack(track('a'));
    engine.loadDeck('A', track('b'));
    await flush();
    engine.play('A');
    await flush();
    expect(engine.getState().player.isPlaying).toBe(false);
    expect(engine.getState().decks.A.isPlaying).toBe(true);
  });

  it('takes a track\'s length from the media stack once it knows it (WebKit says "ready" with a length of 0)', async () => {
    const { engine, backend, clock } = setup();
    backend.lengthOf = () => Number.NaN;
    engine.loadDeck('A', track('a', { durationSeconds: null }));
    backend.live('A')!.fireReady();
    expect(engine.getState().decks.A).toMatchObject({ status: 'ready', duration: 0 });
    engine.play('A');
    await flush();
    backend.live('A')!.length = 212.5;
    clock.advance(TICK_MS);
    expect(engine.getState().decks.A).toMatchObject({ isPlaying: true, duration: 212.5 });
  });

  it('one audio focus: the mini player starting pauses the playing decks; the two decks play together', async () => {
    const { engine, backend } = setup();
    engine.loadDeck('A', track('a'));
    engine.loadDeck('B', track('b'));
    engine.play('A');
    engine.play('B');
    await flush();
    expect([engine.getState().decks.A.isPlaying, engine.getState().decks.B.isPlaying]).toEqual([true, true]);
    engine.playTrack(track('c'));
    await flush();
    expect(engine.getState().player).toMatchObject({ isPlaying: true, track: { id: 'c' } });
    expect(engine.getState().decks.A).toMatchObject({ isPlaying: false, status: 'paused' });
    expect(engine.getState().decks.B).toMatchObject({ isPlaying: false, status: 'paused' });
    expect([backend.live('A')!.playing, backend.live('B')!.playing]).toEqual([false, false]);
    // And back: a deck again pauses the mini player, which "next" does not wake up.
    engine.play('A');
    await flush();
    expect(engine.getState().player.isPlaying).toBe(false);
    expect(backend.live('player')!.playing).toBe(false);
    engine.togglePlayPause();
    await flush();
    expect(engine.getState().decks.A.isPlaying).toBe(false);
  });

  it('a play still starting loses the focus: it never begins once the other side has started', async () => {
    const { engine, backend } = setup();
    engine.loadDeck('A', track('a'));
    engine.play('A'); // not resolved yet
    engine.playTrack(track('c'));
    await flush();
    await flush();
    expect(engine.getState().decks.A).toMatchObject({ isPlaying: false, status: 'paused' });
    expect(backend.live('A')!.playing).toBe(false);
    expect(engine.getState().player.isPlaying).toBe(true);
    // Paused by the DJ while starting: stays paused too.
    engine.play('A');
    engine.pause('A');
    await flush();
    expect(backend.live('A')!.playing).toBe(false);
    expect(engine.getState().decks.A.isPlaying).toBe(false);
  });

  it('reports a refused play (no user gesture) without pretending to play', async () => {
    const { engine, backend } = setup();
    engine.loadDeck('A', track('a'));
    backend.live('A')!.refuse = Object.assign(new Error('denied'), { name: 'NotAllowedError' });
    engine.play('A');
    await flush();
    expect(engine.getState().decks.A).toMatchObject({ isPlaying: false, error: expect.stringContaining('tap play') });
  });
});

describe('on-air detection', () => {
  it('records a deck audible through the crossfader for 30 s, then updates its audible time', async () => {
    const { engine, clock, records } = setup();
    engine.loadDeck('A', track('a'));
    engine.loadDeck('B', track('b'));
    engine.setCrossfader(0);
    engine.play('A');
    engine.play('B');
    await flush();
    clock.advance(ON_AIR_THRESHOLD_MS - 1000);
    expect(records).toEqual([]);
    clock.advance(1000 + TICK_MS);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ userId: 'dj-1', trackId: 'a', source: 'A', title: 'Track a', producerId: 'p1' });
    expect(records[0]!.audibleMs).toBeGreaterThanOrEqual(ON_AIR_THRESHOLD_MS);
    expect(records[0]!.startedAt).toBe(1_700_000_000_000);
    expect(engine.getState().decks.A.onAir).toBe(true);
    expect(engine.getState().decks.B).toMatchObject({ onAir: false, audibleMs: 0 });
    clock.advance(6000);
    expect(records.at(-1)).toMatchObject({ id: records[0]!.id, trackId: 'a' });
    expect(records.at(-1)!.audibleMs).toBeGreaterThanOrEqual(35_000);
  });

  it('does not count time while paused, muted by the crossfader or the fader, and counts pauses in total', async () => {
    const { engine, clock, records } = setup();
    engine.loadDeck('A', track('a'));
    engine.play('A');
    await flush();
    clock.advance(20_000);
    engine.pause('A');
    clock.advance(60_000);
    engine.setCrossfader(1);
    engine.play('A');
    await flush();
    clock.advance(60_000);
    expect(records).toEqual([]);
    engine.setCrossfader(0.5);
    engine.setDeckGain('A', 0.1);
    clock.advance(60_000);
    expect(records).toEqual([]);
    engine.setDeckGain('A', 1);
    clock.advance(10_000 + TICK_MS);
    expect(records).toHaveLength(1);
    // A new track is a new play.
    engine.loadDeck('A', track('b'));
    engine.play('A');
    await flush();
    clock.advance(29_000);
    expect(records.filter((r) => r.trackId === 'b')).toEqual([]);
  });

  it('counts a clock jump (a fast-forwarded test clock, a tab back from background) in one go', async () => {
    const { engine, clock, records } = setup();
    engine.playTrack(track('a'));
    await flush();
    clock.jump(31_000);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ source: 'player', trackId: 'a' });
  });

  it('records nothing for a signed-out console', async () => {
    const { engine, clock, records } = setup();
    engine.setUser(null);
    engine.playTrack(track('a'));
    await flush();
    clock.advance(40_000);
    expect(records).toEqual([]);
  });
});

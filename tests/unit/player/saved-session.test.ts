import { describe, expect, it } from 'vitest';
import { PlayerEngine } from '@/lib/player/engine';
import { compareSessions, parseSavedSession, toSavedSession, type SavedPlayerSession } from '@/lib/player/session/saved-session';
import { CHANGE_SAVE_MS, PLAYHEAD_SAVE_MS, startSessionSaver } from '@/lib/player/session/session-saver';
import { FakeBackend, FakeClock, track } from './fake-backend';

// The player's session across a reload (issue #18): what is saved, when, and how it comes back.

function setup() {
  const clock = new FakeClock();
  const backend = new FakeBackend(clock);
  const engine = new PlayerEngine({ backend, clock, cues: { load: async () => null, save: async () => undefined }, record: async () => undefined, random: () => 0.3 });
  engine.setUser('dj-1');
  return { clock, backend, engine };
}

/** A saver over a fake clock: timers fire when the clock passes them. */
function saver(engine: PlayerEngine, clock: FakeClock, stored: SavedPlayerSession | null = null) {
  const writes: SavedPlayerSession[] = [];
  let hidden: () => void = () => undefined;
  const stop = startSessionSaver(engine, {
    userId: 'dj-1',
    stored,
    save: async (session) => void writes.push(session),
    now: () => clock.wall,
    setTimer: (run, ms) => {
      const cancel = clock.every(ms, () => {
        cancel();
        run();
      });
      return cancel;
    },
    onHidden: (flush) => {
      hidden = flush;
      return () => undefined;
    },
  });
  return { writes, stop, hide: () => hidden() };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A session with both decks, cues, tempo, faders and a shuffled, repeating queue; everything paused. */
async function mixedSession() {
  const { engine, clock, backend } = setup();
  engine.loadDeck('A', track('a'));
  engine.loadDeck('B', track('b'));
  await flush();
  engine.seekTo(42.5, 'A');
  engine.hotCue('A', 1);
  engine.seekTo(61, 'B');
  engine.setTempo('A', 0.03);
  engine.setKeyLock('B', false);
  engine.setDeckGain('B', 0.6);
  engine.setCrossfader(0.25);
  engine.playAll([track('q1'), track('q2'), track('q3')], 1);
  engine.setShuffle(true);
  engine.cycleRepeat();
  await flush();
  engine.seekTo(12, 'player');
  engine.pause('player');
  return { engine, clock, backend, saved: toSavedSession(engine.getState(), 'dj-1', clock.wall) };
}

describe('the saved player session', () => {
  it('comes back paused, each channel where it stood, with cues, tempo, key lock, faders and the queue', async () => {
    const { saved } = await mixedSession();
    const stored = parseSavedSession(structuredClone(saved), 'dj-1');
    expect(stored).not.toBeNull();

    const { engine, backend } = setup();
    engine.restore(stored!);
    const state = engine.getState();
    expect(state.decks.A).toMatchObject({ track: { id: 'a' }, isPlaying: false, position: 42.5, tempo: 0.03, hotCues: [null, 42.5, null, null] });
    expect(state.decks.B).toMatchObject({ track: { id: 'b' }, isPlaying: false, position: 61, keyLock: false, gain: 0.6 });
    expect(state.crossfader).toBe(0.25);
    expect(state.player).toMatchObject({ track: { id: 'q2' }, isPlaying: false, position: 12 });
    expect(state.player.queue).toMatchObject({ index: 1, shuffle: true, repeat: 'all', order: saved.player.queue.order });
    // The voices really stand there (a play starts from it) and nothing plays.
    expect(backend.live('A')).toMatchObject({ at: 42.5, playing: false, rate: 1.03 });
    expect(backend.live('B')).toMatchObject({ at: 61, playing: false, keyLock: false });
    expect(backend.live('player')).toMatchObject({ at: 12, playing: false });
    expect(backend.gains.A).toBeCloseTo(Math.cos(0.25 * Math.PI / 2), 5);
  });

  it('is another member\'s or damaged: nothing comes back', async () => {
    const { saved } = await mixedSession();
    expect(parseSavedSession(saved, 'dj-2')).toBeNull();
    expect(parseSavedSession({ ...saved, crossfader: 3 }, 'dj-1')).toBeNull();
    expect(parseSavedSession({ ...saved, player: { ...saved.player, queue: { ...saved.player.queue, index: 9 } } }, 'dj-1')).toBeNull();
    expect(parseSavedSession('nope', 'dj-1')).toBeNull();
  });

  it('tells a playhead moving with playback from a seek or a setting', () => {
    const base = toSavedSession(setup().engine.getState(), 'dj-1', 0);
    const later = (ms: number, a: number): SavedPlayerSession => ({ ...base, savedAt: ms, decks: { ...base.decks, A: { ...base.decks.A, position: a } } });
    const playingA = (id: string) => id === 'A';
    expect(compareSessions(base, later(5000, 0), playingA)).toBe('none');
    expect(compareSessions(base, later(5000, 5.2), playingA)).toBe('playhead');
    expect(compareSessions(base, later(5000, 30), playingA)).toBe('change');
    expect(compareSessions(base, later(5000, 5), () => false)).toBe('change');
    expect(compareSessions(base, { ...base, crossfader: 0.4 }, playingA)).toBe('change');
  });
});

describe('when the session is written', () => {
  it('once a burst of changes settles, every few seconds while playing, at once when hidden; never per tick', async () => {
    const { engine, clock } = setup();
    const { writes, hide, stop } = saver(engine, clock);
    for (let step = 0; step <= 20; step += 1) engine.setCrossfader(step / 20);
    clock.advance(CHANGE_SAVE_MS - 100);
    expect(writes).toHaveLength(0);
    clock.advance(200);
    expect(writes).toHaveLength(1);
    expect(writes[0]!.crossfader).toBe(1);

    engine.loadDeck('A', track('a'));
    await flush();
    clock.advance(CHANGE_SAVE_MS + 100);
    expect(writes).toHaveLength(2);
    engine.play('A');
    await flush();
    // 12 s of playback at 5 ticks a second: two playhead writes, not sixty.
    clock.advance(12_000);
    expect(writes).toHaveLength(4);
    expect(writes.at(-1)!.decks.A.position).toBeGreaterThan(9);

    engine.seekTo(100, 'A');
    clock.advance(CHANGE_SAVE_MS + 100);
    expect(writes).toHaveLength(5);
    expect(writes.at(-1)!.decks.A.position).toBeGreaterThanOrEqual(100);

    clock.advance(1000);
    hide();
    expect(writes).toHaveLength(6);
    expect(writes.at(-1)!.decks.A.position).toBeGreaterThan(100.9);

    stop();
    engine.setCrossfader(0.5);
    clock.advance(PLAYHEAD_SAVE_MS * 2);
    expect(writes).toHaveLength(6);
  });

  it('writes a state the device does not hold yet (the DJ played before saving started), not one it restored', async () => {
    const { engine, clock } = await mixedSession();
    const played = saver(engine, clock);
    clock.advance(CHANGE_SAVE_MS + 100);
    expect(played.writes).toHaveLength(1);
    expect(played.writes[0]!.decks.A.track?.id).toBe('a');
    played.stop();

    const { engine: restored, clock: later } = setup();
    const stored = parseSavedSession(structuredClone(toSavedSession(engine.getState(), 'dj-1', clock.wall)), 'dj-1')!;
    restored.restore(stored);
    const quiet = saver(restored, later, stored);
    later.advance(PLAYHEAD_SAVE_MS * 2);
    expect(quiet.writes).toHaveLength(0);
  });
});

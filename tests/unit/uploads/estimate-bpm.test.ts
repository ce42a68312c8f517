import { describe, expect, it } from 'vitest';
import { estimateBpm } from '@/lib/uploads/bpm/estimate-bpm';
import { synthesizeLoop } from '@/lib/embedded-base44/seed/synth';
import { Prng } from '@/lib/embedded-base44/seed/prng';

const RATE = 11_025;

/** A kick (decaying low sine) on every beat, a quieter hat between, and some noise. */
function clickTrack(bpm: number, seconds: number, seed = 1): Float32Array {
  const random = new Prng(seed);
  const out = new Float32Array(Math.round(seconds * RATE));
  const beat = (60 / bpm) * RATE;
  for (let i = 0; i < out.length; i++) out[i] = (random.next() * 2 - 1) * 0.02;
  for (let at = 0; at < out.length; at += beat / 2) {
    const isKick = Math.round(at / (beat / 2)) % 2 === 0;
    const start = Math.round(at);
    for (let i = 0; i < 0.12 * RATE && start + i < out.length; i++) {
      const t = i / RATE;
      out[start + i]! += isKick ? 0.8 * Math.sin(2 * Math.PI * 60 * t) * Math.exp(-t * 30) : (random.next() * 2 - 1) * 0.15 * Math.exp(-t * 80);
    }
  }
  return out;
}

describe('estimateBpm', () => {
  it.each([122, 124, 128, 132, 140, 174])('finds %d BPM in a 20 s kick and hat pattern', (bpm) => {
    const estimate = estimateBpm(clickTrack(bpm, 20), RATE);
    expect(estimate).not.toBeNull();
    expect(Math.abs(estimate!.bpm - bpm)).toBeLessThanOrEqual(0.6);
  });

  it('folds a slow pulse into the DJ range (a 62 BPM pulse reads as 124)', () => {
    expect(estimateBpm(clickTrack(62, 30), RATE)!.bpm).toBeCloseTo(124, 0);
  });

  it('reads the demo seed\'s synthesised loops (kick, clap, hats, bass) at their tempo', () => {
    for (const [bpm, genre] of [[124, 'Tech House'], [128, 'Techno'], [120, 'Deep House']] as const) {
      const loop = synthesizeLoop({ bpm, camelotKey: '8A', genre, seed: 7 });
      const seconds = 20;
      const rate = 24_000;
      const samples = new Float32Array(seconds * rate);
      for (let i = 0; i < samples.length; i++) samples[i] = loop.samples[i % loop.samples.length]! / 32768;
      expect(Math.abs(estimateBpm(samples, rate)!.bpm - loop.bpm)).toBeLessThanOrEqual(1);
    }
  });

  it('gives up on too little audio and on silence', () => {
    expect(estimateBpm(clickTrack(128, 2), RATE)).toBeNull();
    expect(estimateBpm(new Float32Array(RATE * 10), RATE)).toBeNull();
  });
});

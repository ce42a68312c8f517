'use client';
import { useEffect, useState } from 'react';
import type { PlayerTrack } from '@/lib/player/types';
import { loadWaveform, type LoadedWaveform } from '@/lib/player/waveform/peaks';

export type WaveformState = { status: 'none' } | { status: 'loading' } | { status: 'ready'; waveform: LoadedWaveform } | { status: 'unavailable' };

/** The track's overview from IndexedDB, or computed once (streamed, piece by piece) and stored. */
export function useWaveform(track: PlayerTrack | null): WaveformState {
  const [state, setState] = useState<{ id: string | null; value: WaveformState }>({ id: null, value: { status: 'none' } });
  const id = track?.id ?? null;
  const url = track?.audioUrl ?? null;
  useEffect(() => {
    if (!id || !url) return;
    let cancelled = false;
    setState({ id, value: { status: 'loading' } });
    loadWaveform(id, url).then(
      (waveform) => !cancelled && setState({ id, value: waveform ? { status: 'ready', waveform } : { status: 'unavailable' } }),
      () => !cancelled && setState({ id, value: { status: 'unavailable' } }),
    );
    return () => {
      cancelled = true;
    };
  }, [id, url]);
  if (!id) return { status: 'none' };
  return state.id === id ? state.value : { status: 'loading' };
}

// Numbers the UI shares with the engine, without loading the engine.

/** Tempo fader range: ±8 %. */
export const TEMPO_RANGE = 0.08;

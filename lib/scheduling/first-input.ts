// The first time the person touches the page (pointer down or a key): what waits for engagement
// (the player's AudioContext, the install hint) starts in that task, never during start-up.

const FIRST_INPUT = ['pointerdown', 'keydown'] as const;
const LISTEN = { capture: true, passive: true } as const;

/** Runs `callback` once, at the first pointerdown or keydown on the page; returns a cancel. */
export function onFirstInput(callback: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const stop = () => {
    for (const type of FIRST_INPUT) window.removeEventListener(type, handle, LISTEN);
  };
  function handle() {
    stop();
    callback();
  }
  for (const type of FIRST_INPUT) window.addEventListener(type, handle, LISTEN);
  return stop;
}

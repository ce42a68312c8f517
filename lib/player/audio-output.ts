// The console's one AudioContext, and the iPad rules around it: created or resumed inside a tap,
// resumed again on return from background, and the audio session declared as "playback" (plays
// with the silent switch on, like a music app). Small and always loaded: a tap must reach it
// synchronously, before any lazily loaded code.

interface AudioSessionNavigator {
  audioSession?: { type: string };
}

let context: AudioContext | null = null;
let watching = false;

type AudioContextConstructor = typeof AudioContext;

function contextClass(): AudioContextConstructor | null {
  if (typeof window === 'undefined') return null;
  const w = window as unknown as { AudioContext?: AudioContextConstructor; webkitAudioContext?: AudioContextConstructor };
  return w.AudioContext ?? w.webkitAudioContext ?? null;
}

/** The shared context, created on first use (suspended until a tap resumes it). Null without Web Audio. */
export function audioContext(): AudioContext | null {
  if (context && context.state !== 'closed') return context;
  const Class = contextClass();
  if (!Class) return null;
  try {
    context = new Class({ latencyHint: 'playback' });
  } catch {
    return null;
  }
  watchLifecycle();
  return context;
}

function declarePlaybackSession(): void {
  const session = (navigator as Navigator & AudioSessionNavigator).audioSession;
  if (session && session.type !== 'playback') {
    try {
      session.type = 'playback';
    } catch {
      // Read-only or refused in this browser: the default session still plays.
    }
  }
}

/** Call synchronously inside a user gesture (tap, click, key): the only moment iPad lets audio start. */
export function unlockAudioOutput(): AudioContext | null {
  if (typeof window === 'undefined') return null;
  declarePlaybackSession();
  const ctx = audioContext();
  if (ctx && ctx.state !== 'running') void ctx.resume().catch(() => undefined);
  return ctx;
}

/** iPadOS suspends ("interrupted") the context in the background; resume it when the console returns. */
function watchLifecycle(): void {
  if (watching || typeof document === 'undefined') return;
  watching = true;
  const resume = () => {
    if (document.visibilityState !== 'visible' || !context || context.state === 'running' || context.state === 'closed') return;
    void context.resume().catch(() => undefined);
  };
  document.addEventListener('visibilitychange', resume);
  window.addEventListener('pageshow', resume);
  window.addEventListener('focus', resume);
}

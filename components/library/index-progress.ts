// The search index's build progress as a tiny store: only the "Indexing…" bar subscribes to it, so
// a progress tick re-renders that bar, not the library view and its list.

/** Progress moves by at least this much before subscribers hear of it (about 20 updates a build). */
const STEP = 0.05;

export interface IndexProgress {
  /** 0..1 while a build runs, 1 otherwise. */
  get: () => number;
  subscribe: (listener: () => void) => () => void;
}

export interface IndexProgressWriter extends IndexProgress {
  set: (progress: number) => void;
}

export function createIndexProgress(initial = 0): IndexProgressWriter {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    set(progress) {
      const restart = progress < value;
      if (!restart && progress < 1 && progress - value < STEP) return;
      if (progress === value) return;
      value = progress;
      for (const listener of listeners) listener();
    },
  };
}

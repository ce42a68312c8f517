import type { CounterReading } from './policy';

/** Where attempt counters live: fixed windows, each hit atomic. */
export interface CounterStore {
  hit(hits: { key: string; windowSeconds: number }[]): Promise<CounterReading[]>;
  settle(change: { clear: string[]; refund: string[] }): Promise<void>;
}

/**
 * The same counters in this process's memory: used only against a hosted app configured without
 * BASE44_CONSOLE_KEY (one console instance is then still protected; several are not), and by tests.
 */
export function memoryCounterStore(now: () => number = Date.now, maxKeys = 50_000): CounterStore {
  const counters = new Map<string, { count: number; resetsAt: number }>();
  return {
    async hit(hits) {
      const at = now();
      return hits.map(({ key, windowSeconds }) => {
        const known = counters.get(key);
        const next = known && known.resetsAt > at ? { count: known.count + 1, resetsAt: known.resetsAt } : { count: 1, resetsAt: at + windowSeconds * 1000 };
        counters.delete(key);
        counters.set(key, next);
        if (counters.size > maxKeys) counters.delete(counters.keys().next().value!);
        return { key, ...next };
      });
    },
    async settle({ clear, refund }) {
      for (const key of clear) counters.delete(key);
      for (const key of refund) {
        const known = counters.get(key);
        if (known && known.resetsAt > now()) known.count = Math.max(0, known.count - 1);
      }
    },
  };
}

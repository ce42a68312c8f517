import 'server-only';
import { hasThrottleFunction, hitCounters, settleCounters } from '@/lib/base44';
import { memoryCounterStore, type CounterStore } from './counters';

const INSTANCE = Symbol.for('spynners.auth.throttleCounters');
type Holder = { [INSTANCE]?: CounterStore };

/** The data source's counters (its authThrottle function), seen by every console instance. */
const dataSourceCounters: CounterStore = { hit: hitCounters, settle: settleCounters };

export function throttleCounters(): CounterStore {
  const holder = globalThis as Holder;
  if (!holder[INSTANCE]) {
    if (hasThrottleFunction()) holder[INSTANCE] = dataSourceCounters;
    else {
      console.warn(
        '[auth] BASE44_CONSOLE_KEY is not set: sign-in throttling counts in this process only. ' +
          'Deploy the authThrottle function and set the key when several console instances run.',
      );
      holder[INSTANCE] = memoryCounterStore();
    }
  }
  return holder[INSTANCE];
}

import { describe, expect, it } from 'vitest';
import { nextTask } from '@/lib/player/next-task';

// Node delivers a MessagePort message through libuv: not ordered against a 0 ms timer.
const aTaskLater = () => new Promise((resolve) => setTimeout(resolve, 25));

describe('nextTask', () => {
  it('runs the work once, in a later task, however often it was scheduled', async () => {
    let runs = 0;
    const later = nextTask(() => (runs += 1));
    later.schedule();
    later.schedule();
    await Promise.resolve(); // not a microtask: another task
    expect(runs).toBe(0);
    await aTaskLater();
    expect(runs).toBe(1);
    later.schedule();
    await aTaskLater();
    expect(runs).toBe(2);
    later.dispose();
  });

  it('flush runs pending work now, and only once', async () => {
    let runs = 0;
    const later = nextTask(() => (runs += 1));
    later.flush();
    expect(runs).toBe(0);
    later.schedule();
    later.flush();
    expect(runs).toBe(1);
    await aTaskLater();
    expect(runs).toBe(1);
    later.dispose();
  });

  it('dispose drops pending work', async () => {
    let runs = 0;
    const later = nextTask(() => (runs += 1));
    later.schedule();
    later.dispose();
    await aTaskLater();
    expect(runs).toBe(0);
  });
});

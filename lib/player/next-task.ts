// Runs `work` once in a task of its own after any number of `schedule()` calls in the current one
// (a MessageChannel message: not clamped like setTimeout). `flush()` runs pending work now.

export interface NextTask {
  schedule(): void;
  flush(): void;
  dispose(): void;
}

export function nextTask(work: () => void): NextTask {
  let pending = false;
  let channel: MessageChannel | null = null;
  const flush = () => {
    if (!pending) return;
    pending = false;
    work();
  };
  return {
    schedule() {
      if (pending) return;
      pending = true;
      if (typeof MessageChannel === 'undefined') return flush();
      if (!channel) {
        channel = new MessageChannel();
        channel.port1.onmessage = flush;
      }
      channel.port2.postMessage(null);
    },
    flush,
    dispose() {
      pending = false;
      channel?.port1.close();
      channel = null;
    },
  };
}

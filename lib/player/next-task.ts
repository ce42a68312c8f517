// Runs `work` once in a task of its own after any number of `schedule()` calls in the current one
// (a MessageChannel message: not clamped like setTimeout). `flush()` runs pending work now.

export interface NextTask {
  schedule(): void;
  flush(): void;
  dispose(): void;
}

export function nextTask(work: () => void): NextTask {
  let pending = false;
  let port: MessagePort | null = null;
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
      if (!port) {
        channel = new MessageChannel();
        channel.port1.onmessage = flush;
        port = channel.port2;
      }
      port.postMessage(null);
    },
    flush,
    dispose() {
      pending = false;
      channel?.port1.close();
      channel = null;
      port = null;
    },
  };
}

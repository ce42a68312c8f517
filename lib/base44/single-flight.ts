// Identical concurrent reads share one upstream call. The call runs with its own signal, aborted
// only when every caller waiting on it has gone, so one DJ closing a tab does not fail the others.

interface Flight {
  key: string;
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

export class SingleFlight {
  private readonly flights = new Map<string, Flight>();

  run<T>(key: string, work: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    let flight = this.flights.get(key);
    if (!flight) {
      const controller = new AbortController();
      const promise = work(controller.signal).finally(() => {
        if (this.flights.get(key) === flight) this.flights.delete(key);
      });
      promise.catch(() => undefined); // a flight all callers left still settles
      flight = { key, promise, controller, waiters: 0 };
      this.flights.set(key, flight);
    }
    return this.wait(flight, signal) as Promise<T>;
  }

  private wait(flight: Flight, signal: AbortSignal | undefined): Promise<unknown> {
    flight.waiters++;
    if (!signal) return flight.promise;
    return new Promise((resolve, reject) => {
      const leave = () => {
        reject(signal.reason);
        if (--flight.waiters > 0) return;
        // Nobody wants the answer any more: stop the call, and let later callers start afresh.
        if (this.flights.get(flight.key) === flight) this.flights.delete(flight.key);
        flight.controller.abort(signal.reason);
      };
      signal.addEventListener('abort', leave, { once: true });
      flight.promise.then(
        (value) => {
          signal.removeEventListener('abort', leave);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', leave);
          reject(error);
        },
      );
    });
  }
}

// Scripts of the console's own Web Workers (the waveform worker), answered by this service worker.
// A worker's `self.location` is the URL of the response it was started from. A cached Response
// carries the URL it was fetched from, without the `#params=…` fragment Turbopack's worker
// bootstrap reads its chunk list from, so a worker started from the precache threw "Missing worker
// bootstrap config" and the console fell back to computing waveforms on the main thread (every
// controlled page: the installed app, offline or not). A Response built here has no URL of its
// own: the worker then keeps the URL it was created with, fragment included.

/** A same-origin /_next/static script requested to start a (shared) worker. */
export const isWorkerScriptRequest = (request: Request, url: URL, origin: string) =>
  request.method === 'GET' &&
  (request.destination === 'worker' || request.destination === 'sharedworker') &&
  url.origin === origin &&
  url.pathname.startsWith('/_next/static/');

/** The same status, headers and body, with no response URL. */
export function withoutResponseUrl(response: Response): Response {
  if (response.type === 'opaque' || response.type === 'error') return response;
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

// A cached or fetched Response copied into one built by the worker: same status, headers and body,
// but no URL of its own (lib/sw/worker-script.ts needs that) and none of what the cache kept beside
// the body, such as Chrome's code cache (lib/sw/page-script.ts needs that).
export function rebuiltResponse(response: Response): Response {
  if (response.type === 'opaque' || response.type === 'error') return response;
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

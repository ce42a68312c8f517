// A path that is not valid percent-encoding (`/api/tracks/%FF%FE`) makes Next throw while it decodes
// the route's params, before any handler runs, and answer a bare 500. It is refused here with 400,
// in the console's error shape for API paths.

export function isDecodablePath(url) {
  const pathname = url.split('?', 1)[0] ?? '';
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** Answers 400 and returns true when the request's path cannot be decoded. */
export function refuseMalformedPath(req, res) {
  const url = req.url ?? '/';
  if (isDecodablePath(url)) return false;
  const api = url.startsWith('/api/');
  const body = api
    ? JSON.stringify({ error: { code: 'invalid_input', message: 'Invalid path', issues: [{ path: 'path', message: 'The path is not valid percent-encoding' }] } })
    : 'Bad Request: the path is not valid percent-encoding';
  res.writeHead(400, {
    'Content-Type': api ? 'application/json' : 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'private, no-store',
  });
  res.end(body);
  return true;
}

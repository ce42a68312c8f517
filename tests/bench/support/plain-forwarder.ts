// A reference point for the proxy benchmark, not a product part: the least any proxy in front of
// Base44 could do. A bare node:http server, in a process of its own, that sends the same two
// upstream reads as the console for GET /api/tracks and joins their bodies; no framework, session,
// validation, mapping or cache. The console's cost above it is what Next.js and our code add; its
// own cost above "direct" is the extra process hop every proxy pays.
// Run by startPlainForwarder (console-server.ts) with BACKEND_URL, APP_ID, BASE44_TOKEN, PORT.
import http from 'node:http';
import { Agent, request } from 'undici';
import { trackListParams } from '../../../lib/base44/track-filter';
import { trackListQuerySchema } from '../../../lib/domain/track-query';
import { trackReadUrls } from './track-reads';

const env = (name: string) => process.env[name] ?? (() => { throw new Error(`${name} is required`); })();
const base = `${env('BACKEND_URL')}/api/apps/${env('APP_ID')}/entities/Track`;
const headers = { authorization: `Bearer ${env('BASE44_TOKEN')}`, 'x-app-id': env('APP_ID'), accept: 'application/json' };
const dispatcher = new Agent({ keepAliveTimeout: 30_000 });

async function readJson(url: string): Promise<unknown> {
  const answer = await request(url, { headers, dispatcher });
  if (answer.statusCode !== 200) throw new Error(`backend answered ${answer.statusCode}`);
  return answer.body.json();
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://forwarder');
    const query = trackListQuerySchema.parse(Object.fromEntries(url.searchParams));
    const urls = trackReadUrls(base, trackListParams(query));
    const [items, count] = await Promise.all([readJson(urls.list), readJson(urls.count)]);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ items, total: (count as { count: number }).count, page: query.page, pageSize: query.pageSize }));
  } catch (error) {
    res.statusCode = 502;
    res.end(String(error));
  }
});
server.listen(Number(env('PORT')), '127.0.0.1');

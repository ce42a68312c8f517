import { serveFile } from '../files/serve-file';
import { receiveUpload } from '../files/receive-upload';
import { jsonResponse } from '../http/errors';
import type { Route } from '../http/router';
import type { Services } from '../services';

export function fileRoutes({ files, maxUploadBytes }: Services): Route[] {
  return [
    {
      // POST /integration-endpoints/Core/UploadFile - multipart `file` → {file_url}
      method: 'POST',
      pattern: '/integration-endpoints/Core/UploadFile',
      access: 'session',
      async handle({ request }) {
        const stored = await receiveUpload(request, files, maxUploadBytes);
        return jsonResponse({ file_url: files.urlOf(stored.name) });
      },
    },
    {
      // GET (and HEAD) /files/:name - public, as Base44 file URLs are; names are unguessable
      method: 'GET',
      pattern: '/files/:name',
      access: 'public',
      handle: ({ request, params }) => serveFile(request, files, params.name ?? ''),
    },
  ];
}

import { BACKEND_FUNCTIONS } from '../functions/registry';
import { readJsonBody } from '../http/body';
import { jsonResponse, notFound } from '../http/errors';
import type { Route } from '../http/router';
import type { Services } from '../services';

export function functionRoutes(services: Services): Route[] {
  return [
    {
      // POST /functions/:name - the app's server functions (rateTrack, unlockVipTrack, recordSession), JSON in and out
      method: 'POST',
      pattern: '/functions/:name',
      access: 'session',
      async handle({ params, request, actor }) {
        const run = BACKEND_FUNCTIONS.get(params.name ?? '');
        if (!run) throw notFound(`No function ${(params.name ?? '').slice(0, 80)}`);
        return jsonResponse(run(services, actor, await readJsonBody(request)));
      },
    },
  ];
}

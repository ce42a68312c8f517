import { route } from '@/lib/api/route';

// HEAD /api/health - reachability probe for lib/offline/connectivity.ts. PUBLIC on purpose: it
// answers 204 with no body and no data to anyone, signed in or not, so the console can tell "the
// server is reachable" apart from "the session is over". HEAD only: there is nothing to GET.
export const HEAD = route({ access: 'public' }, async () =>
  new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } }),
);

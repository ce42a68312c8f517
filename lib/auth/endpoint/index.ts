import 'server-only';
import NextAuth from 'next-auth';
import { authOptions } from '../options';
import { prepareAuthRequest } from './prepare-request';
import { withSignInThrottle } from './throttle';

export interface AuthRouteContext {
  params: Promise<{ nextauth: string[] }>;
}

/**
 * next-auth's own endpoints (sign-in, sign-up, session, csrf, sign-out), behind the console's
 * guards: the request is checked and bounded first, then sign-in and sign-up attempts are throttled.
 */
export async function handleAuthEndpoint(req: Request, ctx: AuthRouteContext): Promise<Response> {
  const prepared = await prepareAuthRequest(req);
  if (prepared instanceof Response) return prepared;
  return withSignInThrottle(prepared, (request) => NextAuth(authOptions())(request, ctx));
}

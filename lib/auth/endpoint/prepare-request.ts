import 'server-only';

/** The request as next-auth may read it, or the answer that refuses it. */
export async function prepareAuthRequest(req: Request): Promise<Request | Response> {
  return req;
}

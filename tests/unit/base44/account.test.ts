import { afterEach, describe, expect, it } from 'vitest';
import { createBase44 } from '@/lib/base44/base44';
import { json, startFakeUpstream, wireUser, type FakeHandler } from './support/fake-upstream';

let upstream: Awaited<ReturnType<typeof startFakeUpstream>> | undefined;
afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

async function connect(handler: FakeHandler) {
  upstream = await startFakeUpstream(handler);
  return { base44: createBase44({ serverUrl: upstream.url, appId: 'app', timeoutMs: 2_000 }), hits: upstream.hits };
}

const input = { email: 'new@example.com', password: 'pw-12345678', fullName: 'New One', userType: 'label' as const };
const route = (method: string, url: URL) => `${method} ${url.pathname.replace('/api/apps/app', '')}`;

describe('register', () => {
  it('sends snake_case fields and signs in when the answer carries no token', async () => {
    const { base44, hits } = await connect((hit, res) => {
      if (hit.url.pathname.endsWith('/auth/register')) return json(res, 201, wireUser({ email: input.email }));
      json(res, 200, { access_token: 'tok', user: wireUser({ email: input.email, user_type: 'label' }) });
    });
    const session = await base44.register(input);
    expect(session).toMatchObject({ accessToken: 'tok', user: { email: input.email, userType: 'label' } });
    expect(hits.map((h) => route(h.method, h.url))).toEqual(['POST /auth/register', 'POST /auth/login']);
    expect(JSON.parse(hits[0]!.body)).toEqual({
      email: input.email, password: input.password, full_name: 'New One', user_type: 'label',
    });
  });

  it('reads the member with the new token when the answer has a token but no user', async () => {
    const { base44, hits } = await connect((hit, res) =>
      hit.method === 'POST' ? json(res, 201, { access_token: 'tok' }) : json(res, 200, wireUser()),
    );
    await expect(base44.register({ ...input, artistName: 'Label X' })).resolves.toMatchObject({ accessToken: 'tok' });
    expect(hits.map((h) => route(h.method, h.url))).toEqual(['POST /auth/register', 'GET /entities/User/me']);
    expect(hits[1]!.headers.authorization).toBe('Bearer tok');
    expect(JSON.parse(hits[0]!.body).artist_name).toBe('Label X');
  });
});

describe('updateMe', () => {
  it('sends only the changed fields, in the wire names', async () => {
    const { base44, hits } = await connect((_, res) => json(res, 200, wireUser({ soundcloud: 'https://sc/me' })));
    const user = await base44.updateMe('tok', { soundcloudUrl: 'https://sc/me', artistName: null, preferredGenres: ['Techno'] });
    expect(user.soundcloudUrl).toBe('https://sc/me');
    expect(route(hits[0]!.method, hits[0]!.url)).toBe('PUT /entities/User/me');
    expect(JSON.parse(hits[0]!.body)).toEqual({ soundcloud: 'https://sc/me', artist_name: null, preferred_genres: ['Techno'] });
  });
});

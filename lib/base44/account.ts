// Sign-in, sign-up and the member's own profile. Per-user data: never cached, never shared.
import type { ProfilePatch } from '@/lib/domain/profile';
import type { UserType } from '@/lib/domain/enums';
import type { User } from '@/lib/domain/types';
import { avatarFor } from './avatars';
import type { Base44Client } from './client';
import { profilePatchToWire, registrationSchema, sessionSchema, userRecordSchema } from './users';

export interface CallOptions {
  signal?: AbortSignal;
}

export interface Session {
  accessToken: string;
  user: User;
}

export interface Registration {
  email: string;
  password: string;
  fullName: string;
  userType: UserType;
  artistName?: string;
}

const WRONG_CREDENTIALS = 'Wrong email or password';

export function accountVerbs(client: Base44Client) {
  /** The user with an avatar URL the browser can load (see avatars.ts). */
  async function present(user: User): Promise<User> {
    const origin = new URL(await client.transport.apiBase()).origin;
    return { ...user, avatarUrl: avatarFor(user.id, user.avatarUrl, origin).url };
  }

  async function login(email: string, password: string, options: CallOptions = {}): Promise<Session> {
    const session = await client.request({
      method: 'POST',
      path: '/auth/login',
      body: { email, password },
      schema: sessionSchema,
      signal: options.signal,
      messages: { unauthorized: WRONG_CREDENTIALS, bad_request: WRONG_CREDENTIALS },
    });
    return { accessToken: session.access_token, user: await present(session.user) };
  }

  async function register(input: Registration, options: CallOptions = {}): Promise<Session> {
    const answer = await client.request({
      method: 'POST',
      path: '/auth/register',
      body: {
        email: input.email,
        password: input.password,
        full_name: input.fullName,
        user_type: input.userType,
        ...(input.artistName && { artist_name: input.artistName }),
      },
      schema: registrationSchema,
      signal: options.signal,
      messages: { conflict: 'An account with this email already exists' },
    });
    // Some deployments sign the new member in at once, others only create the account.
    if (!answer.access_token) return login(input.email, input.password, options);
    const user = userRecordSchema.safeParse(answer.user);
    if (user.success) return { accessToken: answer.access_token, user: await present(user.data) };
    return { accessToken: answer.access_token, user: await getMe(answer.access_token, options) };
  }

  async function getMe(token: string, options: CallOptions = {}): Promise<User> {
    const user = await client.request({
      method: 'GET',
      path: '/entities/User/me',
      token,
      schema: userRecordSchema,
      signal: options.signal,
    });
    return present(user);
  }

  async function updateMe(token: string, patch: ProfilePatch, options: CallOptions = {}): Promise<User> {
    const changes = profilePatchToWire(patch);
    if (Object.keys(changes).length === 0) return getMe(token, options);
    const user = await client.request({
      method: 'PUT',
      path: '/entities/User/me',
      token,
      body: changes,
      schema: userRecordSchema,
      signal: options.signal,
    });
    return present(user);
  }

  return { login, register, getMe, updateMe };
}

export type AccountVerbs = ReturnType<typeof accountVerbs>;

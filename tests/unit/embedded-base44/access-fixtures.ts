import { expect } from 'vitest';
import { startTestBackend, type TestBackend } from './support';

export type Who = 'anonymous' | 'dj' | 'producer' | 'stranger' | 'moderator' | 'admin';
export const SIGNED_IN: Who[] = ['dj', 'producer', 'stranger', 'moderator', 'admin'];
export const EVERYONE: Who[] = ['anonymous', ...SIGNED_IN];
export const EMAILS: Record<Exclude<Who, 'anonymous'>, string> = {
  dj: 'dj@spynners.local',
  producer: 'producer@spynners.local',
  stranger: 'producer2@spynners.local',
  moderator: 'moderator@spynners.local',
  admin: 'admin@spynners.local',
};

export interface AccessWorld {
  readonly api: TestBackend;
  readonly token: Partial<Record<Who, string>>;
  readonly userId: Partial<Record<Who, string>>;
  /** One record of each kind, owned by the demo DJ or the demo producer. */
  readonly fixture: Record<string, { entity: string; id: string }>;
  as(who: Who, method: string, route: string, body?: unknown): ReturnType<TestBackend['call']>;
  /** Creates a record as the admin (who may set any owner) and returns its id. */
  make(entity: string, fields: Record<string, unknown>): Promise<string>;
  /** Replaces the placeholders DJ and PRODUCER in a record with those users' ids. */
  withIds<T>(fields: T): T;
}

/** Signed-in callers of every role and a record of every entity for the access-rule tests. */
export async function startAccessWorld(): Promise<AccessWorld> {
  const api = await startTestBackend();
  const token: AccessWorld['token'] = {};
  const userId: AccessWorld['userId'] = {};
  const fixture: AccessWorld['fixture'] = {};
  const as: AccessWorld['as'] = (who, method, route, body) => api.call(method, route, { token: token[who], body });
  const make: AccessWorld['make'] = async (entity, fields) => {
    const answer = await as('admin', 'POST', `/entities/${entity}`, fields);
    expect(answer.status, JSON.stringify(answer.json)).toBe(201);
    return answer.json.id;
  };
  for (const who of SIGNED_IN) {
    token[who] = await api.login(EMAILS[who as keyof typeof EMAILS]);
    userId[who] = (await as(who, 'GET', '/entities/User/me')).json.id;
  }
  const [dj, producer] = [userId.dj, userId.producer];
  const add = async (key: string, entity: string, fields: Record<string, unknown>) => {
    fixture[key] = { entity, id: await make(entity, fields) };
  };
  await add('approvedTrack', 'Track', { title: 'Out', producer_id: producer, status: 'approved' });
  await add('pendingTrack', 'Track', { title: 'Soon', producer_id: producer, status: 'pending' });
  await add('publicPlaylist', 'Playlist', { name: 'Public', user_id: dj, is_public: true });
  await add('privatePlaylist', 'Playlist', { name: 'Private', user_id: dj, is_public: false });
  await add('message', 'Message', { sender_id: dj, receiver_id: producer, content: 'hi', read: false });
  await add('trackSend', 'TrackSend', { sender_id: producer, receiver_id: dj, track_id: fixture.approvedTrack!.id, viewed: false });
  await add('notification', 'Notification', { user_id: producer, type: 'track_played', read: false });
  await add('purchase', 'VIPPurchase', { user_id: dj, track_id: fixture.approvedTrack!.id, amount: 1 });
  await add('mix', 'SessionMix', { dj_id: dj, venue: 'Club' });
  await add('sessionTrack', 'SessionTrack', { dj_id: dj, producer_id: producer, track_id: fixture.approvedTrack!.id, venue: 'Club' });
  fixture.producerUser = { entity: 'User', id: producer! };
  const withIds = <T,>(fields: T): T =>
    JSON.parse(JSON.stringify(fields).replaceAll('PRODUCER', producer!).replaceAll('DJ', dj!)) as T;
  return { api, token, userId, fixture, as, make, withIds };
}

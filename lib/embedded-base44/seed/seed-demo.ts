import { hashPassword } from '../auth/passwords';
import type { Services } from '../services';
import type { EntityRecord } from '../store/entity-store';
import { newRecord } from '../store/records';
import type { DemoSeedOptions } from '../types';
import { coverImage } from './cover-image';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isProducer } from './demo-accounts';
import { planCatalogue } from './demo-catalogue';
import { planDemoSets } from './demo-sets';
import { planSocialRecords } from './demo-social';
import { buildTrack } from './demo-tracks';
import { Prng } from './prng';

export const DEFAULT_DEMO_TRACKS = 48;
const SEED = 0x5eed2025;

/**
 * Fills an empty database with the demo accounts, catalogue and activity. Everything comes from
 * one seeded generator, so every first start produces the same data; nothing is downloaded.
 */
export async function seedDemoData(services: Services, options: DemoSeedOptions = {}): Promise<boolean> {
  const { store, files } = services;
  if (!store.isEmpty('User')) return false;
  const random = new Prng(SEED);
  const drawnUsers = DEMO_ACCOUNTS.map((account, i) => {
    const now = new Date(Date.parse('2025-01-15T10:00:00.000Z') + i * 86_400_000).toISOString();
    const id = random.id(now);
    return { account, now, id, avatar: coverImage(account.artist_name, account.user_type, random) };
  });
  const users: EntityRecord[] = [];
  for (const { account, now, id, avatar } of drawnUsers) {
    const { bytes, extension, contentType } = await avatar;
    const { email, ...profile } = account;
    const avatarUrl = files.writeWhole(`avatar-${id}.${extension}`, bytes, contentType);
    users.push(newRecord({ ...profile, email, avatar_url: avatarUrl, preferred_genres: [...account.preferred_genres] }, { id, email }, { id, now }));
  }
  // Hashing runs on libuv's thread pool while this thread encodes audio.
  const hashing = Promise.all(users.map(() => hashPassword(DEMO_PASSWORD)));
  hashing.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
  const producers = users.filter((_, i) => isProducer(DEMO_ACCOUNTS[i]!));
  const plans = planCatalogue(options.trackCount ?? DEFAULT_DEMO_TRACKS, producers.length, random);
  const tracks: EntityRecord[] = [];
  for (const plan of plans) tracks.push(await buildTrack(plan, producers[plan.producerIndex]!, files, random));
  const [dj, producer] = [users[0]!, users[1]!];
  const social = [...planSocialRecords(dj, producer, tracks, random), ...planDemoSets(dj, producers, tracks, random)];
  const hashes = await hashing;

  return store.transaction(() => {
    // Another process sharing the data folder may have seeded meanwhile.
    if (!store.isEmpty('User')) return false;
    users.forEach((user, i) => {
      store.insert('User', user);
      store.setPasswordHash(user.id, hashes[i]!);
    });
    for (const track of tracks) store.insert('Track', track);
    for (const { entity, record } of social) store.insert(entity, record);
    return true;
  });
}

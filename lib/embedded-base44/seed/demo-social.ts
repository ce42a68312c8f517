import type { EntityName } from '../entities/definitions';
import type { EntityRecord } from '../store/entity-store';
import { newRecord } from '../store/records';
import type { Prng } from './prng';

export type SeedRecord = { entity: EntityName; record: EntityRecord };

/**
 * Playlists, a conversation, a track send, two DJ sets with the tracks played in them, the
 * producer's "track played" notifications and one VIP unlock: the demo DJ and the demo producer
 * each have something in every screen.
 */
export function planSocialRecords(
  dj: EntityRecord,
  producer: EntityRecord,
  tracks: readonly EntityRecord[],
  random: Prng,
): SeedRecord[] {
  const out: SeedRecord[] = [];
  let clock = Date.parse('2025-09-01T18:00:00.000Z');
  const add = (entity: EntityName, author: EntityRecord, fields: Record<string, unknown>) => {
    clock += 37 * 60 * 1000;
    const now = new Date(clock).toISOString();
    const record = newRecord(fields, { id: author.id, email: String(author.email) }, { id: random.id(now), now });
    out.push({ entity, record });
    return record;
  };
  const approved = tracks.filter((t) => t.status === 'approved');
  const mine = approved.filter((t) => t.producer_id === producer.id);
  const ids = (list: readonly EntityRecord[]) => list.map((t) => t.id);

  add('Playlist', dj, { name: 'Peak time selection', user_id: dj.id, is_public: true, track_ids: ids(approved.filter((t) => Number(t.bpm) >= 124 && Number(t.bpm) <= 132).slice(0, 8)) });
  add('Playlist', dj, { name: 'Warm-up ideas', user_id: dj.id, is_public: false, track_ids: ids(approved.filter((t) => Number(t.bpm) < 122).slice(0, 6)) });
  add('Playlist', producer, { name: `${producer.artist_name} – catalogue`, user_id: producer.id, is_public: true, track_ids: ids(mine) });

  const sent = mine[0] ?? approved[0];
  if (sent) {
    add('Message', producer, { sender_id: producer.id, sender_name: producer.artist_name, receiver_id: dj.id, content: `Hi! I just sent you "${sent.title}", would love your feedback.`, read: true });
    add('Message', dj, { sender_id: dj.id, sender_name: dj.artist_name, receiver_id: producer.id, content: 'Thanks, it is in my peak-time folder already.', read: false });
    add('TrackSend', producer, { track_id: sent.id, track_title: sent.title, sender_id: producer.id, sender_name: producer.artist_name, receiver_id: dj.id, receiver_name: dj.artist_name, message: 'Fresh out of the studio.', viewed: false });
    add('Notification', producer, { user_id: dj.id, type: 'track_received', title: 'New track received', message: `${producer.artist_name} sent you "${sent.title}"`, read: false, track_id: sent.id, sender_id: producer.id });
  }

  const venues = [
    { venue: 'Club Orbit', city: 'Lyon', country: 'France' },
    { venue: 'Warehouse 9', city: 'Brussels', country: 'Belgium' },
  ];
  venues.forEach((place, setIndex) => {
    const played = [...mine.slice(setIndex * 2, setIndex * 2 + 2), ...approved.filter((t) => t.producer_id !== producer.id).slice(setIndex * 2, setIndex * 2 + 2)];
    const started = new Date(Date.parse('2025-09-05T22:00:00.000Z') + setIndex * 7 * 86_400_000);
    const mix = add('SessionMix', dj, {
      dj_id: dj.id, dj_name: dj.artist_name, ...place, started_at: started.toISOString(),
      ended_at: new Date(started.getTime() + 2 * 3600_000).toISOString(), tracks_count: played.length,
      diamond_awarded: true, black_diamonds_awarded: 1,
    });
    played.forEach((track, i) => {
      const playedAt = new Date(started.getTime() + (i + 1) * 20 * 60_000).toISOString();
      add('SessionTrack', dj, {
        session_mix_id: mix.id, track_id: track.id, track_title: track.title, track_artist: track.producer_name,
        producer_id: track.producer_id, played_at: playedAt, dj_id: dj.id, dj_name: dj.artist_name, ...place,
      });
      add('Notification', dj, {
        user_id: track.producer_id, type: 'track_played', title: 'Your track was played',
        message: `${dj.artist_name} played "${track.title}" at ${place.venue}, ${place.city}`,
        read: false, track_id: track.id, dj_id: dj.id, dj_name: dj.artist_name, sender_id: dj.id,
      });
    });
  });

  const vip = approved.find((t) => t.is_vip === true);
  if (vip) {
    add('VIPPurchase', dj, { user_id: dj.id, track_id: vip.id, amount: 1, price_paid: 1, type: 'track_unlock', purchased_at: new Date(clock).toISOString() });
  }
  add('Notification', dj, { user_id: dj.id, type: 'system', title: 'Welcome to SPYNNERS', message: 'This is demo data: sign in as dj@, producer@ or admin@spynners.local.', read: false });
  return out;
}

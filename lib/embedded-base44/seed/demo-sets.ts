import type { EntityRecord } from '../store/entity-store';
import { newRecord } from '../store/records';
import type { SeedRecord } from './demo-social';
import type { Prng } from './prng';

const VENUES = [
  { venue: 'Club Orbit', city: 'Lyon', country: 'France' },
  { venue: 'Fabric', city: 'London', country: 'United Kingdom' },
  { venue: 'Tresor', city: 'Berlin', country: 'Germany' },
  { venue: 'De School', city: 'Amsterdam', country: 'Netherlands' },
  { venue: 'Razzmatazz', city: 'Barcelona', country: 'Spain' },
  { venue: 'Warehouse 9', city: 'Brussels', country: 'Belgium' },
];

/** The first set after the two demo-social ones, then one every SET_INTERVAL_DAYS. */
const FIRST_SET = Date.parse('2025-09-26T22:00:00.000Z');
const SET_INTERVAL_DAYS = [8, 5, 12, 6, 9, 7, 10, 4];

/**
 * More of DJ Nova's sets over the autumn, so the producers' statistics (plays per week, where and
 * when) have a history to show: each set plays a few of the demo producer's approved tracks and a
 * couple of the second producer's, and tells each producer, as a delivered set does.
 */
export function planDemoSets(
  dj: EntityRecord,
  producers: readonly EntityRecord[],
  tracks: readonly EntityRecord[],
  random: Prng,
): SeedRecord[] {
  const out: SeedRecord[] = [];
  const approvedOf = (producer: EntityRecord | undefined) =>
    producer ? tracks.filter((t) => t.status === 'approved' && t.producer_id === producer.id) : [];
  const [first, second] = [approvedOf(producers[0]), approvedOf(producers[1])];
  if (first.length === 0) return out;

  let start = FIRST_SET;
  SET_INTERVAL_DAYS.forEach((days, setIndex) => {
    start += days * 86_400_000;
    const place = VENUES[setIndex % VENUES.length]!;
    // The producer's first track is the favourite: in every set. Others come and go.
    const played = [
      first[0]!,
      ...first.slice(1).filter(() => random.chance(0.45)),
      ...second.filter(() => random.chance(0.3)).slice(0, 2),
    ];
    const startedAt = new Date(start);
    const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
    const author = { id: dj.id, email: String(dj.email) };
    const mix = newRecord(
      {
        dj_id: dj.id, dj_name: dj.artist_name, ...place, started_at: startedAt.toISOString(),
        ended_at: at(150), tracks_count: played.length, diamond_awarded: true, black_diamonds_awarded: 1,
      },
      author,
      { id: random.id(at(151)), now: at(151) },
    );
    out.push({ entity: 'SessionMix', record: mix });
    played.forEach((track, i) => {
      const playedAt = at(15 + i * 17);
      out.push({
        entity: 'SessionTrack',
        record: newRecord(
          {
            session_mix_id: mix.id, track_id: track.id, track_title: track.title, track_artist: track.producer_name,
            producer_id: track.producer_id, played_at: playedAt, dj_id: dj.id, dj_name: dj.artist_name, ...place,
          },
          author,
          { id: random.id(at(151)), now: at(151) },
        ),
      });
      out.push({
        entity: 'Notification',
        record: newRecord(
          {
            user_id: track.producer_id, type: 'track_played', title: 'Your track was played',
            message: `${dj.artist_name} played "${track.title}" at ${place.venue}, ${place.city}`,
            read: true, track_id: track.id, dj_id: dj.id, dj_name: dj.artist_name, sender_id: dj.id,
          },
          author,
          { id: random.id(at(151)), now: at(151) },
        ),
      });
    });
  });
  return out;
}

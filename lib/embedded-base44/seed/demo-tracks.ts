import type { FileStore } from '../files/file-store';
import type { EntityRecord } from '../store/entity-store';
import { newRecord } from '../store/records';
import { coverImage } from './cover-image';
import type { TrackPlan } from './demo-catalogue';
import { encodeLoopedMp3 } from './mp3';
import type { Prng } from './prng';
import { synthesizeLoop } from './synth';

const MIN_SECONDS = 30;

/** One demo track: its audio synthesised and encoded, its cover drawn, both stored as files. */
export async function buildTrack(plan: TrackPlan, producer: EntityRecord, files: FileStore, random: Prng): Promise<EntityRecord> {
  const slug = plan.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const artist = String(producer.artist_name);
  const stem = `demo-${String(plan.index).padStart(3, '0')}-${random.hex(12)}-${slug}`;
  // The cover is encoded on sharp's threads while this one encodes the audio.
  const drawing = coverImage(plan.title, artist, random);
  const loop = synthesizeLoop({ bpm: plan.bpm, camelotKey: plan.key, genre: plan.genre, seed: 1000 + plan.index });
  const bpm = Math.round(loop.bpm);
  const audio = await encodeLoopedMp3(loop.samples, MIN_SECONDS, {
    TIT2: plan.title, TPE1: artist, TCON: plan.genre, TBPM: String(bpm),
  });
  const audioUrl = files.writeWhole(`${stem}.mp3`, audio.bytes, 'audio/mpeg');
  const cover = await drawing;
  const artworkUrl = files.writeWhole(`${stem}.${cover.extension}`, cover.bytes, cover.contentType);
  const rejected = plan.status === 'rejected';
  const fields = {
    title: plan.title,
    producer_id: producer.id,
    producer_name: artist,
    collaborators: '',
    genre: plan.genre,
    bpm,
    key: plan.key,
    energy_level: plan.energy_level,
    mood: plan.mood,
    description: `${plan.mood[0]?.toUpperCase()}${plan.mood.slice(1)} ${plan.genre.toLowerCase()} at ${bpm} BPM, in ${plan.key}.`,
    artwork_url: artworkUrl,
    audio_url: audioUrl,
    duration: audio.durationSeconds,
    isrc: `FR-SPY-25-${String(plan.index + 1).padStart(5, '0')}`,
    iswc: null,
    status: plan.status,
    rejection_reason: rejected ? 'Clipping on the master: please re-export with more headroom.' : null,
    rejected_at: rejected ? plan.created_date : null,
    ...plan.stats,
    release_date: plan.created_date.slice(0, 10),
    is_unreleased: plan.index % 3 === 0,
    is_vip: plan.is_vip,
    vip_requested: plan.is_vip,
    vip_preview_start: plan.vipWindow?.[0] ?? null,
    vip_preview_end: plan.vipWindow?.[1] ?? null,
    label_name: plan.label_name,
    rights_confirmed: true,
    free_download_authorized: !plan.is_vip && plan.index % 4 === 1,
  };
  const author = { id: producer.id, email: String(producer.email) };
  return newRecord(fields, author, { id: random.id(plan.created_date), now: plan.created_date });
}

import { describe, expect, it } from 'vitest';
import { signUpSchema } from '@/lib/domain/account';
import { rejectTrackSchema } from '@/lib/domain/admin';
import { newPlaylistSchema } from '@/lib/domain/playlist';
import { profilePatchSchema } from '@/lib/domain/profile';
import { newDjSetSchema } from '@/lib/domain/set-schema';
import { cleanLine, cleanMultiline } from '@/lib/domain/text';
import { trackMetadataPatchSchema } from '@/lib/domain/track-metadata';

const LEGIT = [
  'Élodie Château-Gérard',
  'Ça va, Noël à Besançon',
  'Straße Øresund Ångström Łódź',
  '中文名字 夜店',
  '東京 ナイトクラブ 클럽',
  'Ñoño & Zoë',
  'عمرو دياب',
  'עברית',
  'می‌خواهم', // Persian, with its zero-width non-joiner
  '👩‍🎤 DJ', // ZWJ sequence
  '🏳️‍🌈 Pride Night', // variation selector + ZWJ
  '👨‍👩‍👧‍👦 family set',
  '❤️‍🔥 set',
  '🏴󠁧󠁢󠁳󠁣󠁴󠁿 Glasgow', // tag sequence flag
  '1️⃣ keycap',
  '🇫🇷 Paris',
];

describe('cleanLine keeps ordinary text exactly as typed', () => {
  it.each(LEGIT)('%s', (text) => {
    expect(cleanLine(text)).toBe(text);
    expect(cleanMultiline(text)).toBe(text);
  });
});

describe('cleanLine drops what attackers hide', () => {
  it.each([
    ['NUL', 'DJ\u0000Admin', 'DJAdmin'],
    ['C0 controls', 'a\u0001\u0007\u001b[31mb', 'a[31mb'],
    ['DEL and C1 controls', 'a\u007f\u0085\u009bb', 'ab'],
    ['right-to-left override (extension spoof)', 'track\u202Egpj.exe', 'trackgpj.exe'],
    ['embeddings and pop', '\u202Aa\u202Bb\u202Cc\u202Dd', 'abcd'],
    ['bidi isolates', '\u2066x\u2067y\u2068z\u2069', 'xyz'],
    ['direction marks', 'a\u200Eb\u200Fc\u061Cd', 'abcd'],
    ['zero-width space and word joiner', 'ad\u200Bmin\u2060', 'admin'],
    ['BOM', '\uFEFFSPYNNERS', 'SPYNNERS'],
    ['soft hyphen', 'ad\u00ADmin', 'admin'],
    ['invisible math operators', 'a\u2061\u2062\u2063\u2064b', 'ab'],
    ['Hangul fillers (blank names)', '\u3164\uFFA0\u115F\u1160', ''],
    ['lone surrogates', 'a\uD800b\uDC00c', 'abc'],
    ['stray tag characters', 'a\u{E0041}\u{E0001}b', 'ab'],
    ['interlinear annotation', 'a\uFFF9b\uFFFBc', 'abc'],
  ])('%s', (_, input, expected) => {
    expect(cleanLine(input)).toBe(expected);
  });

  it('turns line breaks and tabs into spaces in one-line fields, keeps them in free text', () => {
    expect(cleanLine('Club\nNight\tParis\r\nLive\u2028x')).toBe('Club Night Paris Live x');
    expect(cleanMultiline('line 1\r\nline 2\rline 3\u2029\tindented\u0000\u202E')).toBe('line 1\nline 2\nline 3\n\tindented');
  });
});

describe('every input schema cleans its text fields', () => {
  it('sign-up names', () => {
    const parsed = signUpSchema.parse({
      email: 'a@b.test', password: 'correct-horse-42', fullName: 'Zoë\u202E\u0000 Ng', artistName: '👩‍🎤\u200B Ana', userType: 'dj', acceptTerms: 'true',
    });
    expect(parsed).toMatchObject({ fullName: 'Zoë Ng', artistName: '👩‍🎤 Ana' });
  });

  it('a name made only of invisible characters is empty, so refused', () => {
    expect(newPlaylistSchema.safeParse({ name: '\u202E\u200B\u0000\u3164' }).success).toBe(false);
    expect(profilePatchSchema.safeParse({ fullName: '\u2066\u2069' }).success).toBe(false);
  });

  it('profile fields, the bio keeping its lines', () => {
    const parsed = profilePatchSchema.parse({ fullName: 'Élodie\u202E', artistName: 'DJ\u0000 É', nationality: 'Fran\u00ADçaise', bio: 'Line 1\r\nLine 2 🏳️‍🌈\u202E' });
    expect(parsed).toEqual({ fullName: 'Élodie', artistName: 'DJ É', nationality: 'Française', bio: 'Line 1\nLine 2 🏳️‍🌈' });
  });

  it('playlist names', () => {
    expect(newPlaylistSchema.parse({ name: '中文\u202E 夜 👩‍🎤' }).name).toBe('中文 夜 👩‍🎤');
  });

  it('DJ set venue, city and country', () => {
    const set = newDjSetSchema.parse({
      djId: 'u1', venue: 'Rex\u202E Club\u0000', city: 'Par\u200Bis', country: 'France\u2066',
      startedAt: '2026-01-01T22:00:00Z', endedAt: '2026-01-02T02:00:00Z', tracks: [],
    });
    expect(set).toMatchObject({ venue: 'Rex Club', city: 'Paris', country: 'France' });
  });

  it('track metadata, the description keeping its lines', () => {
    const patch = trackMetadataPatchSchema.parse({ title: 'Night\u202Egpj.mp3', artist: 'Ana\u0000', mood: 'dark\u200F', description: 'A\nB\u202E', collaborators: 'X\tY' });
    expect(patch).toEqual({ title: 'Nightgpj.mp3', artist: 'Ana', mood: 'dark', description: 'A\nB', collaborators: 'X Y' });
  });

  it('rejection reasons', () => {
    expect(rejectTrackSchema.parse({ reason: 'Clipping\u0000 at 1:32\n\u202Efix it' }).reason).toBe('Clipping at 1:32\nfix it');
  });

  it('passwords are never altered', () => {
    const parsed = signUpSchema.parse({ email: 'a@b.test', password: 'pass\u200Bword\u202E!', fullName: 'A', userType: 'dj', acceptTerms: 'true' });
    expect(parsed.password).toBe('pass\u200Bword\u202E!');
  });
});

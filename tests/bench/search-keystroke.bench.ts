// Library search per keystroke over 50 000 synthetic tracks: the local index (lib/search) versus a
// linear scan (`toLowerCase().includes` over title, artist, label and genre, walking the tracks in
// the same sort order with the same filters) in the same run, interleaved. For reference, the
// same keystrokes through `MiniSearch#search` (relevance scoring and sorting included).
// Goal: index p95 < 16 ms and ≤ 0.2x the scan's p95.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import type { Track } from '../../lib/domain/types';
import { facetPredicate } from '../../lib/search/filters';
import { compareTracks } from '../../lib/search/order';
import { TrackSearchIndex, type LibraryQuery } from '../../lib/search/track-index';
import { keystrokes, syntheticTracks } from '../unit/search/support/synthetic-tracks';
import { formatMs, median, percentile } from './support/stats';

const TRACKS = 50_000;
const ROUNDS = 9;
const QUERIES = ['midnight groove', 'kalo ven', 'deep house', 'warehuose', 'velvet records', 'acid tribe', 'solar bl'];
/** Each keystroke is timed without filters and with a genre + BPM filter, sorted two ways. */
const VARIANTS: Array<Omit<LibraryQuery, 'search'>> = [
  { sort: 'newest' },
  { sort: 'rating', genre: 'Techno', bpmMin: 120, bpmMax: 135 },
];

function linearScan(ordered: readonly Track[], query: LibraryQuery): Track[] {
  const q = (query.search ?? '').trim().toLowerCase();
  const predicate = facetPredicate(query);
  const out: Track[] = [];
  for (const t of ordered) {
    if (predicate && !predicate(t)) continue;
    if (
      !q ||
      t.title.toLowerCase().includes(q) ||
      t.artist.toLowerCase().includes(q) ||
      (t.labelName ?? '').toLowerCase().includes(q) ||
      t.genre.toLowerCase().includes(q)
    ) {
      out.push(t);
    }
  }
  return out;
}

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function main() {
  const tracks = syntheticTracks(TRACKS);
  const buildStart = performance.now();
  const index = new TrackSearchIndex(tracks).indexAll();
  const buildMs = performance.now() - buildStart;
  const sortMs = Object.fromEntries(
    (['newest', 'downloads', 'rating'] as const).map((sort) => [sort, +time(() => index.prepare(sort)).toFixed(1)]),
  );
  // The scan gets its orderings for free (sorted once, outside the timing).
  const ordered = Object.fromEntries(
    (['newest', 'downloads', 'rating'] as const).map((sort) => [sort, [...tracks].sort((a, b) => compareTracks(sort, a, b))]),
  ) as Record<LibraryQuery['sort'], Track[]>;

  const mini = new MiniSearch<Track>({
    fields: ['title', 'artist', 'labelName', 'genre'],
    searchOptions: { prefix: true, fuzzy: (term: string) => (term.length >= 4 ? 0.2 : false), combineWith: 'AND' },
  });
  const miniBuild = time(() => mini.addAll(tracks));

  const strokes = keystrokes(QUERIES);
  const cases = VARIANTS.flatMap((variant) => strokes.map((search) => ({ ...variant, search })));
  const indexSamples: number[] = [];
  const scanSamples: number[] = [];
  const miniSamples: number[] = [];
  const ratios: number[] = [];
  // Warm-up, then rounds alternating which side goes first.
  for (const c of cases) {
    index.search(c);
    linearScan(ordered[c.sort], c);
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    const a: number[] = [];
    const b: number[] = [];
    for (const c of cases) {
      if (round % 2 === 0) {
        a.push(time(() => index.search(c)));
        b.push(time(() => linearScan(ordered[c.sort], c)));
      } else {
        b.push(time(() => linearScan(ordered[c.sort], c)));
        a.push(time(() => index.search(c)));
      }
    }
    indexSamples.push(...a);
    scanSamples.push(...b);
    ratios.push(percentile(a, 95) / percentile(b, 95));
  }
  for (const c of cases.filter((_, i) => i % 3 === 0)) miniSamples.push(time(() => mini.search(c.search)));

  // Sanity: both answer the same question for whole-word queries (the index also matches typos).
  for (const c of [{ sort: 'newest' as const, search: 'velvet' }, { sort: 'rating' as const, search: 'deep', genre: 'Techno' as const }]) {
    const fromScan = new Set(linearScan(ordered[c.sort], c).map((t) => t.id));
    const fromIndex = index.search(c).toArray().filter((t) => fromScan.has(t.id));
    if (fromIndex.length !== fromScan.size) throw new Error(`index misses scan hits for ${JSON.stringify(c)}`);
  }

  const row = (name: string, samples: number[]) => ({
    method: name,
    keystrokes: samples.length,
    p50: formatMs(median(samples)),
    p95: formatMs(percentile(samples, 95)),
    max: formatMs(Math.max(...samples)),
  });
  const p95Ratio = percentile(indexSamples, 95) / percentile(scanSamples, 95);
  console.log(
    `search-keystroke: ${TRACKS} tracks; index built in ${buildMs.toFixed(0)} ms (+ sort orders ${JSON.stringify(sortMs)} ms); ` +
      `MiniSearch#addAll ${miniBuild.toFixed(0)} ms; ${cases.length} keystrokes × ${ROUNDS} rounds`,
  );
  console.table([row('local index (lib/search)', indexSamples), row('linear scan (includes)', scanSamples), row('MiniSearch#search (reference)', miniSamples)]);
  const verdict = percentile(indexSamples, 95) < 16 && p95Ratio <= 0.2 ? 'meets' : 'MISSES';
  console.log(`p95 ratio index/scan: ${p95Ratio.toFixed(3)} (median of per-round ratios ${median(ratios).toFixed(3)}); goal ≤ 0.2 and < 16 ms: ${verdict}`);

  const resultsDir = path.join(__dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    path.join(resultsDir, 'search-keystroke.json'),
    `${JSON.stringify({ date: new Date().toISOString(), tracks: TRACKS, buildMs, sortMs, miniBuildMs: miniBuild, index: { p50: median(indexSamples), p95: percentile(indexSamples, 95) }, scan: { p50: median(scanSamples), p95: percentile(scanSamples, 95) }, minisearch: { p50: median(miniSamples), p95: percentile(miniSamples, 95) }, p95Ratio }, null, 2)}\n`,
  );
}

main();

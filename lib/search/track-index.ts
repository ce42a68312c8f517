// The library's offline search over the cached catalogue: every word of title, artist, label
// and genre goes into MiniSearch's radix tree (`SearchableMap`), which answers prefix and fuzzy
// (Levenshtein) term look-ups; each term holds the catalogue positions it occurs at. The facet
// filters and the sort are applied locally on the indexed tracks.
//
// Why not `MiniSearch#search`: it scores every posting (BM25), builds a result object per hit and
// sorts them by relevance, which the library throws away (it orders by its own sort). On 50 000
// tracks a one-letter prefix took 40-200 ms that way; membership marking over the same radix tree
// answers in well under a millisecond (tests/bench/search-keystroke.bench.ts measures both).
import SearchableMap from 'minisearch/SearchableMap';
import type { TrackSort } from '@/lib/domain/track-query';
import type { Track } from '@/lib/domain/types';
import { facetPredicate, type FacetFilters } from './filters';
import { sortedPositions, sortPositionsInSteps } from './order';
import { normalizeText, tokenize } from './text';

export interface LibraryQuery extends FacetFilters {
  search?: string;
  sort: TrackSort;
}

const FIELD_VALUES: ReadonlyArray<(track: Track) => string | null> = [
  (t) => t.title,
  (t) => t.artist,
  (t) => t.labelName,
  (t) => t.genre,
];
/** Title and artist come first in FIELD_VALUES: words found there rank above label and genre. */
const NAME_FIELDS = 2;

/**
 * A posting is a catalogue position, stored as `~position` (negative) when the term occurs in the
 * track's title or artist: one array per term, and a track's first occurrence decides (names are
 * indexed first).
 */
const positionOf = (posting: number) => (posting < 0 ? ~posting : posting);

/** How well a track answered the text (exact name, name prefix, prefix, typo): shown in this order. */
const TIER_COUNT = 4;

/** Typos are forgiven from four letters on (one edit, two from eight); shorter words match as prefixes only. */
export function maxTypos(term: string): number {
  return term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
}

/** The query's words, as indexed. */
export function queryTerms(search: string | undefined): string[] {
  return tokenize(normalizeText(search ?? ''));
}

/** An answer of the index: positions into the catalogue, read one at a time by the list. */
export class TrackResults {
  constructor(
    private readonly tracks: readonly Track[],
    private readonly positions: Int32Array,
  ) {}

  get length(): number {
    return this.positions.length;
  }

  at(index: number): Track | undefined {
    const position = this.positions[index];
    return position === undefined ? undefined : this.tracks[position];
  }

  toArray(): Track[] {
    return Array.from(this.positions, (position) => this.tracks[position]!);
  }
}

export class TrackSearchIndex {
  /** Catalogue position → track. Copied on write (replace), so earlier answers stay intact. */
  private tracks: Track[];
  private readonly positionById = new Map<string, number>();
  /** term → ascending catalogue positions of the tracks containing it (each at most once). */
  private readonly terms = new SearchableMap<number[]>();
  private readonly orders = new Map<TrackSort, Int32Array>();
  private indexed = 0;
  /**
   * Per position, the number of query words matched so far, offset by a per-search base so the
   * array is never cleared between keystrokes.
   */
  private stamps: Uint32Array;
  /** The same count, of words matched as prefixes only (no typo forgiven), in any field. */
  private prefixStamps: Uint32Array;
  /** ... as prefixes of a title or artist word. */
  private namePrefixStamps: Uint32Array;
  /** ... as whole title or artist words. */
  private exactNameStamps: Uint32Array;
  /** Scratch space for an answer's positions per tier, copied out at the end (one allocation per search). */
  private scratch: Int32Array[];
  private stampBase = 0;
  /** The last text answered, and the stamp its matches carry. */
  private lastText: { text: string; target: number } | null = null;

  constructor(tracks: readonly Track[]) {
    this.tracks = [...tracks];
    this.tracks.forEach((track, position) => this.positionById.set(track.id, position));
    this.stamps = new Uint32Array(this.tracks.length);
    this.prefixStamps = new Uint32Array(this.tracks.length);
    this.namePrefixStamps = new Uint32Array(this.tracks.length);
    this.exactNameStamps = new Uint32Array(this.tracks.length);
    this.scratch = Array.from({ length: TIER_COUNT }, () => new Int32Array(this.tracks.length));
  }

  get size(): number {
    return this.tracks.length;
  }

  get progress(): number {
    return this.tracks.length === 0 ? 1 : this.indexed / this.tracks.length;
  }

  get ready(): boolean {
    return this.indexed === this.tracks.length;
  }

  /** Indexes up to `count` more tracks; returns how many are still to index. */
  indexNext(count: number): number {
    const end = Math.min(this.tracks.length, this.indexed + count);
    for (let position = this.indexed; position < end; position += 1) {
      const track = this.tracks[position]!;
      FIELD_VALUES.forEach((value, field) => {
        const text = value(track);
        if (!text) return;
        for (const term of tokenize(normalizeText(text))) {
          const postings = this.terms.fetch(term, () => []);
          const last = postings[postings.length - 1];
          if (last === undefined || positionOf(last) !== position) postings.push(field < NAME_FIELDS ? ~position : position);
        }
      });
    }
    this.indexed = end;
    return this.tracks.length - end;
  }

  /** Indexes everything now (tests, benchmarks, small catalogues). */
  indexAll(): this {
    this.indexNext(Number.POSITIVE_INFINITY);
    return this;
  }

  has(id: string): boolean {
    return this.positionById.has(id);
  }

  get(id: string): Track | undefined {
    const position = this.positionById.get(id);
    return position === undefined ? undefined : this.tracks[position];
  }

  /**
   * Replaces tracks whose counters changed (a rating, a download) without re-indexing: the text
   * fields of a track never change under the same id here, only the sort orders go stale.
   * Returns false when a track is unknown or its text changed, so the caller rebuilds instead.
   */
  replace(changed: readonly Track[]): boolean {
    for (const track of changed) {
      const position = this.positionById.get(track.id);
      if (position === undefined) return false;
      const old = this.tracks[position]!;
      if (FIELD_VALUES.some((value) => value(old) !== value(track))) return false;
    }
    if (changed.length === 0) return true;
    this.tracks = [...this.tracks];
    for (const track of changed) this.tracks[this.positionById.get(track.id)!] = track;
    this.orders.clear();
    return true;
  }

  /**
   * The tracks matching `query`, in its sort order; with text, in tiers (each in the sort order):
   * every word is a whole word of the title or artist ("aya": Aya Mori), then starts one ("aya":
   * Ayahuasca), then starts a word of any field (the label, the genre), then needed a typo forgiven
   * ("kaya": Kaya Lune's tracks, then Aya Mori's). Requires `ready`.
   */
  search(query: LibraryQuery): TrackResults {
    if (!this.ready) throw new Error('The search index is still being built');
    const target = this.matchText(query.search);
    const predicate = facetPredicate(query);
    const order = this.order(query.sort);
    const { tracks, scratch, stamps, prefixStamps, namePrefixStamps, exactNameStamps } = this;
    // One pass in the sort order, each match into its tier's scratch (hot: no call per position).
    const counts = new Array<number>(TIER_COUNT).fill(0);
    for (let i = 0; i < order.length; i += 1) {
      const position = order[i]!;
      let tier = 0;
      if (target !== null) {
        if (stamps[position] !== target) continue;
        tier = exactNameStamps[position] === target ? 0 : namePrefixStamps[position] === target ? 1 : prefixStamps[position] === target ? 2 : 3;
      }
      if (predicate === null || predicate(tracks[position]!)) scratch[tier]![counts[tier]!++] = position;
    }
    const positions = new Int32Array(counts.reduce((sum, n) => sum + n, 0));
    let offset = 0;
    counts.forEach((n, tier) => {
      positions.set(scratch[tier]!.subarray(0, n), offset);
      offset += n;
    });
    return new TrackResults(tracks, positions);
  }

  /** Computes a sort order ahead of the first search that needs it. */
  prepare(sort: TrackSort): void {
    this.order(sort);
  }

  /** The same as `prepare`, in bounded steps (one per `next()`), for idle-time builds. */
  *prepareInSteps(sort: TrackSort): Generator<void, void, void> {
    if (this.orders.has(sort)) return;
    const tracks = this.tracks;
    const order = yield* sortPositionsInSteps(tracks, sort);
    // A replace() in between made this order stale (and cleared the others): the next search sorts afresh.
    if (this.tracks === tracks) this.orders.set(sort, order);
  }

  private order(sort: TrackSort): Int32Array {
    let order = this.orders.get(sort);
    if (!order) {
      order = sortedPositions(this.tracks, sort);
      this.orders.set(sort, order);
    }
    return order;
  }

  /**
   * Marks the positions matching every word of the text (a word matches a track when one of the
   * track's words starts with it, or is within `maxTypos` edits of it) and returns the stamp they
   * carry; null when there is no text (everything matches).
   */
  private matchText(search: string | undefined): number | null {
    const words = queryTerms(search);
    if (words.length === 0) return null;
    const text = words.join(' ');
    if (this.lastText?.text === text) return this.lastText.target;
    if (this.stampBase + words.length + 1 >= 0xffffffff) {
      for (const marks of [this.stamps, this.prefixStamps, this.namePrefixStamps, this.exactNameStamps]) marks.fill(0);
      this.stampBase = 0;
    }
    const base = this.stampBase + 1;
    this.stampBase = base + words.length;
    const { stamps, prefixStamps, namePrefixStamps, exactNameStamps } = this;
    words.forEach((word, k) => {
      const before = base + k - 1; // matched the k previous words (for k = 0: any position)
      const after = base + k;
      const advances = (stamp: number) => stamp === before || (k === 0 && stamp < base);
      // Each array stamps a track at most once per word (`before` → `after`): a word matched several
      // ways (a whole word that is also a prefix, or within a typo) counts once in each.
      const exact = this.terms.get(word);
      if (exact) {
        for (let i = 0; i < exact.length; i += 1) {
          const posting = exact[i]!;
          if (posting < 0 && advances(exactNameStamps[~posting]!)) exactNameStamps[~posting] = after;
        }
      }
      for (const postings of this.terms.atPrefix(word).values()) {
        for (let i = 0; i < postings.length; i += 1) {
          const posting = postings[i]!;
          const position = positionOf(posting);
          if (posting < 0 && advances(namePrefixStamps[position]!)) namePrefixStamps[position] = after;
          if (advances(prefixStamps[position]!)) prefixStamps[position] = after;
          if (advances(stamps[position]!)) stamps[position] = after;
        }
      }
      const typos = maxTypos(word);
      if (typos > 0) {
        for (const [postings] of this.terms.fuzzyGet(word, typos).values()) {
          for (let i = 0; i < postings.length; i += 1) {
            const position = positionOf(postings[i]!);
            if (advances(stamps[position]!)) stamps[position] = after;
          }
        }
      }
    });
    const target = base + words.length - 1;
    this.lastText = { text, target };
    return target;
  }
}

// List queries on 10 000 tracks: the embedded backend (`backend.handle(new Request(...))`, with its
// token check, query compiler, access scope and JSON answer) versus a plain better-sqlite3 query
// returning the same rows from the same file, in one run, interleaved A/B.
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GENRES } from '../../lib/domain/enums';
import { createEmbeddedBase44, DEMO_PASSWORD, type EmbeddedBase44 } from '../../lib/embedded-base44';

const TARGET_TRACKS = 10_000;
const PAIRS = 7;
const RUNS_PER_SIDE = 150;
const APP = 'spynners-local';
const BASE = 'http://embedded-base44.internal';

interface Case {
  name: string;
  q: Record<string, unknown>;
  /** The same rows straight from SQLite, on the indexed columns the backend maintains. */
  sql: string;
  params: unknown[];
}

const CASES: Case[] = [
  {
    name: 'approved + genre, -created_date, 50',
    q: { status: 'approved', genre: 'Techno' },
    sql: `SELECT data FROM "Track" WHERE f_status = 'approved' AND f_genre = ? ORDER BY f_created_date DESC, id DESC LIMIT 50`,
    params: ['Techno'],
  },
  {
    name: 'approved + bpm 124..128, -created_date, 50',
    q: { status: 'approved', bpm: { $gte: 124, $lte: 128 } },
    sql: `SELECT data FROM "Track" WHERE f_status = 'approved' AND f_bpm >= ? AND f_bpm <= ? ORDER BY f_created_date DESC, id DESC LIMIT 50`,
    params: [124, 128],
  },
  {
    name: 'approved + title $regex /mid/i, 50',
    q: { status: 'approved', title: { $regex: 'mid', $options: 'i' } },
    sql: `SELECT data FROM "Track" WHERE f_status = 'approved' AND regexp(?, f_title) ORDER BY f_created_date DESC, id DESC LIMIT 50`,
    params: ['mid'],
  },
];

async function call(backend: EmbeddedBase44, method: string, route: string, token?: string, body?: unknown) {
  const response = await backend.handle(
    new Request(`${BASE}/api/apps/${APP}${route}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${await response.text()}`);
  return response;
}

async function login(backend: EmbeddedBase44, email: string): Promise<string> {
  const answer = await call(backend, 'POST', '/auth/login', undefined, { email, password: DEMO_PASSWORD });
  return ((await answer.json()) as { access_token: string }).access_token;
}

/** Copies of the demo tracks with varied genre, tempo and date, added through the bulk API. */
async function scaleCatalogue(backend: EmbeddedBase44, admin: string) {
  const demo = (await (await call(backend, 'GET', '/entities/Track', admin)).json()) as Record<string, unknown>[];
  const strip = ({ id, created_date, updated_date, created_by, created_by_id, ...rest }: Record<string, unknown>) => rest;
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let made = demo.length; made < TARGET_TRACKS; ) {
    const batch = Array.from({ length: Math.min(1000, TARGET_TRACKS - made) }, (_, i) => ({
      ...strip(demo[(made + i) % demo.length]!),
      title: `${['Midnight', 'Solar', 'Velvet', 'Amid', 'Neon'][Math.floor(random() * 5)]} Copy ${made + i}`,
      genre: GENRES[Math.floor(random() * GENRES.length)],
      bpm: 100 + Math.floor(random() * 75),
      status: random() < 0.9 ? 'approved' : 'pending',
    }));
    await call(backend, 'POST', '/entities/Track/bulk', admin, batch);
    made += batch.length;
  }
}

async function timeRuns(runs: number, run: () => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'embedded-bench-'));
  try {
    const started = performance.now();
    const backend = createEmbeddedBase44({ dataDir, baseUrl: BASE });
    await backend.ready;
    const seedSeconds = (performance.now() - started) / 1000;
    const admin = await login(backend, 'admin@spynners.local');
    const scaleStart = performance.now();
    await scaleCatalogue(backend, admin);
    const scaleSeconds = (performance.now() - scaleStart) / 1000;
    const dj = await login(backend, 'dj@spynners.local');

    const db = new Database(path.join(dataDir, 'base44.sqlite'), { readonly: true });
    db.function('regexp', { deterministic: true }, (pattern, value) => (typeof value === 'string' && new RegExp(String(pattern), 'i').test(value) ? 1 : 0));
    const rows: Record<string, unknown>[] = [];
    for (const c of CASES) {
      const url = `/entities/Track?sort=-created_date&limit=50&q=${encodeURIComponent(JSON.stringify(c.q))}`;
      const statement = db.prepare(c.sql).pluck();
      const viaBackend = async () => (await call(backend, 'GET', url, dj)).text();
      const direct = () => `[${(statement.all(...c.params) as string[]).join(',')}]`;
      // Same rows, same order: the comparison is fair only if both answer the same question.
      const ids = (json: string) => (JSON.parse(json) as { id: string }[]).map((t) => t.id).join();
      if (ids(await viaBackend()) !== ids(direct())) throw new Error(`${c.name}: backend and SQL disagree`);
      const ratios: number[] = [];
      const a: number[] = [];
      const b: number[] = [];
      for (let pair = 0; pair < PAIRS; pair++) {
        const first = pair % 2 === 0;
        const backendRuns = first ? await timeRuns(RUNS_PER_SIDE, viaBackend) : [];
        const directRuns = await timeRuns(RUNS_PER_SIDE, direct);
        const backendLate = first ? backendRuns : await timeRuns(RUNS_PER_SIDE, viaBackend);
        ratios.push(median(backendLate) / median(directRuns));
        a.push(...backendLate);
        b.push(...directRuns);
      }
      rows.push({
        query: c.name,
        rows: JSON.parse(direct()).length,
        'backend p50 ms': +median(a).toFixed(3),
        'sqlite p50 ms': +median(b).toFixed(3),
        'backend req/s': Math.round(a.length / (sum(a) / 1000)),
        'sqlite q/s': Math.round(b.length / (sum(b) / 1000)),
        'ratio (median of pairs)': +median(ratios).toFixed(2),
      });
    }
    db.close();
    backend.close();
    console.log(`embedded-list: demo seed ${seedSeconds.toFixed(1)} s, scaled to ${TARGET_TRACKS} tracks in ${scaleSeconds.toFixed(1)} s; ${PAIRS} A/B pairs × ${RUNS_PER_SIDE} runs`);
    console.table(rows);
    const resultsDir = path.join(__dirname, 'results');
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, 'embedded-list.json');
    writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), tracks: TARGET_TRACKS, seedSeconds, scaleSeconds, rows }, null, 2)}\n`);
    console.log(`written to ${path.relative(process.cwd(), file)}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

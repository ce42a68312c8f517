// Loaded into a server with NODE_OPTIONS=--require: appends the process's memory use to
// MEMORY_SAMPLE_FILE every MEMORY_SAMPLE_MS, one JSON line each, for a benchmark to read. While a
// file `${MEMORY_SAMPLE_FILE}.gc` exists (and the process runs with --expose-gc), each sample is
// taken right after a full GC: live memory, without garbage not yet collected.
const { appendFileSync, existsSync } = require('node:fs');

const file = process.env.MEMORY_SAMPLE_FILE;
if (file) {
  const every = Number(process.env.MEMORY_SAMPLE_MS || 25);
  const timer = setInterval(() => {
    const collected = typeof global.gc === 'function' && existsSync(`${file}.gc`);
    if (collected) global.gc();
    const m = process.memoryUsage();
    appendFileSync(file, `${JSON.stringify({ t: Date.now(), pid: process.pid, gc: collected, rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers })}\n`);
  }, every);
  timer.unref();
}

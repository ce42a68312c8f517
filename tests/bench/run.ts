// npm run bench [-- NAME...]: runs every tests/bench/*.bench.ts (or those whose name contains one
// of the NAMEs) one after the other, each in its own process. Benchmarks never gate CI.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const benchDir = __dirname;
const tsx = path.resolve(benchDir, '../../node_modules/tsx/dist/cli.mjs');
const filters = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, [tsx, path.join(benchDir, file)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`${file} failed (exit ${result.status ?? result.signal})`);
  }
}
console.log(`\n${files.length - failed} benchmarks finished, ${failed} failed`);
process.exit(failed ? 1 : 0);

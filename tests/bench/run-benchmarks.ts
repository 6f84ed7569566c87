// `npm run bench`: runs every tests/bench/*.bench.ts (or those whose file name contains an argument),
// prints a table and writes bench-results.json. Benchmarks are not tests: they never fail the build,
// they report medians and the ratio to a baseline measured in the same run.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Benchmark, BenchResult } from './bench-result.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = (await readdir(here))
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();

const results: BenchResult[] = [];
for (const file of files) {
  const benchmark = (await import(pathToFileURL(path.join(here, file)).href)).default as Benchmark;
  console.error(`bench: ${benchmark.title} …`);
  results.push(...(await benchmark.run()));
}

const format = (value: number | null) =>
  value === null ? '–' : value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toPrecision(3);
console.table(
  results.map((entry) => ({
    name: entry.name,
    unit: entry.unit,
    value: format(entry.value),
    baseline: format(entry.baseline),
    ratio: entry.baseline ? (entry.value / entry.baseline).toFixed(2) : '–',
    target: entry.target ?? '–',
    met: entry.meetsTarget === null ? '–' : entry.meetsTarget ? 'yes' : 'NO',
  })),
);
// A run of some benchmarks (a filter) replaces only their own lines: the others' last results stay.
const resultsFile = path.join(here, '..', '..', 'bench-results.json');
const earlier: BenchResult[] =
  filters.length === 0
    ? []
    : await readFile(resultsFile, 'utf8').then(
        (text) => JSON.parse(text) as BenchResult[],
        () => [],
      );
const fresh = new Set(results.map((entry) => entry.name));
const merged = [...earlier.filter((entry) => !fresh.has(entry.name)), ...results];
await writeFile(resultsFile, `${JSON.stringify(merged, null, 2)}\n`);
console.error(`bench: wrote bench-results.json (${results.length} new results, ${merged.length} in all)`);

// Benchmarks of the reference central service, for issue #4's numbers:
//   - seeding 100,000 registrations into a fresh database file (seconds, incl. start-up);
//   - pulling 100,000 registrations of one office over loopback HTTP in pages of 5000 with a plain
//     fetch + JSON.parse loop (registrations/s, target >= 10,000), and the same with zod validation;
//   - building pull pages in-process: spliced stored JSON vs parse + stringify per row (the baseline).
// Default-exports a tests/bench Benchmark; `node central/bench/central-sync-benchmark.ts` runs it
// alone and prints one JSON line per result. Uses a temporary database file (WAL, synchronous=FULL).
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { result, type Benchmark, type BenchResult } from '../../tests/bench/bench-result.ts';
import { pullResponseSchema } from '../protocol/sync-protocol.ts';
import { referenceOffices } from '../seed/reference-offices.ts';
import { startCentralServer } from '../server/start-central-server.ts';
import { createRegistrationStore } from '../store/registration-store.ts';

const registrationsToPull = 100_000;
const pageSize = 5000;

async function run(): Promise<BenchResult[]> {
  const directory = mkdtempSync(path.join(tmpdir(), 'central-bench-'));
  try {
    const results: BenchResult[] = [];
    const seedStarted = performance.now();
    const seeded = await startCentralServer({
      databasePath: path.join(directory, 'seed.db'),
      seedCount: 100_000,
    });
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    await seeded.close();
    results.push(
      result({ name: 'central: seed 100,000 registrations', unit: 's', value: seedSeconds, target: null }),
    );

    // Seed enough that the first office alone holds 100,000 registrations.
    const total = referenceOffices.reduce((sum, office) => sum + office.weight, 0);
    const share = (referenceOffices[0]?.weight ?? total) / total;
    const server = await startCentralServer({
      databasePath: path.join(directory, 'pull.db'),
      seedCount: Math.ceil((registrationsToPull / share) * 1.03),
    });
    try {
      const token = await enroll(server.url, server.createEnrollmentCode('01001'));
      for (const validate of [false, true]) {
        const { pulled, seconds } = await pullAll(server.url, token, validate);
        results.push(
          result({
            name: `central: pull ${pulled} registrations over HTTP, pages of ${pageSize}${validate ? ', zod-validated' : ''}`,
            unit: 'registrations/s',
            value: pulled / seconds,
            target: '>= 10000',
          }),
        );
      }
      results.push(pageBuilding(server.database));
    } finally {
      await server.close();
    }
    return results;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

async function enroll(url: string, enrollmentCode: string): Promise<string> {
  const response = await fetch(`${url}/v1/enrollments`, {
    method: 'POST',
    body: JSON.stringify({ enrollmentCode, deviceName: 'benchmark' }),
  });
  return ((await response.json()) as { deviceToken: string }).deviceToken;
}

async function pullAll(url: string, token: string, validate: boolean) {
  let after = 0;
  let pulled = 0;
  const started = performance.now();
  while (pulled < registrationsToPull) {
    const response = await fetch(`${url}/v1/offices/01001/registrations?after=${after}&limit=${pageSize}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { items: unknown[]; cursor: number; hasMore: boolean };
    if (validate) pullResponseSchema.parse(body);
    pulled += body.items.length;
    after = body.cursor;
    if (!body.hasMore) break;
  }
  return { pulled, seconds: (performance.now() - started) / 1000 };
}

/** Server-side page building only: what splicing stored JSON saves over parse + stringify per row. */
function pageBuilding(db: Database.Database): BenchResult {
  const store = createRegistrationStore(db);
  const rows = db
    .prepare("SELECT seq, json FROM registrations WHERE office_code = '01001' ORDER BY seq LIMIT ?")
    .raw(true);
  const spliced = rate(() => store.pullPage('01001', 0, pageSize).count);
  const naive = rate(() => {
    const page = rows.all(pageSize) as [number, string][];
    const items = page.map(([seq, json]) => ({ seq, registration: JSON.parse(json) as unknown }));
    JSON.stringify({ items, cursor: 0, hasMore: true, serverTime: new Date().toISOString() });
    return page.length;
  });
  return result({
    name: `central: build a pull page of ${pageSize} (spliced JSON)`,
    unit: 'registrations/s',
    value: spliced,
    baseline: naive,
    baselineName: 'parse + stringify per row',
    target: null,
  });
}

function rate(build: () => number): number {
  const samples: number[] = [];
  for (let round = 0; round < 7; round++) {
    const started = performance.now();
    const count = build();
    samples.push(count / ((performance.now() - started) / 1000));
  }
  return samples.sort((a, b) => a - b)[3] as number;
}

const benchmark: Benchmark = { title: 'reference central service: seed and pull', run };
export default benchmark;

if (import.meta.main) {
  for (const entry of await run()) console.log(JSON.stringify(entry));
}

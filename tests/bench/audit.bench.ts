// Verifying the audit chain (issue #12): 1,000,000 entries recomputed in <= 5 s. Timed beside a
// baseline in the same run: reading the same rows with the same statement and no hashing, so the
// ratio says what the chain costs over reading the trail at all. Also timed: the backend's way
// (slices of 20,000 with a pause between them, so the event loop keeps answering), and the cost
// the chain adds to every audited change (appendAudit, against the plain INSERT it replaced).
// The trail is built in a temp file (one transaction, one prepared statement, hashes computed as
// appendAudit does) and deleted. BENCH_AUDIT_ENTRIES overrides the size for a quick try.
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  auditEntryHash,
  genesisHash,
  verifyAuditChain,
  verifyAuditChainInSlices,
} from '../../main/store/audit-chain.ts';
import { appendAudit } from '../../main/store/audit-log.ts';
import { openStore } from '../../main/store/open-store.ts';
import { median, result, type Benchmark, type BenchResult, loadAverageResult } from './bench-result.ts';

const entryCount = Number(process.env.BENCH_AUDIT_ENTRIES ?? 1_000_000);
const runs = 5;
const appendCount = 20_000;

const actions = [
  'session.signed-in',
  'decision.recorded',
  'print.submitted',
  'settings.changed',
  'report.exported',
];

/** Entries shaped like the app's: staff ids, registration codes, small JSON details. */
function buildTrail(db: Database.Database): number {
  const insert = db.prepare(
    'INSERT INTO audit_log (id, at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const started = performance.now();
  const start = Date.parse('2026-01-01T01:00:00.000Z');
  db.transaction(() => {
    let prevHash = genesisHash;
    for (let id = 1; id <= entryCount; id += 1) {
      const action = actions[id % actions.length] as string;
      const fields = {
        id,
        at: new Date(start + id * 20_000).toISOString(),
        actor: `cb-07921-${id % 9}`,
        action,
        subject: action === 'decision.recorded' ? `DK-07921-2026-${String(id).padStart(6, '0')}` : null,
        details: JSON.stringify({
          outcome: 'approved',
          reasonCode: null,
          override: id % 50 === 0,
          counterId: 'Q01',
        }),
      };
      const hash = auditEntryHash(fields, prevHash);
      insert.run(
        fields.id,
        fields.at,
        fields.actor,
        fields.action,
        fields.subject,
        fields.details,
        prevHash,
        hash,
      );
      prevHash = hash;
    }
  })();
  return performance.now() - started;
}

/** What verifyAuditChain reads, read the same way (slices of 20,000 in one transaction), unhashed. */
function readWithoutHashing(db: Database.Database): number {
  const slice = db
    .prepare(
      'SELECT id, at, actor, action, subject, details, prev_hash, hash FROM audit_log WHERE id > ? ORDER BY id LIMIT 20000',
    )
    .raw();
  let count = 0;
  db.transaction(() => {
    for (
      let rows = slice.all(0) as unknown[][];
      rows.length > 0;
      rows = slice.all(rows.at(-1)?.[0]) as unknown[][]
    ) {
      for (const row of rows) if (row[7] !== null) count += 1;
    }
  })();
  return count;
}

function time(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const benchmark: Benchmark = {
  title: `audit chain: verify ${entryCount.toLocaleString('en-US')} entries`,
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bhxh-audit-bench-'));
    try {
      const file = path.join(dir, 'bhxh-kiosk.sqlite');
      const opened = openStore(file);
      if (!opened.ok) throw opened.error;
      const store = opened.value;
      const buildMs = buildTrail(store.db);

      const verifySamples: number[] = [];
      const baselineSamples: number[] = [];
      const slicedSamples: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        // Alternated, so both meet the same page cache and the same neighbours on the machine.
        baselineSamples.push(time(() => readWithoutHashing(store.db)));
        let intact = false;
        verifySamples.push(
          time(() => {
            intact = verifyAuditChain(store.db).intact;
          }),
        );
        if (!intact) throw new Error('the benchmark trail does not verify');
        slicedSamples.push(await timeAsync(() => verifyAuditChainInSlices(store.db)));
      }

      // The hot path: one audited change costs appendAudit; before the chain it was a plain INSERT.
      const plainInsert = store.db.prepare(
        "INSERT INTO audit_log (id, at, actor, action, subject, details) VALUES (?, ?, 'cb-07921-1', 'print.submitted', NULL, '{}')",
      );
      let nextId = entryCount + 1;
      const appendMs = time(() =>
        store.transaction(() => {
          for (let index = 0; index < appendCount; index += 1) {
            appendAudit(store, {
              actor: 'cb-07921-1',
              action: 'print.submitted',
              subject: null,
              details: {},
            });
          }
        }),
      );
      nextId += appendCount;
      const plainMs = time(() =>
        store.transaction(() => {
          for (let index = 0; index < appendCount; index += 1)
            plainInsert.run(nextId + index, new Date().toISOString());
        }),
      );
      store.close();

      const results: BenchResult[] = [
        result({
          name: 'audit trail build (one transaction)',
          unit: 'entries/s',
          value: entryCount / (buildMs / 1000),
          target: null,
        }),
        result({
          name: `audit verify, ${entryCount.toLocaleString('en-US')} entries (median of ${runs})`,
          unit: 'ms',
          value: median(verifySamples),
          baseline: median(baselineSamples),
          baselineName: 'same SELECT, rows read without hashing',
          target: entryCount === 1_000_000 ? '<= 5000' : null,
        }),
        result({
          name: 'audit verify in slices of 20,000 (the backend’s way)',
          unit: 'ms',
          value: median(slicedSamples),
          baseline: median(verifySamples),
          baselineName: 'audit verify in one pass',
          target: entryCount === 1_000_000 ? '<= 5000' : null,
        }),
        result({
          name: 'appendAudit per entry (chained)',
          unit: 'µs',
          value: (appendMs * 1000) / appendCount,
          baseline: (plainMs * 1000) / appendCount,
          baselineName: 'plain INSERT without hash',
          target: null,
        }),
        loadAverageResult('audit'),
      ];
      return results;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default benchmark;

// Supervisors' reports (issue #12, docs/reports.md) on an office's busy month: 100,000 decisions
// in November 2026, 5,000 of them on the 30th, plus a backlog of 2,000 pending registrations, in
// `report_facts` (migration 0009) of a temp store built from synthetic rows (one transaction, one
// prepared statement). Timed, each beside a baseline in the same run and the same loop (batches
// alternate, medians reported):
//  - the day's report (computeReport, every figure group) — target ≤ 200 ms; baseline: a plain
//    `count(*)` of the same day's decisions through the same index;
//  - the month's report — target ≤ 1 s; baseline: the same count over the month;
//  - the month's XLSX (the report, the audit rows of the month and the workbook) — target ≤ 1 s;
//    baseline: the month's report alone (what the file adds is the difference).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { vietnamDayBounds } from '../../main/core/reports/report-periods.ts';
import { renderReport } from '../../main/services/reports/report-service.ts';
import { openStore } from '../../main/store/open-store.ts';
import { computeReport } from '../../main/store/report-queries.ts';
import type { Store } from '../../main/store/store.ts';
import { median, result, type Benchmark, type BenchResult } from './bench-result.ts';

const monthDecisions = 100_000;
const dayDecisions = 5_000;
const pendingCount = 2_000;
const auditEntries = 5_000;
const runs = Number(process.env.BENCH_REPORT_RUNS ?? 9);
const officers = Array.from({ length: 8 }, (_, index) => `cb-07921-${index + 1}`);
const counters = ['QUAY-01', 'QUAY-02', 'QUAY-03', 'QUAY-04'];
const channels = ['portal', 'app', 'kiosk'] as const;
const reasons = [
  'identity-mismatch',
  'declaration-missing',
  'wrong-social-insurance-number',
  'other',
  'identity-not-confirmed',
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = '2026-11-30';
const month = { from: '2026-11-01', to: '2026-11-30' };
const dayMs = 24 * 60 * 60 * 1000;

export function build(store: Store): void {
  const next = random(12);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const insert = store.db.prepare(
    `INSERT INTO report_facts (code, office_code, channel, submitted_at, status, outcome, reason_code, officer_id,
       counter_id, override, decided_at, scanned_at, decision_source)
     VALUES (?, '07921', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const audit = store.db.prepare(
    `INSERT INTO audit_log (at, actor, action, subject, details) VALUES (?, ?, 'decision.recorded', ?, ?)`,
  );
  const { start: monthStart } = vietnamDayBounds(month.from, month.to);
  const { start: dayStart } = vietnamDayBounds(day, day);
  // Office hours: 07:30–17:00 in Vietnam.
  const officeInstant = (dayStartMs: number) => dayStartMs + 7.5 * 3_600_000 + next() * 9.5 * 3_600_000;
  store.db
    .transaction(() => {
      for (let index = 0; index < monthDecisions; index += 1) {
        const onTheDay = index < dayDecisions;
        const dayStartMs = onTheDay
          ? Date.parse(dayStart)
          : Date.parse(monthStart) + Math.floor(next() * 29) * dayMs;
        const decided = officeInstant(dayStartMs);
        const submitted = decided - next() * 3 * dayMs;
        const approved = next() < 0.8;
        const local = next() < 0.3;
        insert.run(
          `DK-07921-2026-${String(index).padStart(6, '0')}`,
          pick(channels),
          new Date(submitted).toISOString(),
          approved ? 'approved' : 'rejected',
          approved ? 'approved' : 'rejected',
          approved ? null : pick(reasons),
          pick(officers),
          pick(counters),
          approved && next() < 0.03 ? 1 : 0,
          new Date(decided).toISOString(),
          local ? new Date(decided - 30_000 - next() * 300_000).toISOString() : null,
          local ? 'this-device' : 'central',
        );
      }
      for (let index = 0; index < pendingCount; index += 1) {
        insert.run(
          `DK-07921-2026-P${String(index).padStart(5, '0')}`,
          pick(channels),
          new Date(Date.parse(dayStart) + 17 * 3_600_000 - next() * 14 * dayMs).toISOString(),
          'pending',
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        );
      }
      for (let index = 0; index < auditEntries; index += 1) {
        audit.run(
          new Date(officeInstant(Date.parse(monthStart) + Math.floor(next() * 30) * dayMs)).toISOString(),
          pick(officers),
          `DK-07921-2026-${String(index).padStart(6, '0')}`,
          JSON.stringify({ outcome: 'approved', reasonCode: null, override: false, counterId: 'QUAY-01' }),
        );
      }
    })
    .immediate();
  store.db.exec('ANALYZE');
}

async function alternate(
  subject: () => unknown,
  baseline: () => unknown,
): Promise<{ subject: number; baseline: number }> {
  const time = async (fn: () => unknown) => {
    const started = performance.now();
    await fn();
    return performance.now() - started;
  };
  await subject();
  await baseline();
  const subjects: number[] = [];
  const baselines: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    subjects.push(await time(subject));
    baselines.push(await time(baseline));
  }
  return { subject: median(subjects), baseline: median(baselines) };
}

const benchmark: Benchmark = {
  title: `reports: a month of ${monthDecisions.toLocaleString('en-US')} decisions`,
  async run(): Promise<BenchResult[]> {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bhxh-bench-reports-'));
    const opened = openStore(path.join(folder, 'store.sqlite'), {
      now: () => new Date('2026-12-01T01:00:00Z'),
    });
    if (!opened.ok) throw opened.error;
    const store = opened.value;
    try {
      const built = performance.now();
      build(store);
      console.error(
        `bench: built ${monthDecisions + pendingCount} facts in ${Math.round(performance.now() - built)} ms`,
      );
      const context = { officeCode: '07921', now: new Date('2026-12-01T01:00:00Z') };
      const dayFilter = { from: day, to: day, officer: null, counter: null };
      const monthFilter = { ...month, officer: null, counter: null };
      const countSql = store.db.prepare(
        `SELECT count(*) FROM report_facts INDEXED BY report_facts_by_decision
         WHERE decided_at >= ? AND decided_at < ? AND decided_at IS NOT NULL`,
      );
      const count = (from: string, to: string) => {
        const { start, end } = vietnamDayBounds(from, to);
        return countSql.pluck().get(start, end);
      };
      const checkDay = computeReport(store, dayFilter, context);
      const checkMonth = computeReport(store, monthFilter, context);
      if (checkDay.approved + checkDay.rejected !== dayDecisions) throw new Error('day figures are wrong');
      if (checkMonth.approved + checkMonth.rejected !== monthDecisions)
        throw new Error('month figures are wrong');

      const dayTimes = await alternate(
        () => computeReport(store, dayFilter, context),
        () => count(day, day),
      );
      const monthTimes = await alternate(
        () => computeReport(store, monthFilter, context),
        () => count(month.from, month.to),
      );
      const scope = { officeCode: '07921', counterId: 'QUAY-01', now: context.now };
      const xlsxTimes = await alternate(
        () => renderReport(store, { filter: monthFilter, format: 'xlsx', language: 'vi' }, scope),
        () => computeReport(store, monthFilter, context),
      );
      return [
        result({
          name: 'reports: day report (5,000 decisions)',
          unit: 'ms (median)',
          value: dayTimes.subject,
          baseline: dayTimes.baseline,
          baselineName: "count(*) of the day's decisions",
          target: '<= 200',
        }),
        result({
          name: 'reports: month report (100,000 decisions)',
          unit: 'ms (median)',
          value: monthTimes.subject,
          baseline: monthTimes.baseline,
          baselineName: "count(*) of the month's decisions",
          target: '<= 1000',
        }),
        result({
          name: 'reports: month XLSX export (report + audit rows + workbook)',
          unit: 'ms (median)',
          value: xlsxTimes.subject,
          baseline: xlsxTimes.baseline,
          baselineName: "the month's report alone",
          target: '<= 1000',
        }),
      ];
    } finally {
      store.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  },
};

export default benchmark;

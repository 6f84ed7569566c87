import type { Report, ReportFilter } from '../../preload/contract/areas/reports.ts';
import { median } from '../core/reports/median.ts';
import {
  ageThresholds,
  daysOf,
  vietnamDayBounds,
  vietnamHourOf,
  type VietnamHour,
} from '../core/reports/report-periods.ts';
import { outboxBacklog } from './outbox-repository.ts';
import { getSetting } from './settings-repository.ts';
import type { Store } from './store.ts';
import { getLastSyncSuccessAt } from './sync-state-repository.ts';

// The figures of a supervisor's report (docs/reports.md), from `report_facts` (migration 0009) and
// the sync tables. Each figure group is one SQL pass that reads one index range (the indexes cover
// the columns read), grouped by UTC hour in SQL; the hours are then put into Vietnam days and hours
// here (a few thousand groups at most for a quarter), so a month of 100,000 decisions never moves
// 100,000 rows into JavaScript.

export interface ReportContext {
  officeCode: string;
  now: Date;
}

interface ReceivedGroup {
  utc_hour: string;
  channel: 'portal' | 'app' | 'kiosk';
  fate: string;
  n: number;
}

interface DecidedGroup {
  utc_hour: string;
  officer_id: string;
  counter_id: string;
  outcome: 'approved' | 'rejected';
  override: number;
  reason_code: string | null;
  n: number;
}

interface ScanRow {
  officer_id: string;
  decided_at: string;
  scanned_at: string;
}

interface PendingRow {
  n: number;
  oldest: string | null;
  under_one: number | null;
  one_to_three: number | null;
  three_to_seven: number | null;
}

const receivedSql = `
  SELECT substr(submitted_at, 1, 13) AS utc_hour, channel, coalesce(outcome, status) AS fate, count(*) AS n
  FROM report_facts INDEXED BY report_facts_by_submission
  WHERE submitted_at >= @start AND submitted_at < @end AND office_code = @office
  GROUP BY utc_hour, channel, fate`;

const officerFilter = `(@officer IS NULL OR officer_id = @officer) AND (@counter IS NULL OR counter_id = @counter)`;

const decidedSql = `
  SELECT substr(decided_at, 1, 13) AS utc_hour, officer_id, counter_id, outcome, override, reason_code,
    count(*) AS n
  FROM report_facts INDEXED BY report_facts_by_decision
  WHERE decided_at >= @start AND decided_at < @end AND decided_at IS NOT NULL AND office_code = @office
    AND ${officerFilter}
  GROUP BY utc_hour, officer_id, counter_id, outcome, override, reason_code`;

const scansSql = `
  SELECT officer_id, decided_at, scanned_at
  FROM report_facts INDEXED BY report_facts_by_decision
  WHERE decided_at >= @start AND decided_at < @end AND decided_at IS NOT NULL AND office_code = @office
    AND scanned_at IS NOT NULL AND ${officerFilter}`;

const pendingSql = `
  SELECT count(*) AS n, min(submitted_at) AS oldest,
    sum(submitted_at > @oneDay) AS under_one,
    sum(submitted_at <= @oneDay AND submitted_at > @threeDays) AS one_to_three,
    sum(submitted_at <= @threeDays AND submitted_at > @sevenDays) AS three_to_seven
  FROM report_facts INDEXED BY report_facts_pending
  WHERE office_code = @office AND status = 'pending' AND outcome IS NULL`;

/** The figure groups' statements (exported for the test that checks each one reads its index). */
export const reportStatements = { receivedSql, decidedSql, scansSql, pendingSql } as const;

/** The report of `filter` (a valid range: from ≤ to, at most maxReportDays) for the office. */
export function computeReport(store: Store, filter: ReportFilter, context: ReportContext): Report {
  return store.read(() => {
    const { start, end } = vietnamDayBounds(filter.from, filter.to);
    const range = { start, end, office: context.officeCode };
    const who = { ...range, officer: filter.officer, counter: filter.counter };
    const hours = new Map<string, VietnamHour>();
    const days = daysOf(filter.from, filter.to);
    const byDay = new Map(days.map((date) => [date, { date, received: 0, approved: 0, rejected: 0 }]));
    const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, received: 0, decided: 0 }));

    const received = { total: 0, byChannel: { portal: 0, app: 0, kiosk: 0 } };
    const kiosk = { received: 0, approved: 0, rejected: 0, pending: 0 };
    for (const group of store.statement(receivedSql).all(range) as ReceivedGroup[]) {
      const at = vietnamHourOf(group.utc_hour, hours);
      received.total += group.n;
      received.byChannel[group.channel] += group.n;
      byHour[at.hour]!.received += group.n;
      const day = byDay.get(at.day);
      if (day) day.received += group.n;
      if (group.channel === 'kiosk') {
        kiosk.received += group.n;
        if (group.fate === 'approved' || group.fate === 'rejected' || group.fate === 'pending')
          kiosk[group.fate] += group.n;
      }
    }

    let approved = 0;
    let rejected = 0;
    let overrides = 0;
    const reasons = new Map<string, number>();
    const officers = new Map<string, { approved: number; rejected: number; overrides: number }>();
    const counters = new Map<string, { approved: number; rejected: number; overrides: number }>();
    const tally = (
      table: Map<string, { approved: number; rejected: number; overrides: number }>,
      key: string,
      group: DecidedGroup,
    ) => {
      const entry = table.get(key) ?? { approved: 0, rejected: 0, overrides: 0 };
      entry[group.outcome] += group.n;
      if (group.override === 1) entry.overrides += group.n;
      table.set(key, entry);
    };
    for (const group of store.statement(decidedSql).all(who) as DecidedGroup[]) {
      const at = vietnamHourOf(group.utc_hour, hours);
      if (group.outcome === 'approved') approved += group.n;
      else {
        rejected += group.n;
        const reason = group.reason_code ?? 'other';
        reasons.set(reason, (reasons.get(reason) ?? 0) + group.n);
      }
      if (group.override === 1) overrides += group.n;
      byHour[at.hour]!.decided += group.n;
      const day = byDay.get(at.day);
      if (day) day[group.outcome] += group.n;
      tally(officers, group.officer_id, group);
      tally(counters, group.counter_id, group);
    }

    const waits = new Map<string, number[]>();
    const allWaits: number[] = [];
    for (const row of store.statement(scansSql).all(who) as ScanRow[]) {
      const seconds = (Date.parse(row.decided_at) - Date.parse(row.scanned_at)) / 1000;
      if (!(seconds >= 0)) continue;
      allWaits.push(seconds);
      const list = waits.get(row.officer_id) ?? [];
      list.push(seconds);
      waits.set(row.officer_id, list);
    }

    const names = staffNames(store);
    const labels = new Map(
      getSetting(store, 'rejectionReasons').map((reason) => [reason.code, reason.labelVi]),
    );
    const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

    return {
      filter: { from: filter.from, to: filter.to, officer: filter.officer, counter: filter.counter },
      officeCode: context.officeCode,
      generatedAt: context.now.toISOString(),
      asOf: getLastSyncSuccessAt(store),
      received,
      approved,
      rejected,
      overrides,
      rejectedByReason: [...reasons]
        .map(([reasonCode, count]) => ({ reasonCode, labelVi: labels.get(reasonCode) ?? null, count }))
        .sort((a, b) => b.count - a.count || byName(a.reasonCode, b.reasonCode)),
      pending: pendingBacklog(store, context),
      medianScanToDecisionSeconds: roundSeconds(median(allWaits)),
      byOfficer: [...officers]
        .sort(([a], [b]) => byName(a, b))
        .map(([officerId, figures]) => ({
          officerId,
          fullName: names.get(officerId) ?? null,
          ...figures,
          medianScanToDecisionSeconds: roundSeconds(median(waits.get(officerId) ?? [])),
        })),
      byCounter: [...counters]
        .sort(([a], [b]) => byName(a, b))
        .map(([counterId, figures]) => ({ counterId, ...figures })),
      byHour,
      byDay: [...byDay.values()],
      formsPrinted: formsPrinted(store, filter.from, filter.to),
      kiosk,
      sync: syncHealth(store),
    };
  });
}

/** Seconds to one decimal (scan and decision times have milliseconds; nobody reads those). */
function roundSeconds(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

function pendingBacklog(store: Store, context: ReportContext): Report['pending'] {
  const row = store
    .statement(pendingSql)
    .get({ office: context.officeCode, ...ageThresholds(context.now) }) as PendingRow;
  const underOneDay = row.under_one ?? 0;
  const oneToThreeDays = row.one_to_three ?? 0;
  const threeToSevenDays = row.three_to_seven ?? 0;
  return {
    count: row.n,
    oldestSubmittedAt: row.oldest,
    byAge: {
      underOneDay,
      oneToThreeDays,
      threeToSevenDays,
      overSevenDays: row.n - underOneDay - oneToThreeDays - threeToSevenDays,
    },
  };
}

function formsPrinted(store: Store, from: string, to: string): number {
  const row = store
    .statement('SELECT coalesce(sum(forms), 0) AS n FROM report_print_counts WHERE day >= ? AND day <= ?')
    .get(from, to) as { n: number };
  return row.n;
}

function syncHealth(store: Store): Report['sync'] {
  const backlog = outboxBacklog(store);
  const refused = store.statement(`SELECT count(*) AS n FROM outbox WHERE state = 'invalid'`).get() as {
    n: number;
  };
  const conflicts = store
    .statement('SELECT count(*) AS n FROM conflicts WHERE resolved_at IS NULL')
    .get() as { n: number };
  return {
    lastSuccessAt: getLastSyncSuccessAt(store),
    backlog: backlog.pending,
    oldestPendingAt: backlog.oldestCreatedAt,
    openConflicts: conflicts.n,
    refusedEvents: refused.n,
  };
}

function staffNames(store: Store): Map<string, string> {
  const rows = store.statement('SELECT staff_id, full_name FROM staff').all() as Array<{
    staff_id: string;
    full_name: string;
  }>;
  return new Map(rows.map((row) => [row.staff_id, row.full_name]));
}

export interface ReportFilterChoices {
  officers: Array<{ officerId: string; fullName: string | null }>;
  counters: string[];
}

/**
 * What the filters offer: the staff who may decide (officers, supervisors) and whoever decided in
 * the last year here, and the counters those decisions were taken at.
 */
export function reportFilterChoices(store: Store, context: ReportContext): ReportFilterChoices {
  return store.read(() => {
    const since = new Date(context.now.getTime() - 366 * 24 * 60 * 60 * 1000).toISOString();
    const pairs = store
      .statement(
        `SELECT DISTINCT officer_id, counter_id FROM report_facts INDEXED BY report_facts_by_decision
         WHERE decided_at >= ? AND decided_at IS NOT NULL AND office_code = ?`,
      )
      .all(since, context.officeCode) as Array<{ officer_id: string; counter_id: string }>;
    const staff = store
      .statement(`SELECT staff_id, full_name FROM staff WHERE role IN ('officer', 'supervisor')`)
      .all() as Array<{ staff_id: string; full_name: string }>;
    const officers = new Map<string, string | null>(staff.map((row) => [row.staff_id, row.full_name]));
    for (const pair of pairs) if (!officers.has(pair.officer_id)) officers.set(pair.officer_id, null);
    const names = staffNames(store);
    return {
      officers: [...officers]
        .map(([officerId, fullName]) => ({ officerId, fullName: fullName ?? names.get(officerId) ?? null }))
        .sort((a, b) => (a.officerId < b.officerId ? -1 : a.officerId > b.officerId ? 1 : 0)),
      counters: [...new Set(pairs.map((pair) => pair.counter_id))].sort(),
    };
  });
}

import type { Report } from '../../../preload/contract/areas/reports.ts';
import { vietnamDisplayDate, vietnamTimeOfDay } from '../../core/time/vietnam-time.ts';
import { reasonName, type ReportTexts } from './report-texts.ts';

// The report as one table of figures, a row per number, sections as rows: what the CSV is and
// what the XLSX's first sheet is. `item` is stable whatever the language (a channel, a reason code,
// a staff id, a counter id, an hour, a date), so a program reads the same cells in every language.

export type FigureValue = number | string | null;

export interface FigureRow {
  section: string;
  item: string;
  figure: string;
  value: FigureValue;
}

/** dd/MM/yyyy HH:mm in Vietnam time. */
export function vietnamDateAndTime(iso: string): string {
  return `${vietnamDisplayDate(iso)} ${vietnamTimeOfDay(iso)}`;
}

/** dd/MM/yyyy of a YYYY-MM-DD day. */
export function displayDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

const timeOrNull = (iso: string | null) => (iso === null ? null : vietnamDateAndTime(iso));

export function figureRows(report: Report, texts: ReportTexts): FigureRow[] {
  const { sections: s, figures: f } = texts;
  const rows: FigureRow[] = [];
  const add = (section: string, item: string, figure: string, value: FigureValue) =>
    rows.push({ section, item, figure, value });

  add(s.about, 'office', texts.office, report.officeCode);
  add(s.about, 'from', texts.from, displayDay(report.filter.from));
  add(s.about, 'to', texts.to, displayDay(report.filter.to));
  add(s.about, 'officer', texts.officer, report.filter.officer ?? texts.all);
  add(s.about, 'counter', texts.counter, report.filter.counter ?? texts.all);
  add(
    s.about,
    'as-of',
    texts.asOf,
    report.asOf === null ? texts.neverSynced : vietnamDateAndTime(report.asOf),
  );
  add(s.about, 'generated-at', texts.generatedAt, vietnamDateAndTime(report.generatedAt));

  add(s.summary, 'received', f.received, report.received.total);
  add(s.summary, 'approved', f.approved, report.approved);
  add(s.summary, 'rejected', f.rejected, report.rejected);
  add(s.summary, 'overrides', f.overrides, report.overrides);
  add(s.summary, 'pending', f.pending, report.pending.count);
  add(s.summary, 'median-scan-to-decision', f.medianScanToDecision, report.medianScanToDecisionSeconds);
  add(s.summary, 'forms-printed', f.formsPrinted, report.formsPrinted);

  add(s.channels, 'portal', f.portal, report.received.byChannel.portal);
  add(s.channels, 'app', f.app, report.received.byChannel.app);
  add(s.channels, 'kiosk', f.kiosk, report.received.byChannel.kiosk);

  const age = report.pending.byAge;
  add(s.pending, 'under-one-day', f.underOneDay, age.underOneDay);
  add(s.pending, 'one-to-three-days', f.oneToThreeDays, age.oneToThreeDays);
  add(s.pending, 'three-to-seven-days', f.threeToSevenDays, age.threeToSevenDays);
  add(s.pending, 'over-seven-days', f.overSevenDays, age.overSevenDays);
  add(s.pending, 'oldest', f.oldestPending, timeOrNull(report.pending.oldestSubmittedAt));

  for (const reason of report.rejectedByReason)
    add(s.reasons, reason.reasonCode, reasonName(texts, reason), reason.count);

  for (const officer of report.byOfficer) {
    add(s.officers, officer.officerId, f.fullName, officer.fullName);
    add(s.officers, officer.officerId, f.approved, officer.approved);
    add(s.officers, officer.officerId, f.rejected, officer.rejected);
    add(s.officers, officer.officerId, f.overrides, officer.overrides);
    add(s.officers, officer.officerId, f.medianScanToDecision, officer.medianScanToDecisionSeconds);
  }
  for (const counter of report.byCounter) {
    add(s.counters, counter.counterId, f.approved, counter.approved);
    add(s.counters, counter.counterId, f.rejected, counter.rejected);
    add(s.counters, counter.counterId, f.overrides, counter.overrides);
  }
  for (const hour of report.byHour) {
    const item = String(hour.hour).padStart(2, '0');
    add(s.hours, item, f.received, hour.received);
    add(s.hours, item, f.decided, hour.decided);
  }
  for (const day of report.byDay) {
    add(s.days, day.date, f.received, day.received);
    add(s.days, day.date, f.approved, day.approved);
    add(s.days, day.date, f.rejected, day.rejected);
  }
  add(s.kiosk, 'received', f.received, report.kiosk.received);
  add(s.kiosk, 'approved', f.approved, report.kiosk.approved);
  add(s.kiosk, 'rejected', f.rejected, report.kiosk.rejected);
  add(s.kiosk, 'pending', f.pending, report.kiosk.pending);

  add(s.sync, 'last-success-at', f.lastSuccessAt, timeOrNull(report.sync.lastSuccessAt) ?? texts.neverSynced);
  add(s.sync, 'backlog', f.backlog, report.sync.backlog);
  add(s.sync, 'oldest-pending-at', f.oldestPendingEvent, timeOrNull(report.sync.oldestPendingAt));
  add(s.sync, 'open-conflicts', f.openConflicts, report.sync.openConflicts);
  add(s.sync, 'refused-events', f.refusedEvents, report.sync.refusedEvents);
  return rows;
}

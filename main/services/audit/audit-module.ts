import { maxReportDays } from '../../../preload/contract/areas/reports.ts';
import type { auditOperations, WireAuditEntry } from '../../../preload/contract/areas/audit.ts';
import { vietnamDay } from '../../core/time/vietnam-time.ts';
import { listAuditBetween } from '../../store/audit-log.ts';
import { AppError } from '../app-error.ts';
import type { AreaModule, BackendParts } from '../backend-parts.ts';
import { verifyAuditTrail } from './audit-verification.ts';

// The audit trail for supervisors and administrators: verify the chain, read a range of days.
// Nothing here writes to the trail; nobody can change it through the API.

const dayMs = 24 * 60 * 60 * 1000;

export function startAudit(parts: BackendParts): AreaModule<typeof auditOperations> {
  const { store, now } = parts;
  return {
    handlers: {
      'audit.verify': () => verifyAuditTrail(store, { now }),
      'audit.list': ({ from, to, beforeId, limit }) => {
        const range = vietnamDayRange(from, to);
        const rows = listAuditBetween(store, { ...range, beforeId, limit: limit + 1 });
        const page = rows.slice(0, limit);
        const entries: WireAuditEntry[] = page.map((row) => ({
          id: row.id,
          at: row.at,
          actor: row.actor,
          action: row.action,
          subject: row.subject,
          details: row.details,
          hash: row.hash,
        }));
        return {
          entries,
          nextBeforeId: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
        };
      },
    },
  };
}

/**
 * The instants of Vietnam days `from` to `to` (both included): 00:00 of `from` to 00:00 after
 * `to`, in Vietnam time (UTC+7 all year), as the ISO strings entries are stored with.
 */
export function vietnamDayRange(from: string, to: string): { fromIso: string; untilIso: string } {
  const start = vietnamMidnight(from);
  const end = vietnamMidnight(to);
  if (start === null || end === null) {
    throw new AppError('report-range-invalid', `Ngày không hợp lệ: ${start === null ? from : to}.`);
  }
  if (start > end) {
    throw new AppError('report-range-invalid', `Ngày bắt đầu (${from}) sau ngày kết thúc (${to}).`);
  }
  const days = Math.round((end - start) / dayMs) + 1;
  if (days > maxReportDays) {
    throw new AppError(
      'report-range-invalid',
      `Khoảng thời gian dài ${days} ngày, quá ${maxReportDays} ngày cho phép.`,
    );
  }
  return { fromIso: new Date(start).toISOString(), untilIso: new Date(end + dayMs).toISOString() };
}

/** 00:00 of a YYYY-MM-DD day in Vietnam, in ms; null for a day that does not exist (2026-02-30). */
function vietnamMidnight(day: string): number | null {
  const instant = Date.parse(`${day}T00:00:00+07:00`);
  return Number.isNaN(instant) || vietnamDay(instant) !== day ? null : instant;
}

import type { auditOperations, WireAuditEntry } from '../../../preload/contract/areas/audit.ts';
import { listAuditBetween } from '../../store/audit-log.ts';
import type { AreaModule, BackendParts } from '../backend-parts.ts';
import { checkReportRange } from '../reports/report-range.ts';
import { verifyAuditTrail } from './audit-verification.ts';

// The audit trail for supervisors and administrators: verify the chain, read a range of days
// (refused as the reports refuse it: one check, main/services/reports/report-range.ts).
// Nothing here writes to the trail; nobody can change it through the API.

export function startAudit(parts: BackendParts): AreaModule<typeof auditOperations> {
  const { store, now } = parts;
  return {
    handlers: {
      'audit.verify': () => verifyAuditTrail(store, { now }),
      'audit.list': ({ from, to, beforeId, limit }) => {
        const range = checkReportRange({ from, to });
        const rows = listAuditBetween(store, { ...range, order: 'desc', beforeId, limit: limit + 1 });
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

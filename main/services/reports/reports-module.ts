import type { reportOperations } from '../../../preload/contract/areas/reports.ts';
import type { AreaModule, BackendParts } from '../backend-parts.ts';
import { EndOfDayExport } from './end-of-day-export.ts';
import { dailyReport, exportReport, filterChoices, type ReportScope } from './report-service.ts';

// The reports area (issue #12, docs/reports.md): supervisors' and administrators' figures of the
// office, computed on this PC from what sync brought (so they work offline, "as of" the last sync),
// their exports (each audited with the session's staff id), and the scheduled end-of-day export.

export interface ReportsModuleOptions {
  /** Tests: how often the end-of-day export checks whether it is due (default one minute). */
  endOfDayCheckEveryMs?: number;
}

export function startReports(
  parts: BackendParts,
  options: ReportsModuleOptions = {},
): AreaModule<typeof reportOperations> {
  const scope = (): ReportScope => ({
    officeCode: parts.settings.current.officeCode,
    counterId: parts.settings.current.counterId,
    now: parts.now(),
  });
  const endOfDay = new EndOfDayExport({
    store: parts.store,
    now: parts.now,
    settings: () => parts.settings.current,
    ...(options.endOfDayCheckEveryMs ? { checkEveryMs: options.endOfDayCheckEveryMs } : {}),
    onError: (error) => console.warn('end-of-day report export failed:', error),
  });
  endOfDay.start();
  return {
    handlers: {
      'reports.daily': (filter) => dailyReport(parts.store, filter, scope()),
      'reports.filters': () => filterChoices(parts.store, scope()),
      'reports.export': (request, { session }) =>
        exportReport(parts.store, request, { ...scope(), actor: session.staffId }),
      'reports.endOfDayStatus': () => endOfDay.status(),
    },
    close: () => endOfDay.close(),
  };
}

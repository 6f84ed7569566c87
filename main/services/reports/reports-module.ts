import type { reportOperations } from '../../../preload/contract/areas/reports.ts';
import { AppError } from '../app-error.ts';
import type { AreaModule, BackendParts } from '../backend-parts.ts';

// Stub: replaced by the reports work (issue #12).
export function startReports(_parts: BackendParts): AreaModule<typeof reportOperations> {
  const notYet = () => {
    throw new AppError('internal', 'Chưa có.');
  };
  return {
    handlers: {
      'reports.daily': notYet,
      'reports.filters': notYet,
      'reports.export': notYet,
      'reports.endOfDayStatus': notYet,
    },
  };
}

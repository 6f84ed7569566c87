import type { adminOperations } from '../../../preload/contract/areas/admin.ts';
import { AppError } from '../app-error.ts';
import type { AreaModule, BackendParts } from '../backend-parts.ts';

// Stub: replaced by the administration work (issue #12).
export function startAdmin(_parts: BackendParts): AreaModule<typeof adminOperations> {
  const notYet = () => {
    throw new AppError('internal', 'Chưa có.');
  };
  return {
    handlers: {
      'admin.rejectionReasons': notYet,
      'admin.setRejectionReasons': notYet,
      'admin.retention': notYet,
      'admin.setRetention': notYet,
      'admin.backups': notYet,
      'admin.backupNow': notYet,
      'admin.restore': notYet,
      'admin.outbox': notYet,
    },
  };
}

import type { auditOperations } from '../../../preload/contract/areas/audit.ts';
import { AppError } from '../app-error.ts';
import type { AreaModule, BackendParts } from '../backend-parts.ts';

// Stub: replaced by the audit-chain work (issue #12).
export function startAudit(_parts: BackendParts): AreaModule<typeof auditOperations> {
  const notYet = () => {
    throw new AppError('internal', 'Chưa có.');
  };
  return { handlers: { 'audit.verify': notYet, 'audit.list': notYet } };
}

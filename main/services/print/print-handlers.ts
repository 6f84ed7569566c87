import type { printOperations } from '../../../preload/contract/areas/print.ts';
import type { AreaHandlers } from '../operation-handlers.ts';
import type { PrintService } from './print-service.ts';

export function printHandlers(prints: PrintService): AreaHandlers<typeof printOperations> {
  const requester = (session: { staffId: string; role: 'officer' | 'supervisor' | 'admin' }) => ({
    staffId: session.staffId,
    role: session.role,
  });
  return {
    'forms.preview': ({ registrationCode, summaryLanguage }) =>
      prints.preview(registrationCode, summaryLanguage),
    'printers.list': () => prints.printers(),
    'print.submit': ({ registrationCode, summaryLanguage }, { session }) =>
      prints.submitDeclaration(registrationCode, summaryLanguage, requester(session)),
    'print.testPage': ({ printerName }, { session }) =>
      prints.submitTestPage(printerName, requester(session)),
    'print.jobs': (_args, { session }) => ({ jobs: prints.jobs(requester(session)) }),
    'print.retry': ({ jobId }, { session }) => prints.retry(jobId, requester(session)),
    'print.cancel': ({ jobId }, { session }) => prints.cancel(jobId, requester(session)),
  };
}

import type { TFunction } from 'i18next';
import type { PrintJob } from '../../../preload/contract/areas/print.ts';

/** Why a job failed, in the reader's language, with the printer's own words when it gave some. */
export function printFailureText(t: TFunction, failure: NonNullable<PrintJob['failure']>): string {
  const words = failure.reason.trim();
  const text = t(`printFailure.${failure.code}`);
  return words === '' ? text : t('print.failureWithReason', { text, reason: words });
}

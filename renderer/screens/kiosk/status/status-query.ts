import type { OperationArgs } from '../../../../preload/contract/operations.ts';
import type { ScanEvent } from '../../../../preload/contract/areas/scan.ts';
import type { ScanNotice } from '../scan/scan-notice.ts';

export type StatusQuery = OperationArgs<'kiosk.status'>;

const formCode = /^[A-Za-z0-9][A-Za-z0-9-]{3,63}$/;

function shaped(value: string | null, shape: RegExp): string | null {
  return value !== null && shape.test(value) ? value : null;
}

/**
 * What a scan on the status screen asks `kiosk.status`: the numbers of an ID or health-insurance
 * card, or the code in the QR of a printed declaration (the central's code or this kiosk's
 * reference: letters, digits and dashes, the counter home's rule). Only the numbers matter here,
 * so a name that lost its diacritics does not stop the lookup; a damaged scan and anything that is
 * neither a card nor a form's code are explained instead.
 */
export function statusQuery(scan: ScanEvent): { query: StatusQuery } | { notice: ScanNotice } {
  if (scan.damage) return { notice: { kind: 'damaged', damage: scan.damage } };
  const result = scan.result;
  if (!result.ok) {
    const text = scan.raw.trim();
    return formCode.test(text)
      ? { query: { formCode: text } }
      : { notice: { kind: 'unreadable', code: result.error.code } };
  }
  if (result.kind === 'bhyt') {
    const socialInsuranceNumber = shaped(result.fields.socialInsuranceNumber, /^\d{10}$/);
    if (socialInsuranceNumber) return { query: { idNumber: null, oldIdNumber: null, socialInsuranceNumber } };
  } else {
    const idNumber = shaped(result.fields.idNumber, /^\d{12}$/);
    const oldIdNumber = shaped(result.fields.oldIdNumber, /^\d{9}$/);
    if (idNumber ?? oldIdNumber) return { query: { idNumber, oldIdNumber, socialInsuranceNumber: null } };
  }
  return { notice: { kind: 'unreadable', code: 'bad-id-number' } };
}

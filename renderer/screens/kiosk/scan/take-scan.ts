import type { OperationArgs } from '../../../../preload/contract/operations.ts';
import type { ScanEvent } from '../../../../preload/contract/areas/scan.ts';
import type { KioskVisit, VisitAction } from '../visit/visit-state.ts';
import { samePerson } from './person-checks.ts';
import { readCard } from './read-card.ts';
import type { ScanNotice } from './scan-notice.ts';

// What a scan does to the visit on the scan screen: the ID card is always taken (a new person's
// card replaces the first one, and drops a health card that was theirs); a health-insurance card
// only when it is the same person's. Pure, so the rules are tested without a screen.

interface ScanOutcome {
  actions: VisitAction[];
  notice: ScanNotice | null;
  taken: boolean;
  /** The numbers to ask `kiosk.existing` about, when a card was taken. */
  lookup: OperationArgs<'kiosk.existing'> | null;
}

/** What a scan does to the visit on the scan screen. */
export function takeScan(visit: KioskVisit, scan: ScanEvent): ScanOutcome {
  const reading = readCard(scan);
  const refused = (notice: ScanNotice): ScanOutcome => ({ actions: [], notice, taken: false, lookup: null });
  switch (reading.kind) {
    case 'damaged':
      return refused({ kind: 'damaged', damage: reading.damage });
    case 'name-damaged':
      return refused({ kind: 'name-damaged' });
    case 'unreadable':
      return refused({ kind: 'unreadable', code: reading.code });
    case 'id-card': {
      const fields = reading.card.fields;
      const held = visit.healthCard?.fields ?? null;
      const keepsHealthCard = held !== null && samePerson(fields, held);
      const actions: VisitAction[] = [{ type: 'id-card', card: reading.card }];
      if (held && !keepsHealthCard) actions.push({ type: 'health-card', card: null });
      return {
        actions,
        notice:
          held && !keepsHealthCard ? { kind: 'health-card-dropped', healthCardName: held.fullName } : null,
        taken: true,
        lookup: lookupNumbers(
          fields.idNumber,
          fields.oldIdNumber,
          keepsHealthCard ? held.socialInsuranceNumber : null,
        ),
      };
    }
    case 'health-card': {
      const fields = reading.card.fields;
      const idCard = visit.idCard?.fields ?? null;
      if (idCard && !samePerson(idCard, fields)) {
        return refused({
          kind: 'health-card-other-person',
          idCardName: idCard.fullName,
          healthCardName: fields.fullName,
        });
      }
      return {
        actions: [{ type: 'health-card', card: reading.card }],
        notice: null,
        taken: true,
        lookup: lookupNumbers(
          idCard?.idNumber ?? null,
          idCard?.oldIdNumber ?? null,
          fields.socialInsuranceNumber,
        ),
      };
    }
  }
}

/** The numbers `kiosk.existing` takes, each only in its shape (an odd old ID must not fail the call). */
function lookupNumbers(
  idNumber: string | null,
  oldIdNumber: string | null,
  socialInsuranceNumber: string | null,
): OperationArgs<'kiosk.existing'> | null {
  const shaped = (value: string | null, shape: RegExp) =>
    value !== null && shape.test(value) ? value : null;
  const numbers = {
    idNumber: shaped(idNumber, /^\d{12}$/),
    oldIdNumber: shaped(oldIdNumber, /^\d{9}$/),
    socialInsuranceNumber: shaped(socialInsuranceNumber, /^\d{10}$/),
  };
  return (numbers.idNumber ?? numbers.oldIdNumber ?? numbers.socialInsuranceNumber) ? numbers : null;
}

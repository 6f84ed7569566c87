import type { ScanEvent } from '../../../../preload/contract/areas/scan.ts';
import { nameComparisonKey } from '../../../../main/core/text/vietnamese-text.ts';
import { isMinor } from '../scan/person-checks.ts';
import { readCard } from '../scan/read-card.ts';
import type { ScanNotice } from '../scan/scan-notice.ts';
import type { GuardianRelationship } from '../visit/guardian-relationships.ts';
import type { KioskVisit, VisitAction } from '../visit/visit-state.ts';
import { needsGuardian } from './form-problems.ts';

// A scan on the form is the guardian's ID card (for a child), or a card scanned again by mistake.
// The guardian must be another person, and an adult. When the child's Căn cước names a parent and
// that is who scanned, the relationship is chosen for them (they can change it).

export function takeGuardianScan(
  visit: KioskVisit,
  scan: ScanEvent,
): { actions: VisitAction[]; notice: ScanNotice | null; taken: boolean } {
  const refused = (notice: ScanNotice) => ({ actions: [], notice, taken: false });
  const reading = readCard(scan);
  if (!needsGuardian(visit)) return refused({ kind: 'cards-already-read' });
  switch (reading.kind) {
    case 'damaged':
      return refused({ kind: 'damaged', damage: reading.damage });
    case 'name-damaged':
      return refused({ kind: 'name-damaged' });
    case 'unreadable':
      return refused({ kind: 'unreadable', code: reading.code });
    case 'health-card':
      return refused({ kind: 'guardian-needs-id-card' });
    case 'id-card': {
      const guardian = reading.card.fields;
      if (guardian.idNumber === visit.idCard?.fields.idNumber) return refused({ kind: 'guardian-is-child' });
      if (isMinor(guardian.dateOfBirth)) return refused({ kind: 'guardian-too-young' });
      const actions: VisitAction[] = [{ type: 'guardian-card', card: reading.card }];
      const parent = visit.form.relationship === null ? parentRelationship(visit, guardian.fullName) : null;
      if (parent) actions.push({ type: 'form', patch: { relationship: parent } });
      return { actions, notice: null, taken: true };
    }
  }
}

function parentRelationship(visit: KioskVisit, guardianName: string): GuardianRelationship | null {
  const child = visit.idCard?.fields;
  const key = nameComparisonKey(guardianName);
  if (child?.fatherName && nameComparisonKey(child.fatherName) === key) return 'Cha';
  if (child?.motherName && nameComparisonKey(child.motherName) === key) return 'Mẹ';
  return null;
}

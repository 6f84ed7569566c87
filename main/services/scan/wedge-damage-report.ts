import type { ScanEvent } from '../../../preload/contract/areas/scan.ts';
import type { WedgeDiagnosis } from '../../core/scan/wedge-damage.ts';

/** A wedge scan's diagnosis as a scan event carries it: null when the text came through intact. */
export function wedgeDamage(diagnosis: WedgeDiagnosis): ScanEvent['damage'] {
  if (diagnosis.kind === 'none') return null;
  return {
    kind: diagnosis.kind,
    fix: diagnosis.fix,
    evidence: diagnosis.evidence.slice(0, 5),
    layout: diagnosis.layout,
    confirmed: diagnosis.confirmed,
    others: [...diagnosis.others],
  };
}

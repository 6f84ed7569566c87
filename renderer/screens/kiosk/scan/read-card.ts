import type {
  BhytFields,
  BhytFormat,
  CccdFields,
  CccdFormat,
} from '../../../../main/core/id-card/id-card-types.ts';
import type { IdCardErrorCode } from '../../../../main/core/id-card/id-card-code-lists.ts';
import type { ScanEvent } from '../../../../preload/contract/areas/scan.ts';

// What a scan at the kiosk is to the visit: an ID card, a health-insurance card, or a scan the
// citizen must repeat. Only what the form needs is kept (the fields), never the raw text. A name
// that lost its diacritics on the way in is never used: the declaration would carry a wrong name.

export interface IdCard {
  format: CccdFormat;
  fields: CccdFields;
}

export interface HealthCard {
  format: BhytFormat;
  fields: BhytFields;
}

export type CardReading =
  | { kind: 'id-card'; card: IdCard }
  | { kind: 'health-card'; card: HealthCard }
  /** A keyboard-wedge scan damaged by a keyboard layout or an input method (staff must fix it). */
  | { kind: 'damaged'; damage: NonNullable<ScanEvent['damage']> }
  /** Read, but the name came through without its Vietnamese letters. */
  | { kind: 'name-damaged' }
  | { kind: 'unreadable'; code: IdCardErrorCode };

export function readCard(scan: ScanEvent): CardReading {
  if (scan.damage) return { kind: 'damaged', damage: scan.damage };
  const result = scan.result;
  if (!result.ok) return { kind: 'unreadable', code: result.error.code };
  if (result.warnings.some((warning) => warning.code === 'lost-diacritics')) return { kind: 'name-damaged' };
  return result.kind === 'cccd'
    ? { kind: 'id-card', card: { format: result.format, fields: result.fields } }
    : { kind: 'health-card', card: { format: result.format, fields: result.fields } };
}

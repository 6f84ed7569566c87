import type { IdParseResult } from '../../../../main/core/id-card/id-card-types.ts';
import type { ScanEvent } from '../../../../preload/contract/areas/scan.ts';
import type { OperationArgs } from '../../../../preload/contract/operations.ts';
import type { ScannedCardsForRoute } from '../../../app/routes.ts';

// What a scan on the counter home is looked up by (issue #10 part 2). A card is looked up only when
// it was read cleanly: a scan damaged by a keyboard layout or an input method shows its diagnosis
// instead, because its numbers cannot be trusted.

export type CardLookupArguments = OperationArgs<'registrations.byCard'>;
type ParsedCard = Extract<IdParseResult, { ok: true }>;

const pattern = { idNumber: /^\d{12}$/, oldIdNumber: /^\d{9}$/, socialInsuranceNumber: /^\d{10}$/ };

function when(value: string | null, shape: RegExp): string | null {
  return value !== null && shape.test(value) ? value : null;
}

/** The numbers `registrations.byCard` takes from a card: ID (and old ID) on CCCD/Căn cước, BHXH on BHYT. */
export function cardLookupArguments(card: ParsedCard): CardLookupArguments | null {
  const args: CardLookupArguments =
    card.kind === 'cccd'
      ? {
          idNumber: when(card.fields.idNumber, pattern.idNumber),
          oldIdNumber: when(card.fields.oldIdNumber, pattern.oldIdNumber),
          socialInsuranceNumber: null,
        }
      : {
          idNumber: null,
          oldIdNumber: null,
          socialInsuranceNumber: when(card.fields.socialInsuranceNumber, pattern.socialInsuranceNumber),
        };
  return (args.idNumber ?? args.oldIdNumber ?? args.socialInsuranceNumber) ? args : null;
}

/** The number the officer reads on the card and searches by by hand. */
export function cardNumber(card: ParsedCard): string {
  return card.kind === 'cccd' ? card.fields.idNumber : card.fields.socialInsuranceNumber;
}

/** A scan that can be looked up: read as a card, without keyboard damage. */
export function readableCard(scan: ScanEvent): ParsedCard | null {
  return scan.result.ok && scan.damage === null ? scan.result : null;
}

/** The route's cards for a scan: a CCCD/Căn cước is the ID card, a BHYT card the health card. */
export function scannedCards(scan: ScanEvent | null): ScannedCardsForRoute | null {
  const card = scan ? readableCard(scan) : null;
  if (!scan || !card) return null;
  return card.kind === 'cccd' ? { idCard: scan, healthCard: null } : { idCard: null, healthCard: scan };
}

/**
 * A scan that is not a card may be the QR code of a printed declaration: its text is exactly the
 * registration code (main/documents). Only text that could be a code is looked up.
 */
export function formCodeQuery(scan: ScanEvent): string | null {
  if (scan.result.ok) return null;
  const text = scan.raw.trim();
  return /^[A-Za-z0-9][A-Za-z0-9-]{3,63}$/.test(text) ? text : null;
}

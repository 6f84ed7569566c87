import type { ScannedCards } from '../../../../main/core/identity/compare-identity.ts';
import type { IdParseSuccess } from '../../../../main/core/id-card/id-card-types.ts';
import type { ScanEvent } from '../../../../preload/contract/areas/scan.ts';
import type { ScannedCardsForRoute } from '../../../app/routes.ts';

// The cards of one verification: the ID card (CCCD/Căn cước) and the BHYT card, each at most once.
// A card scanned while the verification is open joins it (a BHYT card after the CCCD adds the
// social-insurance number); a card of someone else is never merged silently: the officer is told,
// and the verification keeps the first person's card.

export type ParsedScan = ScanEvent & { result: IdParseSuccess };

export type ScanJoin =
  | { kind: 'added'; cards: ScannedCardsForRoute; scan: ParsedScan }
  /** The same card again (a second scan of it): nothing changes. */
  | { kind: 'same'; cards: ScannedCardsForRoute; scan: ParsedScan }
  /** A card of another person than the card already held: not merged. */
  | { kind: 'other-person'; cards: ScannedCardsForRoute; scan: ParsedScan; held: ParsedScan }
  /** The scan could not be read as a card (damaged, not a card at all). */
  | { kind: 'unreadable'; cards: ScannedCardsForRoute; scan: ScanEvent };

export const noCards: ScannedCardsForRoute = { idCard: null, healthCard: null };

/** A card whose numbers and names can be trusted: parsed, and not damaged on its way in (wedge). */
export function isParsed(scan: ScanEvent | null): scan is ParsedScan {
  return scan !== null && scan.result.ok && scan.damage === null;
}

/** The number that says whose card it is: the ID number, or the social-insurance number. */
function holderNumber(scan: ParsedScan): string {
  return scan.result.kind === 'cccd' ? scan.result.fields.idNumber : scan.result.fields.socialInsuranceNumber;
}

export function joinScan(current: ScannedCardsForRoute | null, scan: ScanEvent): ScanJoin {
  const cards = current ?? noCards;
  if (!isParsed(scan)) return { kind: 'unreadable', cards, scan };
  const slot = scan.result.kind === 'cccd' ? 'idCard' : 'healthCard';
  const held = cards[slot];
  if (isParsed(held)) {
    if (holderNumber(held) !== holderNumber(scan)) return { kind: 'other-person', cards, scan, held };
    if (held.raw === scan.raw) return { kind: 'same', cards, scan };
  }
  // A BHYT card carries no ID number; against a held CCCD it is checked field by field (its rows).
  return { kind: 'added', cards: { ...cards, [slot]: scan }, scan };
}

/** What compareIdentity takes: the parsed fields and warnings of the cards held. */
export function comparedCards(cards: ScannedCardsForRoute | null): ScannedCards {
  const idCard = cards?.idCard ?? null;
  const healthCard = cards?.healthCard ?? null;
  const id = isParsed(idCard) && idCard.result.kind === 'cccd' ? idCard.result : null;
  const health = isParsed(healthCard) && healthCard.result.kind === 'bhyt' ? healthCard.result : null;
  return {
    idCard: id?.fields ?? null,
    healthCard: health?.fields ?? null,
    idCardWarnings: id?.warnings ?? [],
    healthCardWarnings: health?.warnings ?? [],
  };
}

export function hasCards(cards: ScannedCardsForRoute | null): boolean {
  return isParsed(cards?.idCard ?? null) || isParsed(cards?.healthCard ?? null);
}

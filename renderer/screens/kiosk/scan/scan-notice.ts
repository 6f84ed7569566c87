import type { IdCardErrorCode } from '../../../../main/core/id-card/id-card-code-lists.ts';
import type { ScanEvent } from '../../../../preload/contract/areas/scan.ts';

/** Why the last scan was not taken (or what it changed), told to the citizen in their language. */
export type ScanNotice =
  | { kind: 'damaged'; damage: NonNullable<ScanEvent['damage']> }
  | { kind: 'name-damaged' }
  | { kind: 'unreadable'; code: IdCardErrorCode }
  /** A health-insurance card of someone else than the person on the ID card: refused. */
  | { kind: 'health-card-other-person'; idCardName: string; healthCardName: string }
  /** A new ID card of another person: the health card held belonged to the first one. */
  | { kind: 'health-card-dropped'; healthCardName: string }
  /** On the form: the guardian scanned a health-insurance card instead of their ID card. */
  | { kind: 'guardian-needs-id-card' }
  | { kind: 'guardian-is-child' }
  | { kind: 'guardian-too-young' }
  /** A card scanned where no card is expected (the form of an adult): the cards are already read. */
  | { kind: 'cards-already-read' };

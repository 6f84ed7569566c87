// What the reception officer compares (REGISTRATION.md, "What the officer compares"): the
// registration against the scanned ID card and, when one was scanned, the BHYT card. Each pair
// becomes a row the verification screen shows side by side. Names fold case and whitespace but
// never diacritics: Hùng and Hưng are different people, so such a pair is a mismatch, flagged as
// "differs only in diacritics" to help the officer, never silently accepted. Any row that is not
// a match — a mismatch, or something the card cannot confirm — makes approval an explicit
// override; the address is informational only (cards keep pre-2025 names).

import type { CardWarning, CccdFields, BhytFields } from '../id-card/id-card-types.ts';
import type { Registration } from '../registration/registration.ts';
import { nameComparisonKey, nameSearchKey } from '../text/vietnamese-text.ts';
import { characterDiff } from './character-diff.ts';
import type { DiffPart } from './character-diff.ts';

export type IdentityField =
  'idNumber' | 'socialInsuranceNumber' | 'fullName' | 'dateOfBirth' | 'sex' | 'address';
export type CardSource = 'idCard' | 'healthCard';
export type FieldOutcome = 'match' | 'mismatch' | 'not-on-card' | 'info';
export type IdentityVerdict = 'all-match' | 'needs-override';

export interface IdentityRow {
  field: IdentityField;
  source: CardSource;
  registered: string | null;
  onCard: string | null;
  outcome: FieldOutcome;
  /** Names only (null for other fields): the values differ, but not once diacritics are removed. */
  differsOnlyInDiacritics: boolean | null;
  /**
   * When the values differ: the edits from the registered value to the card's, on the forms that
   * were compared (NFC, whitespace collapsed, and lower-cased for names and addresses).
   */
  diff: DiffPart[] | null;
}

export interface SourcedCardWarning {
  source: CardSource;
  code: CardWarning['code'];
  message: string;
}

export interface IdentityComparison {
  verdict: IdentityVerdict;
  rows: IdentityRow[];
  /** The parse warnings of the scanned cards, shown beside the rows. */
  warnings: SourcedCardWarning[];
}

export interface ScannedCards {
  idCard?: CccdFields | null;
  healthCard?: BhytFields | null;
  /** The `warnings` of the ID card's parse result, carried into the comparison. */
  idCardWarnings?: readonly CardWarning[];
  healthCardWarnings?: readonly CardWarning[];
}

function row(
  field: IdentityField,
  source: CardSource,
  registered: string | null,
  onCard: string | null,
  outcome: FieldOutcome,
  compared?: { from: string; to: string },
  differsOnlyInDiacritics: boolean | null = null,
): IdentityRow {
  const differs = compared !== undefined && compared.from !== compared.to;
  return {
    field,
    source,
    registered,
    onCard,
    outcome,
    differsOnlyInDiacritics,
    diff: differs ? characterDiff(compared.from, compared.to) : null,
  };
}

function exactRow(
  field: IdentityField,
  source: CardSource,
  registered: string,
  onCard: string | null,
): IdentityRow {
  if (onCard === null) return row(field, source, registered, null, 'not-on-card');
  const outcome = registered === onCard ? 'match' : 'mismatch';
  return row(field, source, registered, onCard, outcome, { from: registered, to: onCard });
}

function nameRow(source: CardSource, registered: string, onCard: string | null): IdentityRow {
  if (onCard === null) return row('fullName', source, registered, null, 'not-on-card', undefined, false);
  const from = nameComparisonKey(registered);
  const to = nameComparisonKey(onCard);
  const onlyDiacritics = from !== to && nameSearchKey(registered) === nameSearchKey(onCard);
  return row(
    'fullName',
    source,
    registered,
    onCard,
    from === to ? 'match' : 'mismatch',
    { from, to },
    onlyDiacritics,
  );
}

// A BHYT card may give the birth year alone: it then matches on the year.
function birthDateRow(source: CardSource, registered: string, onCard: string | null): IdentityRow {
  if (onCard !== null && onCard.length === 4) {
    const outcome = registered.slice(0, 4) === onCard ? 'match' : 'mismatch';
    return row('dateOfBirth', source, registered, onCard, outcome, {
      from: registered.slice(0, 4),
      to: onCard,
    });
  }
  return exactRow('dateOfBirth', source, registered, onCard);
}

function addressRow(source: CardSource, registered: string, onCard: string | null): IdentityRow {
  if (onCard === null) return row('address', source, registered, null, 'info');
  return row('address', source, registered, onCard, 'info', {
    from: nameComparisonKey(registered),
    to: nameComparisonKey(onCard),
  });
}

// The registered document number is on the card as the 12-digit number, or as the old 9-digit
// one. A passport number, or a 9-digit number on a card without one, cannot be checked there.
// Spaces typed into the registered number ("079 092 004 321") are not part of it.
function idNumberRow(registration: Registration, card: CccdFields | null): IdentityRow {
  const registered = registration.idDocument.number.replace(/\s+/g, '');
  if (card === null) return row('idNumber', 'idCard', registered, null, 'not-on-card');
  if (registered === card.idNumber || registered === card.oldIdNumber) {
    return row('idNumber', 'idCard', registered, registered, 'match');
  }
  const type = registration.idDocument.type;
  if (type === 'passport' || (type === 'cmnd' && card.oldIdNumber === null)) {
    return row('idNumber', 'idCard', registered, null, 'not-on-card');
  }
  return exactRow('idNumber', 'idCard', registered, type === 'cmnd' ? card.oldIdNumber : card.idNumber);
}

type PersonOnCard = Pick<CccdFields | BhytFields, 'fullName' | 'dateOfBirth' | 'sex' | 'address'>;

function personRows(
  registration: Registration,
  source: CardSource,
  card: PersonOnCard | null,
): IdentityRow[] {
  const rows = [
    nameRow(source, registration.fullName, card?.fullName ?? null),
    birthDateRow(source, registration.dateOfBirth, card?.dateOfBirth ?? null),
    exactRow('sex', source, registration.sex, card?.sex ?? null),
  ];
  if (card !== null) rows.push(addressRow(source, registration.address, card.address));
  return rows;
}

function sourced(source: CardSource, warnings: readonly CardWarning[] | undefined): SourcedCardWarning[] {
  return (warnings ?? []).map((warning) => ({ source, code: warning.code, message: warning.message }));
}

/**
 * Compares a registration with the scanned cards. The ID card is what identifies the person, so
 * its rows are always present (`not-on-card` when it was not scanned: approving then needs an
 * override); the BHYT card adds its rows, social-insurance number first, only when scanned.
 */
export function compareIdentity(registration: Registration, cards: ScannedCards): IdentityComparison {
  const idCard = cards.idCard ?? null;
  const healthCard = cards.healthCard ?? null;
  const rows: IdentityRow[] = [
    idNumberRow(registration, idCard),
    ...personRows(registration, 'idCard', idCard),
  ];
  if (healthCard !== null) {
    rows.push(
      exactRow(
        'socialInsuranceNumber',
        'healthCard',
        registration.socialInsuranceNumber,
        healthCard.socialInsuranceNumber,
      ),
      ...personRows(registration, 'healthCard', healthCard),
    );
  }
  const verdict = rows.every((entry) => entry.outcome === 'match' || entry.outcome === 'info')
    ? 'all-match'
    : 'needs-override';
  const warnings = [
    ...(idCard !== null ? sourced('idCard', cards.idCardWarnings) : []),
    ...(healthCard !== null ? sourced('healthCard', cards.healthCardWarnings) : []),
  ];
  return { verdict, rows, warnings };
}

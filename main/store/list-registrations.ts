import type { Registration, RegistrationStatus } from '../core/registration/registration.ts';
import { idNumberKey, nameSearchKey, phoneKey, prefixUpperBound } from './lookup-keys.ts';
import { readKioskReference } from '../core/registration/kiosk-reference.ts';
import {
  selectColumns,
  toStored,
  type RegistrationRow,
  type StoredRegistration,
} from './registrations-repository.ts';
import type { Store } from './store.ts';

// The counter home's list: registrations filtered by status, channel and child/adult, optionally
// matched by what the officer typed, newest submitted first, one page at a time with the number of
// all matches (docs/local-store.md "The registration list"). Built on the columns and indexes of
// migration 0004, so neither a page nor its total reads `json` beyond the rows shown.

/** What the officer's text was recognised as (the service decides, as `registrations.search` does). */
export type RegistrationMatch =
  | { by: 'code'; code: string }
  | { by: 'id-number'; idNumber: string }
  | { by: 'old-id-number'; oldIdNumber: string }
  /** Ten digits: a social-insurance number, or a mobile number when it starts with 0. */
  | { by: 'social-insurance-number-or-phone'; digits: string }
  | { by: 'phone'; phone: string }
  /**
   * The start of the full name, diacritics and case ignored. Text that is exactly a kiosk
   * reference (`kioskReferencePattern`, any case) is looked up as one instead: the reference
   * printed on a form made offline finds its registration (index lookup), and nothing else.
   */
  | { by: 'name'; name: string }
  /** Text that can match nothing (a registration code that does not exist here). */
  | { by: 'nothing' };

export interface ListFilter {
  match: RegistrationMatch | null;
  /** null: every status. */
  status: RegistrationStatus | null;
  channel: Registration['channel'] | null;
  /** true: registered by a guardian (a child); false: without one; null: both. */
  hasGuardian: boolean | null;
  offset: number;
  limit: number;
}

export interface ListPage {
  rows: StoredRegistration[];
  /** Every live registration that matches, not only this page's. */
  total: number;
}

type Parameters = Record<string, string | number | null>;

/** The SQL condition of a match, or null when it can match nothing. */
function matchCondition(match: RegistrationMatch, parameters: Parameters): string | null {
  switch (match.by) {
    case 'code':
      parameters.code = match.code;
      return 'code = @code';
    case 'id-number':
      parameters.key = idNumberKey(match.idNumber);
      return 'id_number = @key';
    case 'old-id-number':
      parameters.key = idNumberKey(match.oldIdNumber);
      return 'old_id_number = @key';
    case 'social-insurance-number-or-phone':
      parameters.key = match.digits;
      parameters.phone = match.digits.startsWith('0') ? phoneKey(match.digits) : null;
      return '(social_insurance_number = @key OR phone = @phone)';
    case 'phone':
      parameters.key = phoneKey(match.phone);
      return 'phone = @key';
    case 'name': {
      const reference = readKioskReference(match.name);
      if (reference !== null) {
        parameters.reference = reference;
        return 'kiosk_reference = @reference';
      }
      const prefix = nameSearchKey(match.name);
      if (prefix === '') return null;
      parameters.prefix = prefix;
      parameters.upper = prefixUpperBound(prefix);
      return parameters.upper === null
        ? 'name_search_key >= @prefix'
        : 'name_search_key >= @prefix AND name_search_key < @upper';
    }
    case 'nothing':
      return null;
  }
}

/**
 * One page of the list and its total, read in one transaction (the total and the rows agree).
 *
 * Which index answers is fixed here rather than left to the planner, which has no statistics on a
 * fresh store: without a match, the page walks `registrations_list_by_status` (a status) or
 * `registrations_list_by_time` (every status) in order and checks channel/guardian inside the
 * index, and the total is the sum of `registration_counts`; with a match, the match's own
 * index (ID number, phone, name range…) finds the few candidates — the filter columns are written
 * `+column` so that no list index competes — and they are sorted.
 */
export function listRegistrations(store: Store, filter: ListFilter): ListPage {
  const parameters: Parameters = {};
  const matched = filter.match === null ? null : matchCondition(filter.match, parameters);
  if (filter.match !== null && matched === null) return { rows: [], total: 0 };
  const column = (name: string) => (matched === null ? name : `+${name}`);
  // `channel IS NOT NULL`: not a tombstone, the list indexes' own condition (migration 0004).
  const conditions = [`${column('channel')} IS NOT NULL`];
  if (filter.status !== null) {
    conditions.push(`${column('status')} = @status`);
    parameters.status = filter.status;
  }
  if (filter.channel !== null) {
    conditions.push(`${column('channel')} = @channel`);
    parameters.channel = filter.channel;
  }
  if (filter.hasGuardian !== null) {
    conditions.push(`${column('has_guardian')} = @hasGuardian`);
    parameters.hasGuardian = filter.hasGuardian ? 1 : 0;
  }
  if (matched !== null) conditions.push(matched);
  const where = conditions.join(' AND ');
  const pageIndex =
    matched !== null
      ? ''
      : filter.status === null
        ? 'INDEXED BY registrations_list_by_time'
        : 'INDEXED BY registrations_list_by_status';
  // Without a match the total is a sum of the counters (the filters name no other column); with
  // one it is a count of the match's candidates.
  const countSql =
    matched === null
      ? `SELECT coalesce(sum(n), 0) FROM registration_counts WHERE ${
          conditions.slice(1).join(' AND ') || 'true'
        }`
      : `SELECT count(*) FROM registrations WHERE ${where}`;

  // A deferred transaction: one snapshot of the store for both reads, so the total and the page agree.
  return store.read(() =>
    store.db
      .transaction((): ListPage => {
        const total = store.statement(countSql).pluck().get(parameters) as number;
        const rows = store
          .statement(
            `${selectColumns} ${pageIndex} WHERE ${where}
         ORDER BY submitted_at DESC, code LIMIT @limit OFFSET @offset`,
          )
          .all({ ...parameters, limit: filter.limit, offset: filter.offset }) as RegistrationRow[];
        return { rows: rows.map((row) => toStored(store, row)), total };
      })
      .deferred(),
  );
}

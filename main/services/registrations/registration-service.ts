import type {
  DecideArguments,
  ListArguments,
  WireConflict,
  WireRegistration,
} from '../../../preload/contract/areas/registrations.ts';
import type { Registration } from '../../core/registration/registration.ts';
import { vietnamDay } from '../../core/time/vietnam-time.ts';
import { listOpenConflicts, resolveConflict } from '../../store/conflicts-repository.ts';
import { countDecisions, type DecisionCounts } from '../../store/decision-counts.ts';
import { listRegistrations, type RegistrationMatch } from '../../store/list-registrations.ts';
import { recordDecision } from '../../store/record-decision.ts';
import {
  findByCard,
  findByCode,
  findByIdNumber,
  findByOldIdNumber,
  findByPhone,
  findBySocialInsuranceNumber,
  searchByName,
  type StoredRegistration,
} from '../../store/registrations-repository.ts';
import type { Store } from '../../store/store.ts';
import type { StoreResult } from '../../store/store-error.ts';
import { AppError } from '../app-error.ts';
import { appErrorFromStore } from '../store-errors.ts';

const searchLimit = 20;

/**
 * What the officer typed, recognised: a registration code, an ID number (12 digits), an old ID
 * number (9), a social-insurance or mobile number (10), a phone number, or else the start of a name.
 * `registrations.search` and the list's `query` both go through here, so they read text alike.
 */
export function recogniseQuery(store: Store, query: string): RegistrationMatch {
  const text = query.trim();
  const digits = text.replace(/[\s.-]/g, '');
  // A registration code as printed on the form (its QR code scanned, or typed): the central owns the
  // format, so any single word is tried as a code first.
  if (/^\S+$/.test(text)) {
    const byCode = findByCode(store, text) ?? findByCode(store, text.toUpperCase());
    if (byCode) return { by: 'code', code: byCode.registration.code };
  }
  if (/^DK-/i.test(text)) return { by: 'nothing' };
  if (/^\d{12}$/.test(digits)) return { by: 'id-number', idNumber: digits };
  if (/^\d{9}$/.test(digits)) return { by: 'old-id-number', oldIdNumber: digits };
  if (/^\d{10}$/.test(digits)) return { by: 'social-insurance-number-or-phone', digits };
  if (/^\+?\d{9,12}$/.test(digits)) return { by: 'phone', phone: digits };
  return { by: 'name', name: text };
}

/** Looks a registration up by whatever the officer typed: code, ID number, old ID, social-insurance number, phone or name. */
export function searchRegistrations(store: Store, query: string): WireRegistration[] {
  return findByMatch(store, recogniseQuery(store, query)).slice(0, searchLimit).map(toWire);
}

function findByMatch(store: Store, match: RegistrationMatch): StoredRegistration[] {
  switch (match.by) {
    case 'code': {
      const one = findByCode(store, match.code);
      return one ? [one] : [];
    }
    case 'id-number':
      return findByIdNumber(store, match.idNumber);
    case 'old-id-number':
      return findByOldIdNumber(store, match.oldIdNumber);
    case 'social-insurance-number-or-phone': {
      // Ten digits is a social-insurance number or a mobile number: look both up.
      const byNumber = findBySocialInsuranceNumber(store, match.digits);
      const byPhone = match.digits.startsWith('0') ? findByPhone(store, match.digits) : [];
      return uniqueByCode([...byNumber, ...byPhone]);
    }
    case 'phone':
      return findByPhone(store, match.phone);
    case 'name':
      return searchByName(store, match.name, searchLimit);
    case 'nothing':
      return [];
  }
}

/**
 * The counter home's list: the office's registrations matching the filters (and the text, read as
 * `registrations.search` reads it), newest submitted first, one page and the total. A "child" is a
 * registration made with a guardian: the registration carries no age rule of its own, and a
 * guardian is exactly what the counter must check for a child (REGISTRATION.md). Tombstones (purged
 * registrations) are never listed.
 */
export function listOfficeRegistrations(
  store: Store,
  args: ListArguments,
): { rows: WireRegistration[]; total: number; page: number; pageSize: number } {
  const query = args.query?.trim() ?? '';
  const page = listRegistrations(store, {
    match: query === '' ? null : recogniseQuery(store, query),
    status: args.status,
    channel: args.channel,
    hasGuardian: args.age === null ? null : args.age === 'child',
    offset: args.page * args.pageSize,
    limit: args.pageSize,
  });
  return { rows: page.rows.map(toWire), total: page.total, page: args.page, pageSize: args.pageSize };
}

/** The registrations of a scanned card (any of its numbers), pending first, then newest first. */
export function registrationsOfCard(
  store: Store,
  numbers: { idNumber: string | null; oldIdNumber: string | null; socialInsuranceNumber: string | null },
): WireRegistration[] {
  return findByCard(store, numbers).map(toWire);
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The decisions an officer took at a counter today, "today" being the office's day in Vietnam
 * (UTC+7) whatever time zone the PC is set to.
 */
export function officerDay(
  store: Store,
  decidedBy: { officerId: string; counterId: string },
  now: Date = store.now(),
): DecisionCounts {
  const from = Date.parse(`${vietnamDay(now)}T00:00:00+07:00`);
  return countDecisions(store, {
    ...decidedBy,
    from: new Date(from).toISOString(),
    until: new Date(from + dayMs).toISOString(),
  });
}

/** Records the signed-in officer's decision at this counter (the store refuses a second one). */
export function decideRegistration(
  store: Store,
  decidedBy: { officerId: string; counterId: string },
  input: DecideArguments,
  lastCardScan?: (registration: Registration) => string | null,
): WireRegistration {
  // The card scan just before, for the reports' scan-to-decision time (docs/reports.md).
  const before = lastCardScan ? findByCode(store, input.registrationCode) : null;
  const scannedAt = before && lastCardScan ? lastCardScan(before.registration) : null;
  unwrap(recordDecision(store, { ...input, ...decidedBy, scannedAt }));
  const stored = findByCode(store, input.registrationCode);
  if (!stored) {
    throw new AppError('registration-not-found', `Không tìm thấy hồ sơ ${input.registrationCode}.`, {
      details: { registrationCode: input.registrationCode },
    });
  }
  return toWire(stored);
}

export function openConflicts(store: Store): WireConflict[] {
  return listOpenConflicts(store).map((conflict) => ({
    id: conflict.id,
    registrationCode: conflict.registrationCode,
    ours: conflict.ours,
    winner: conflict.winner,
    detectedAt: conflict.detectedAt,
  }));
}

export function acknowledgeConflict(store: Store, conflictId: number, officerId: string): WireConflict[] {
  unwrap(resolveConflict(store, conflictId, officerId));
  return openConflicts(store);
}

function unwrap<T>(result: StoreResult<T>): T {
  if (!result.ok) throw appErrorFromStore(result.error);
  return result.value;
}

function uniqueByCode(rows: StoredRegistration[]): StoredRegistration[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.registration.code) && seen.add(row.registration.code));
}

function toWire(stored: StoredRegistration): WireRegistration {
  const decision = stored.localDecision;
  return {
    registration: stored.registration,
    localState: stored.localState,
    localDecision: decision
      ? {
          outcome: decision.outcome,
          reasonCode: decision.reasonCode,
          note: decision.note,
          officerId: decision.officerId,
          counterId: decision.counterId,
          decidedAt: decision.decidedAt,
          override: decision.override,
        }
      : null,
  };
}

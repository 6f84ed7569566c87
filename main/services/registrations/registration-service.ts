import type {
  DecideArguments,
  WireConflict,
  WireRegistration,
} from '../../../preload/contract/areas/registrations.ts';
import { listOpenConflicts, resolveConflict } from '../../store/conflicts-repository.ts';
import { recordDecision } from '../../store/record-decision.ts';
import {
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

/** Looks a registration up by whatever the officer typed: code, ID number, old ID, social-insurance number, phone or name. */
export function searchRegistrations(store: Store, query: string): WireRegistration[] {
  const text = query.trim();
  const digits = text.replace(/[\s.-]/g, '');
  let found: StoredRegistration[];
  // A registration code as printed on the form (its QR code scanned, or typed): the central owns the
  // format, so any single word is tried as a code first.
  const byCode = /^\S+$/.test(text)
    ? (findByCode(store, text) ?? findByCode(store, text.toUpperCase()))
    : null;
  if (byCode) {
    found = [byCode];
  } else if (/^DK-/i.test(text)) {
    const one = findByCode(store, text.toUpperCase());
    found = one ? [one] : [];
  } else if (/^\d{12}$/.test(digits)) {
    found = findByIdNumber(store, digits);
  } else if (/^\d{9}$/.test(digits)) {
    found = findByOldIdNumber(store, digits);
  } else if (/^\d{10}$/.test(digits)) {
    // Ten digits is a social-insurance number or a mobile number: look both up.
    const byNumber = findBySocialInsuranceNumber(store, digits);
    const byPhone = digits.startsWith('0') ? findByPhone(store, digits) : [];
    found = uniqueByCode([...byNumber, ...byPhone]);
  } else if (/^\+?\d{9,12}$/.test(digits)) {
    found = findByPhone(store, digits);
  } else {
    found = searchByName(store, text, searchLimit);
  }
  return found.slice(0, searchLimit).map(toWire);
}

/** Records the signed-in officer's decision at this counter (the store refuses a second one). */
export function decideRegistration(
  store: Store,
  decidedBy: { officerId: string; counterId: string },
  input: DecideArguments,
): WireRegistration {
  unwrap(recordDecision(store, { ...input, ...decidedBy }));
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

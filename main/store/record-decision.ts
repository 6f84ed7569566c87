import { randomUUID } from 'node:crypto';
import { decisionSchema, type Decision, type Registration } from '../core/registration/registration.ts';
import { appendAudit } from './audit-log.ts';
import { insertOutboxEvent } from './outbox-repository.ts';
import type { LocalState } from './registrations-repository.ts';
import type { Store } from './store.ts';
import { failure, ok, StoreError, type StoreResult } from './store-error.ts';
import { vietnamDateTime } from '../core/time/vietnam-time.ts';

export interface DecisionInput {
  registrationCode: string;
  outcome: Decision['outcome'];
  reasonCode: string | null;
  note: string | null;
  officerId: string;
  counterId: string;
  /** Approving despite a mismatch; the note says why (REGISTRATION.md). */
  override: boolean;
  /**
   * When the person's card was scanned at this PC just before (the reports' "scan to decision"
   * time); null or absent when no matching scan was seen.
   */
  scannedAt?: string | null;
}

export interface RecordedDecision {
  eventId: string;
  registrationCode: string;
  decision: Decision;
}

/** Who decided what and when, as the refusal shows it to the officer. */
export interface ExistingDecision {
  outcome: Decision['outcome'];
  officerId: string;
  counterId: string;
  decidedAt: string;
  /** 'this-device': recorded here and maybe not pushed yet; 'central': known from the central service. */
  source: 'this-device' | 'central';
}

interface RegistrationRow {
  json: string | null;
  local_state: LocalState;
}

interface LiveDecisionRow {
  outcome: Decision['outcome'];
  officer_id: string;
  counter_id: string;
  decided_at: string;
}

/**
 * Records an officer's decision. The decision row, the registration's local state, the audit entry
 * and the outbox row commit in ONE transaction (ARCHITECTURE.md "Data and sync principles"): if any
 * of them fails, none exists, so a decision can neither be lost before the push nor pushed without
 * being recorded. The "is it still pending?" check runs inside the same write-locked transaction,
 * so two counters sharing this store cannot both decide.
 *
 * Refusals are values: `registration-not-found`, `already-decided` (details.existing says who decided
 * what and when), `registration-not-pending` (withdrawn/expired). SQLite failures throw StoreError.
 */
export function recordDecision(
  store: Store,
  input: DecisionInput,
  options: { eventId?: string } = {},
): StoreResult<RecordedDecision> {
  const decision = decisionSchema.parse({
    outcome: input.outcome,
    reasonCode: input.reasonCode,
    note: input.note,
    officerId: input.officerId,
    counterId: input.counterId,
    decidedAt: store.now().toISOString(),
    override: input.override,
  });
  const eventId = options.eventId ?? randomUUID();
  const scannedAt = input.scannedAt ? new Date(input.scannedAt).toISOString() : null;
  const code = input.registrationCode;

  return store.transaction((): StoreResult<RecordedDecision> => {
    const row = store.statement('SELECT json, local_state FROM registrations WHERE code = ?').get(code) as
      RegistrationRow | undefined;
    if (row === undefined || row.json === null) {
      return failure(
        new StoreError('registration-not-found', `Không tìm thấy hồ sơ đăng ký ${code} trên máy này.`, {
          details: { registrationCode: code },
        }),
      );
    }
    const refusal = refusalFor(store, code, row.local_state, JSON.parse(row.json) as Registration);
    if (refusal !== null) return failure(refusal);

    store
      .statement(
        `INSERT INTO decisions (event_id, registration_code, outcome, reason_code, note, officer_id, counter_id,
           override, decided_at, scanned_at, sync_state)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')`,
      )
      .run(
        eventId,
        code,
        decision.outcome,
        decision.reasonCode,
        decision.note,
        decision.officerId,
        decision.counterId,
        decision.override ? 1 : 0,
        decision.decidedAt,
        scannedAt,
      );
    store
      .statement(`UPDATE registrations SET local_state = 'decided-locally', updated_at = ? WHERE code = ?`)
      .run(decision.decidedAt, code);
    // One action for every decision; an override is `override: true` in its details (what the audit
    // screen and the reports look for). No personal data and never the note's text.
    appendAudit(store, {
      actor: decision.officerId,
      action: 'decision.recorded',
      subject: code,
      details: {
        eventId,
        outcome: decision.outcome,
        reasonCode: decision.reasonCode,
        override: decision.override,
        counterId: decision.counterId,
      },
    });
    insertOutboxEvent(store, {
      eventId,
      type: 'decision',
      payload: { registrationCode: code, decision },
    });
    return ok({ eventId, registrationCode: code, decision });
  });
}

function refusalFor(
  store: Store,
  code: string,
  localState: LocalState,
  registration: Registration,
): StoreError | null {
  const live = store
    .statement(
      `SELECT outcome, officer_id, counter_id, decided_at FROM decisions
       WHERE registration_code = ? AND sync_state IN ('pending', 'synced')`,
    )
    .get(code) as LiveDecisionRow | undefined;
  if (live !== undefined) {
    return alreadyDecided(code, {
      outcome: live.outcome,
      officerId: live.officer_id,
      counterId: live.counter_id,
      decidedAt: live.decided_at,
      source: 'this-device',
    });
  }
  if (registration.decision !== null) {
    return alreadyDecided(code, { ...registration.decision, source: 'central' });
  }
  if (registration.status !== 'pending') {
    return new StoreError(
      'registration-not-pending',
      `Hồ sơ ${code} không còn chờ duyệt (trạng thái: ${statusVi[registration.status]}).`,
      { details: { registrationCode: code, status: registration.status } },
    );
  }
  if (localState === 'conflict') {
    // A conflict is open but the server's version is still pending: wait for the next pull rather
    // than decide a second time over a refusal the officer has not seen.
    return new StoreError(
      'already-decided',
      `Hồ sơ ${code} đang có xung đột chưa xử lý; hãy xem xung đột trước khi quyết định lại.`,
      { details: { registrationCode: code, existing: null } },
    );
  }
  return null;
}

const statusVi: Record<Registration['status'], string> = {
  pending: 'chờ duyệt',
  approved: 'đã duyệt',
  rejected: 'đã từ chối',
  withdrawn: 'đã rút',
  expired: 'đã hết hạn',
};

const outcomeVi: Record<Decision['outcome'], string> = { approved: 'duyệt', rejected: 'từ chối' };

function alreadyDecided(
  code: string,
  existing: Omit<Decision, 'reasonCode' | 'note' | 'override'> & {
    source: ExistingDecision['source'];
  },
): StoreError {
  const details: ExistingDecision = {
    outcome: existing.outcome,
    officerId: existing.officerId,
    counterId: existing.counterId,
    decidedAt: existing.decidedAt,
    source: existing.source,
  };
  return new StoreError(
    'already-decided',
    `Hồ sơ ${code} đã được cán bộ ${details.officerId} (quầy ${details.counterId}) ` +
      `${outcomeVi[details.outcome]} lúc ${vietnamDateTime(details.decidedAt)}` +
      (details.source === 'this-device' ? ' trên máy này.' : '.'),
    { details: { registrationCode: code, existing: details } },
  );
}

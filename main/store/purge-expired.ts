import { appendAudit } from './audit-log.ts';
import { getSetting } from './settings-repository.ts';
import type { Store } from './store.ts';

// Personal data is kept only as long as the counter needs it (docs/local-store.md "Retention"):
//  - a registration in a final status (approved, rejected, withdrawn, expired) whose local state is
//    'synced' and that has not changed for `registrationRetentionDays` keeps only a tombstone: code,
//    office, status, server_seq (so an older version can never come back). The JSON, every searchable
//    personal column, the list's columns (a tombstone is never listed) and the free-text notes of
//    the decisions on it (ours and a conflict's winner) are erased;
//  - a kiosk registration accepted by the central service more than `kioskPayloadRetentionDays` ago
//    loses its payload (one also printed loses it at once: eraseDeliveredKioskEvent), and so does
//    one the central refused, that long after it was made;
//  - outbox rows finished more than `finishedOutboxRetentionDays` ago are deleted (their payload
//    repeats the personal data);
//  - print jobs finished more than `printJobRetentionDays` ago are deleted, and jobs still waiting
//    or failed that long are cancelled (their PDF, a copy of the citizen's data, is dropped).
// Pending registrations, un-pushed decisions, open conflicts and unsynced kiosk submissions are never
// purged, whatever their age. The audit trail is kept: it holds no personal data, only codes.

export interface PurgeReport {
  registrations: number;
  kioskRegistrations: number;
  outboxRows: number;
  printJobs: number;
}

const dayMs = 24 * 60 * 60 * 1000;

export function purgeExpired(store: Store, now: Date = store.now()): PurgeReport {
  const cutoff = (days: number) => new Date(now.getTime() - days * dayMs).toISOString();
  const registrationCutoff = cutoff(getSetting(store, 'registrationRetentionDays'));
  const kioskCutoff = cutoff(getSetting(store, 'kioskPayloadRetentionDays'));
  const outboxCutoff = cutoff(getSetting(store, 'finishedOutboxRetentionDays'));
  const printCutoff = cutoff(getSetting(store, 'printJobRetentionDays'));

  return store.transaction(() => {
    const at = now.toISOString();
    const purgedCodes = store
      .statement(
        `UPDATE registrations SET json = NULL, id_number = NULL, old_id_number = NULL,
           social_insurance_number = NULL, phone = NULL, name_search_key = NULL, channel = NULL,
           submitted_at = NULL, has_guardian = NULL, purged_at = ?
         WHERE purged_at IS NULL AND status <> 'pending' AND updated_at < ? AND local_state = 'synced'
           AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.registration_code = registrations.code
                             AND d.sync_state = 'pending')
         RETURNING code`,
      )
      .all(at, registrationCutoff) as Array<{ code: string }>;
    const clearNote = store.statement('UPDATE decisions SET note = NULL WHERE registration_code = ?');
    const clearWinningNote = store.statement(
      `UPDATE conflicts SET winner = json_set(winner, '$.decision.note', NULL)
       WHERE registration_code = ? AND json_type(winner, '$.decision') = 'object'`,
    );
    for (const { code } of purgedCodes) {
      clearNote.run(code);
      clearWinningNote.run(code);
    }

    const kiosk =
      store
        .statement(
          `UPDATE kiosk_registrations SET payload = NULL, purged_at = ?
         WHERE purged_at IS NULL AND sync_state = 'synced' AND synced_at < ?`,
        )
        .run(at, kioskCutoff).changes +
      // A form the central refused (an office it no longer knows…) never reaches it: after the
      // same delay its data goes too (the done screen told the citizen to ask at the counter).
      store
        .statement(
          `UPDATE kiosk_registrations SET payload = NULL, purged_at = ?
           WHERE purged_at IS NULL AND sync_state = 'invalid' AND created_at < ?`,
        )
        .run(at, kioskCutoff).changes;
    const outbox = store
      .statement(`DELETE FROM outbox WHERE state <> 'pending' AND finished_at < ?`)
      .run(outboxCutoff).changes;

    const printJobs =
      store
        .statement(`DELETE FROM print_jobs WHERE state IN ('done', 'cancelled') AND updated_at < ?`)
        .run(printCutoff).changes +
      store
        .statement(
          `UPDATE print_jobs SET state = 'cancelled', pdf = NULL, updated_at = ?, finished_at = ?
           WHERE state IN ('pending', 'failed') AND updated_at < ?`,
        )
        .run(at, at, printCutoff).changes;

    const report = {
      registrations: purgedCodes.length,
      kioskRegistrations: kiosk,
      outboxRows: outbox,
      printJobs,
    };
    if (report.registrations + report.kioskRegistrations + report.outboxRows + report.printJobs > 0) {
      appendAudit(store, {
        actor: 'system',
        action: 'retention.purged',
        subject: null,
        details: { ...report },
      });
    }
    return report;
  });
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskSubmission } from '../../../preload/contract/areas/kiosk.ts';
import { settingsSchema, type Settings } from '../../../preload/contract/settings-schema.ts';
import { kioskSubmissionSample } from '../../../tests/fixtures/kiosk-submission.ts';
import { kioskReferencePattern } from '../../core/registration/kiosk-reference.ts';
import { listAudit } from '../../store/audit-log.ts';
import { findKioskRegistration } from '../../store/kiosk-registrations-repository.ts';
import { findOutboxEvent, markDone, nextBatch } from '../../store/outbox-repository.ts';
import { upsertKioskStatusIndex } from '../../store/kiosk-status-index.ts';
import {
  makeRegistration,
  openTestStore,
  tempDir,
  testClock,
  type TempDir,
  type TestClock,
} from '../../store/store-test-helpers.ts';
import type { Store } from '../../store/store.ts';
import { isAppError } from '../app-error.ts';
import { PrintService } from '../print/print-service.ts';
import { fakePrinter, renderer, type FakePrinter } from '../print/print-test-doubles.ts';
import { KioskService, type KioskSync } from './kiosk-service.ts';

// The kiosk's rules with a real store, a print queue on a fake spooler and a sync that does what
// each test says: one registration per submission whatever is tapped or retried, a person with a
// pending registration shown it, prints bound to the visit and never doubled, the central's code
// on the form when it answers in time, and the citizen's data erased once delivered and printed.

let temp: TempDir;
let clock: TestClock;
let store: Store;
let printer: FakePrinter;
let settings: Settings;
let sync: KioskSync & { pushes: number; answer: () => Promise<unknown> };
let kiosk: KioskService;

function submission(overrides: Partial<KioskSubmission> = {}): KioskSubmission {
  return {
    ...kioskSubmissionSample,
    submissionId: crypto.randomUUID(),
    language: 'ko',
    email: 'hoa@example.vn',
    sendDeclarationCopy: true,
    ...overrides,
  };
}

async function failure(run: () => unknown): Promise<{ code: string; details: unknown }> {
  try {
    await run();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected an AppError');
}

/** What the central would answer for the visit's event: accepted with `code`. */
function centralAccepts(eventId: string, code: string): void {
  markDone(store, [{ eventId, serverCode: code }]);
}

beforeEach(async () => {
  temp = tempDir();
  clock = testClock('2026-12-01T02:00:00.000Z');
  store = openTestStore(temp.file('store.sqlite'), { now: clock.now });
  printer = fakePrinter();
  settings = settingsSchema.parse({ mode: 'kiosk', officeCode: '07921', counterId: 'K1' });
  sync = {
    pushes: 0,
    answer: () => new Promise(() => {}),
    localChange: () => void (sync.pushes += 1),
    syncNow: () => sync.answer(),
  };
  const prints = new PrintService({
    store,
    dataDirectory: temp.dir,
    now: clock.now,
    printer,
    renderer,
    settings: () => settings,
    trainingMode: () => false,
    timeoutMs: 1000,
    onQueueChanged: () => {},
  });
  await prints.start();
  kiosk = new KioskService({ store, now: clock.now, settings: () => settings, sync, prints, codeWaitMs: 20 });
});
afterEach(() => {
  store.close();
  temp.remove();
});

describe('a kiosk submission', () => {
  it('is stored with its outbox event, keyed by the submission id, and pushed at once', () => {
    kiosk.begin('ko');
    const sent = submission();
    const receipt = kiosk.submit(sent);
    expect(receipt).toMatchObject({
      registrationCode: null,
      syncState: 'pending',
      officeCode: '07921',
      ticketNumber: 'K1-001',
      email: 'hoa@example.vn',
      sendDeclarationCopy: true,
    });
    expect(receipt.reference).toMatch(kioskReferencePattern);
    expect(sync.pushes).toBe(1);
    expect(findOutboxEvent(store, sent.submissionId)?.type).toBe('kiosk-registration');
    const [event] = nextBatch(store, 10);
    expect(event?.eventId).toBe(sent.submissionId);
    // The screen's own fields stay on the kiosk; the central gets the canonical ones and the reference.
    expect(event?.payload).toEqual({
      socialInsuranceNumber: '7912345678',
      fullName: 'Lê Thị Hoa',
      dateOfBirth: '1990-05-01',
      sex: 'female',
      idDocument: sent.idDocument,
      address: sent.address,
      phone: '0912345678',
      email: 'hoa@example.vn',
      officeCode: '07921',
      guardian: null,
      sendDeclarationCopy: true,
      localReference: receipt.reference,
    });
    expect(listAudit(store).map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['kiosk-registration.submitted', 'kiosk-registration.consented']),
    );
  });

  it('sent twice (a double tap, a retry after a lost answer) is one registration with one ticket', () => {
    kiosk.begin('vi');
    const sent = submission();
    const first = kiosk.submit(sent);
    const second = kiosk.submit(sent);
    expect(second).toEqual(first);
    const rows = store.read(
      () => store.statement('SELECT count(*) AS n FROM kiosk_registrations').get() as { n: number },
    );
    expect(rows.n).toBe(1);
    kiosk.begin('vi');
    expect(
      kiosk.submit(submission({ idDocument: { ...sent.idDocument, number: '001090000001' } })).ticketNumber,
    ).toBe('K1-002');
  });

  it('numbers tickets per Vietnam day', () => {
    kiosk.begin('vi');
    expect(kiosk.submit(submission()).ticketNumber).toBe('K1-001');
    // 17:30 UTC is 00:30 the next day in Vietnam.
    clock.set('2026-12-01T17:30:00.000Z');
    kiosk.begin('vi');
    const other = submission({
      idDocument: { type: 'cccd', number: '001090000001', issueDate: null, issuePlace: null },
    });
    expect(kiosk.submit(other).ticketNumber).toBe('K1-001');
  });

  it('is refused for a person whose kiosk form is still waiting for the central', async () => {
    kiosk.begin('vi');
    const first = kiosk.submit(submission());
    kiosk.begin('en');
    const refused = await failure(() => kiosk.submit(submission()));
    expect(refused).toEqual({
      code: 'kiosk-registration-exists',
      details: {
        registrationCode: null,
        reference: first.reference,
        submittedAt: first.submittedAt,
        waitingForSync: true,
        officeName: 'BHXH khu vực Sài Gòn, TP. Hồ Chí Minh',
      },
    });
    expect(
      kiosk.existing({ idNumber: '079190001234', oldIdNumber: null, socialInsuranceNumber: null }),
    ).toMatchObject({
      reference: first.reference,
      status: 'pending',
      waitingForSync: true,
      maskedName: 'L* T** H**',
    });
  });

  it('is refused for a person with a pending registration at the central, found by the ID document only', async () => {
    upsertKioskStatusIndex(
      store,
      [
        {
          seq: 1,
          registration: makeRegistration({
            code: 'DK-07921-2026-000123',
            idDocument: { type: 'cccd', number: '079190001234', issueDate: null, issuePlace: null },
            status: 'pending',
          }),
        },
        {
          // A stranger whose social-insurance number the citizen might mistype (no BHYT card).
          seq: 2,
          registration: makeRegistration({
            code: 'DK-07921-2026-000124',
            socialInsuranceNumber: '7900000001',
            idDocument: { type: 'cccd', number: '079999999999', issueDate: null, issuePlace: null },
            status: 'pending',
          }),
        },
      ],
      { officeCode: '07921', seq: 2 },
    );
    kiosk.begin('vi');
    const refused = await failure(() => kiosk.submit(submission()));
    expect(refused.code).toBe('kiosk-registration-exists');
    expect(refused.details).toMatchObject({
      registrationCode: 'DK-07921-2026-000123',
      waitingForSync: false,
    });
    expect(sync.pushes).toBe(0);
    // The stranger's number typed by mistake: neither their registration shown, nor this person stopped.
    kiosk.begin('vi');
    const other = submission({
      socialInsuranceNumber: '7900000001',
      idDocument: { type: 'cccd', number: '001090000001', issueDate: null, issuePlace: null },
    });
    expect(kiosk.submit(other).registrationCode).toBeNull();
  });

  it('recognises a person whose form went to another office, after the kiosk erased its data', async () => {
    kiosk.begin('vi');
    const sent = submission({ officeCode: '01001' });
    kiosk.submit(sent);
    await kiosk.print();
    centralAccepts(sent.submissionId, 'DK-01001-2026-000009');
    kiosk.begin('vi');
    expect(
      kiosk.existing({ idNumber: '079190001234', oldIdNumber: null, socialInsuranceNumber: null }),
    ).toMatchObject({
      registrationCode: 'DK-01001-2026-000009',
      status: 'pending',
    });
    expect((await failure(() => kiosk.submit(submission()))).code).toBe('kiosk-registration-exists');
    // A week on, that office has answered (this kiosk does not see it): the person may file again.
    clock.set('2026-12-09T02:00:00.000Z');
    kiosk.begin('vi');
    expect(kiosk.submit(submission()).ticketNumber).toBe('K1-001');
  });

  it('answers a replayed submission id with the first receipt only for the same form', async () => {
    kiosk.begin('vi');
    const sent = submission();
    const first = kiosk.submit(sent);
    // A lost answer, then the citizen corrected the phone and sent again: the first form stands.
    const changed = await failure(() => kiosk.submit({ ...sent, phone: '0987654321' }));
    expect(changed).toMatchObject({
      code: 'kiosk-registration-exists',
      details: { reference: first.reference },
    });
    // The same form in a new visit (the page began again after the backend forgot the visit).
    kiosk.begin('vi');
    expect(kiosk.submit(sent)).toEqual(first);
  });
});

describe('the visit', () => {
  it('is required, ends on request, and lapses when nobody touched it past the idle timeout', async () => {
    expect((await failure(() => kiosk.submit(submission()))).code).toBe('kiosk-visit-required');
    kiosk.begin('vi');
    kiosk.end();
    expect((await failure(() => kiosk.receipt())).code).toBe('kiosk-visit-required');
    kiosk.begin('vi');
    kiosk.submit(submission());
    // 90 s idle timeout + 30 s grace: at 119 s the visit is still there, and touching it renews it.
    clock.set('2026-12-01T02:01:59.000Z');
    expect(kiosk.receipt().ticketNumber).toBe('K1-001');
    // The page's activity call keeps it alive while the citizen types without any other call.
    clock.set('2026-12-01T02:03:50.000Z');
    expect(kiosk.activity()).toEqual({});
    clock.set('2026-12-01T02:05:45.000Z');
    expect(kiosk.receipt().ticketNumber).toBe('K1-001');
    clock.set('2026-12-01T02:07:46.000Z');
    expect((await failure(() => kiosk.activity())).code).toBe('kiosk-visit-required');
  });

  it('reaches only its own submission: a new visit has nothing to print', async () => {
    kiosk.begin('vi');
    kiosk.submit(submission());
    kiosk.begin('vi');
    expect((await failure(() => kiosk.print())).code).toBe('kiosk-nothing-submitted');
    expect(printer.printed).toEqual([]);
  });
});

describe('printing at the kiosk', () => {
  it('prints the kiosk reference when the central does not answer in time, once however often it is asked', async () => {
    kiosk.begin('ko');
    const receipt = kiosk.submit(submission());
    const [first, second] = await Promise.all([kiosk.print(), kiosk.print()]);
    expect(first).toEqual(second);
    expect(first.jobs).toMatchObject([{ state: 'done', failure: null }]);
    expect(first.formCode).toBe(receipt.reference);
    expect(printer.printed).toEqual([`To khai ${receipt.reference}`]);
    // The kiosk has no print queue screen: the job does not keep the citizen's name.
    const names = store.read(
      () => store.statement('SELECT citizen_name FROM print_jobs').all() as Array<{ citizen_name: unknown }>,
    );
    expect(names).toEqual([{ citizen_name: null }]);
    expect(await kiosk.print()).toEqual(first);
    expect(printer.printed).toHaveLength(1);
    expect(findKioskRegistration(store, receipt.reference)?.printedAt).not.toBeNull();
  });

  it('prints the central’s code when the push is answered while the form waits', async () => {
    kiosk.begin('vi');
    const sent = submission();
    kiosk.submit(sent);
    sync.answer = async () => centralAccepts(sent.submissionId, 'DK-07921-2026-000777');
    expect((await kiosk.print()).formCode).toBe('DK-07921-2026-000777');
    expect(printer.printed).toEqual(['To khai DK-07921-2026-000777']);
  });

  it('keeps a failed job and prints that same job again, not a second one', async () => {
    kiosk.begin('vi');
    kiosk.submit(submission());
    printer.next.push(async () => ({
      status: 'failed',
      code: 'printer-stopped',
      reason: 'Hết giấy khay 1',
      systemJobId: null,
    }));
    const failed = await kiosk.print();
    expect(failed.jobs).toMatchObject([
      { state: 'failed', failure: { code: 'printer-stopped', reason: 'Hết giấy khay 1' } },
    ]);
    const again = await kiosk.print();
    expect(again.jobs).toMatchObject([{ jobId: failed.jobs[0]?.jobId, state: 'done' }]);
    expect(printer.printed).toHaveLength(2);
  });

  it('erases the citizen’s data once the central has the form and it is printed', async () => {
    kiosk.begin('vi');
    const sent = submission();
    const receipt = kiosk.submit(sent);
    await kiosk.print();
    // Printed but not yet at the central: the payload must stay (it is the only copy).
    expect(findKioskRegistration(store, receipt.reference)?.payload).not.toBeNull();
    centralAccepts(sent.submissionId, 'DK-07921-2026-000778');
    // The sync's own answer erases it (the kiosk may be showing another citizen by then), and the
    // finished outbox row keeps only the reference.
    expect(findKioskRegistration(store, receipt.reference)).toMatchObject({ payload: null });
    const outboxPayload = store.read(
      () =>
        store.statement('SELECT payload FROM outbox WHERE event_id = ?').get(sent.submissionId) as {
          payload: string;
        },
    );
    expect(JSON.parse(outboxPayload.payload)).toEqual({ localReference: receipt.reference });
    expect(kiosk.receipt()).toMatchObject({
      registrationCode: 'DK-07921-2026-000778',
      ticketNumber: 'K1-001',
    });
  });
});

describe('the status lookup', () => {
  beforeEach(() => {
    upsertKioskStatusIndex(
      store,
      [
        {
          seq: 1,
          registration: makeRegistration({
            code: 'DK-07921-2026-000500',
            fullName: 'Trịnh Quang Vĩnh',
            idDocument: { type: 'cccd', number: '079092004321', issueDate: null, issuePlace: null },
            status: 'rejected',
            decision: {
              outcome: 'rejected',
              reasonCode: 'declaration-missing',
              note: null,
              officerId: 'cb-07921-1',
              counterId: 'Q01',
              decidedAt: '2026-11-30T03:00:00.000Z',
              override: false,
            },
          }),
        },
      ],
      { officeCode: '07921', seq: 1 },
    );
  });

  it('answers by card and by the form’s code with the status and a masked name only', () => {
    kiosk.begin('vi');
    const byCard = kiosk.status({ idNumber: '079092004321', oldIdNumber: null, socialInsuranceNumber: null });
    expect(byCard).toEqual([
      expect.objectContaining({
        registrationCode: 'DK-07921-2026-000500',
        status: 'rejected',
        reasonCode: 'declaration-missing',
        decidedAt: '2026-11-30T03:00:00.000Z',
        maskedName: 'T**** Q**** V***',
      }),
    ]);
    expect(Object.keys(byCard[0] ?? {})).not.toContain('fullName');
    expect(kiosk.status({ formCode: 'DK-07921-2026-000500' })).toEqual(byCard);
    expect(kiosk.status({ formCode: 'DK-07921-2026-999999' })).toEqual([]);
  });

  it('finds a form printed offline by its kiosk reference, typed loosely', () => {
    kiosk.begin('vi');
    const receipt = kiosk.submit(submission());
    const found = kiosk.status({ formCode: receipt.reference.toLowerCase() });
    expect(found).toMatchObject([{ reference: receipt.reference, waitingForSync: true, status: 'pending' }]);
  });
});

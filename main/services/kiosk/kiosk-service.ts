import type {
  KioskLanguage,
  KioskReceipt,
  KioskStatusEntry,
  KioskSubmission,
} from '../../../preload/contract/areas/kiosk.ts';
import type { PrintJob } from '../../../preload/contract/areas/print.ts';
import type { Settings } from '../../../preload/contract/settings-schema.ts';
import { newKioskReference, readKioskReference } from '../../core/registration/kiosk-reference.ts';
import type { Registration } from '../../core/registration/registration.ts';
import { vietnamDay } from '../../core/time/vietnam-time.ts';
import { bhxhOffice } from '../../documents/declaration/bhxh-office-directory.ts';
import { appendAudit } from '../../store/audit-log.ts';
import {
  eraseDeliveredKioskPayload,
  findKioskRegistration,
  findKioskRegistrationByEventId,
  findKioskRegistrationByServerCode,
  findKioskRegistrationsByPerson,
  markKioskRegistrationPrinted,
  nextKioskTicketNumber,
  submitKioskRegistration,
  type KioskRegistration,
} from '../../store/kiosk-registrations-repository.ts';
import { listOffices } from '../../store/offices-repository.ts';
import {
  findKioskStatusByCard,
  findKioskStatusByCode,
  personKey,
  personKeyer,
  type KioskStatusRow,
} from '../../store/kiosk-status-index.ts';
import type { Store } from '../../store/store.ts';
import { AppError } from '../app-error.ts';
import type { PrintRequester, PrintService } from '../print/print-service.ts';
import { KioskVisits, type KioskVisit } from './kiosk-visit.ts';
import { maskName } from '../../core/text/mask-name.ts';

// The self-service kiosk's backend (issue #11). A citizen's form is stored with its outbox event in
// one transaction (nothing acknowledged can be lost), keyed by the submission id the screen made
// once (a double tap, a retry after a lost answer, the same form twice: one registration); a person
// with a pending registration is shown it instead of filing another; the form prints with the
// central's code when the central answers in time, else with the kiosk reference (docs/sync-protocol.md
// "Codes assigned offline"). The kiosk keeps the citizen's data only until the central has it and it
// is printed: then the payload is erased (the receipt keeps codes, the ticket number and the office).

export interface KioskSync {
  /** A form waits in the outbox: push it now. */
  localChange(): void;
  /** One sync round (push and pull) now; resolves when it ended, whatever its outcome. */
  syncNow(): Promise<unknown>;
}

export interface KioskServiceOptions {
  store: Store;
  now: () => Date;
  settings: () => Settings;
  sync: KioskSync;
  prints: PrintService;
  /** How long the print waits for the central's code before printing the kiosk reference. */
  codeWaitMs?: number;
}

const kioskRequester: PrintRequester = { staffId: 'kiosk', role: 'kiosk' };
const otherOfficeFormPendingMs = 7 * 24 * 60 * 60 * 1000;
/** The backend keeps a visit a little longer than the page's own idle timer. */
const visitGraceMs = 30_000;

type CardNumbers = {
  idNumber: string | null;
  oldIdNumber: string | null;
  socialInsuranceNumber: string | null;
};

export class KioskService {
  readonly #options: KioskServiceOptions;
  readonly #visits: KioskVisits;
  /** The visit's print while it runs: a second `kiosk.print` waits for it instead of printing again. */
  #printing: { visitId: string; run: Promise<KioskPrintAnswer> } | null = null;
  /** The print jobs of each visit's submission, by local reference. */
  readonly #jobsBySubmission = new Map<string, string[]>();

  constructor(options: KioskServiceOptions) {
    this.#options = options;
    this.#visits = new KioskVisits({
      now: options.now,
      lifetimeMs: () => options.settings().kiosk.idleTimeoutSeconds * 1000 + visitGraceMs,
    });
  }

  begin(language: KioskLanguage) {
    // The jobs of earlier visits are no longer anyone's to print again.
    this.#jobsBySubmission.clear();
    const visit = this.#visits.begin(language);
    const { idleTimeoutSeconds, idleWarningSeconds } = this.#options.settings().kiosk;
    return { visitId: visit.visitId, idleTimeoutSeconds, idleWarningSeconds };
  }

  /** Touches the visit (or says it lapsed). */
  activity(): Record<string, never> {
    this.#visit();
    return {};
  }

  end(): Record<string, never> {
    this.#visits.end();
    return {};
  }

  offices() {
    const { officeCode } = this.#options.settings();
    const fromCentral = listOffices(this.#options.store).map((office) => ({
      officeCode: office.officeCode,
      name: office.name,
    }));
    const offices =
      fromCentral.length > 0
        ? fromCentral
        : [{ officeCode, name: bhxhOffice(officeCode).name ?? officeCode }];
    // This office first: it is the default, and the one most citizens want.
    const own = offices.find((office) => office.officeCode === officeCode) ?? {
      officeCode,
      name: bhxhOffice(officeCode).name ?? officeCode,
    };
    return {
      defaultOfficeCode: officeCode,
      offices: [own, ...offices.filter((office) => office.officeCode !== officeCode)],
    };
  }

  existing(numbers: CardNumbers): KioskStatusEntry | null {
    this.#visit();
    return this.#entriesByCard(numbers).find((entry) => entry.status === 'pending') ?? null;
  }

  submit(submission: KioskSubmission): KioskReceipt {
    const visit = this.#visit();
    const { store } = this.#options;
    const again = findKioskRegistrationByEventId(store, submission.submissionId);
    if (again !== null) {
      // The same form sent again (a double tap, a retry after a lost answer): its first receipt.
      // Not when this visit already filed another form, nor when the content differs (the citizen
      // corrected a field after a lost answer): the first form is the one the central has.
      const sameForm =
        (visit.submission === null || visit.submission === again.localRef) &&
        again.payload !== null &&
        JSON.stringify(again.payload) === JSON.stringify(centralPayload(submission));
      if (sameForm) {
        visit.submission = again.localRef;
        return this.#receipt(again);
      }
      throw registrationExists(this.#localEntry(again));
    }
    // By the ID document only: a social-insurance number may have been typed (no BHYT card), and a
    // typo must neither show a stranger's registration nor stop this person registering.
    const pending = this.#entriesByCard({
      idNumber: submission.idDocument.type === 'cccd' ? submission.idDocument.number : null,
      oldIdNumber: submission.idDocument.type === 'cmnd' ? submission.idDocument.number : null,
      socialInsuranceNumber: null,
    }).find((entry) => entry.status === 'pending');
    if (pending !== undefined) throw registrationExists(pending);
    const now = this.#options.now();
    const { counterId } = this.#options.settings();
    const stored = store.transaction(() => {
      const number = nextKioskTicketNumber(store, vietnamDay(now));
      const row = submitKioskRegistration(store, centralPayload(submission), {
        localRef: newKioskReference(),
        eventId: submission.submissionId,
        language: submission.language,
        ticketNumber: `${counterId}-${String(number).padStart(3, '0')}`,
        officeCode: submission.officeCode,
        personKey: personKey(store, submission.idDocument.number),
      });
      // What the citizen agreed to, and when: the consent screen's text is the kiosk's, by version.
      appendAudit(store, {
        actor: 'kiosk',
        action: 'kiosk-registration.consented',
        subject: row.localRef,
        details: { notice: 'decree-13-2023/v1', language: submission.language },
      });
      return row;
    });
    visit.submission = stored.localRef;
    this.#options.sync.localChange();
    return this.#receipt(stored);
  }

  receipt(): KioskReceipt {
    const row = this.#submission(this.#visit());
    eraseDeliveredKioskPayload(this.#options.store, row.localRef);
    return this.#receipt(findKioskRegistration(this.#options.store, row.localRef) ?? row);
  }

  async print(): Promise<KioskPrintAnswer> {
    const visit = this.#visit();
    const row = this.#submission(visit);
    if (this.#printing?.visitId === visit.visitId) return this.#printing.run;
    const run = this.#print(row).finally(() => {
      if (this.#printing?.run === run) this.#printing = null;
    });
    this.#printing = { visitId: visit.visitId, run };
    return run;
  }

  status(query: CardNumbers | { formCode: string }): KioskStatusEntry[] {
    this.#visit();
    return 'formCode' in query ? this.#entriesByFormCode(query.formCode) : this.#entriesByCard(query);
  }

  async #print(row: KioskRegistration): Promise<KioskPrintAnswer> {
    const { store, prints } = this.#options;
    const jobIds = this.#jobsBySubmission.get(row.localRef) ?? [];
    const jobs = prints
      .jobsOf(row.serverCode ?? row.localRef, kioskRequester)
      .concat(row.serverCode === null ? [] : prints.jobsOf(row.localRef, kioskRequester));
    const mine = jobs.filter((job) => jobIds.includes(job.jobId));
    const last = mine.at(-1);
    let job: PrintJob;
    if (last !== undefined && last.state !== 'failed' && last.state !== 'cancelled') {
      job = last;
    } else if (last?.state === 'failed') {
      job = await prints.retry(last.jobId, kioskRequester);
    } else {
      const current = await this.#withCentralCode(row);
      if (current.payload === null) {
        throw new AppError('kiosk-nothing-submitted', 'Tờ khai này đã được in và xoá khỏi ki-ốt.');
      }
      const office = current.officeCode ?? this.#options.settings().officeCode;
      job = await prints.submitKioskForm(
        kioskForm(current, this.#officeName(office) ?? office),
        kioskRequester,
      );
      this.#jobsBySubmission.set(row.localRef, [...jobIds, job.jobId]);
    }
    if (job.state === 'done') {
      markKioskRegistrationPrinted(store, row.localRef);
      eraseDeliveredKioskPayload(store, row.localRef);
    }
    return {
      jobs: [{ jobId: job.jobId, state: job.state, failure: job.failure }],
      formCode: job.registrationCode ?? row.serverCode ?? row.localRef,
    };
  }

  /**
   * The row once the central had a moment to number it: a form printed online carries its code.
   * The store is watched rather than one sync round awaited: the round running now may have
   * started before the form was in the outbox, and the one that pushes it comes after.
   */
  async #withCentralCode(row: KioskRegistration): Promise<KioskRegistration> {
    if (row.serverCode !== null) return row;
    this.#options.sync.syncNow().catch(() => {});
    const deadline = Date.now() + (this.#options.codeWaitMs ?? 3000);
    for (;;) {
      const current = findKioskRegistration(this.#options.store, row.localRef) ?? row;
      if (current.serverCode !== null || Date.now() >= deadline) return current;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  #visit(): KioskVisit {
    const visit = this.#visits.current();
    if (visit === null) {
      throw new AppError('kiosk-visit-required', 'Phiên sử dụng ki-ốt đã kết thúc; hãy bắt đầu lại.');
    }
    return visit;
  }

  #submission(visit: KioskVisit): KioskRegistration {
    const row =
      visit.submission === null ? null : findKioskRegistration(this.#options.store, visit.submission);
    if (row === null) {
      throw new AppError('kiosk-nothing-submitted', 'Chưa có tờ khai nào được gửi trong lượt này.');
    }
    return row;
  }

  #receipt(row: KioskRegistration): KioskReceipt {
    const payload = row.payload as Partial<KioskPayload> | null;
    const officeCode = row.officeCode ?? payload?.officeCode ?? this.#options.settings().officeCode;
    return {
      reference: row.localRef,
      registrationCode: row.serverCode,
      syncState: row.syncState,
      submittedAt: row.createdAt,
      officeCode,
      officeName: this.#officeName(officeCode),
      ticketNumber: row.ticketNumber ?? '—',
      email: payload?.email ?? null,
      sendDeclarationCopy: payload?.sendDeclarationCopy ?? false,
    };
  }

  #officeName(officeCode: string): string | null {
    return (
      this.offices().offices.find((office) => office.officeCode === officeCode)?.name ??
      bhxhOffice(officeCode).name
    );
  }

  #entriesByCard(numbers: CardNumbers): KioskStatusEntry[] {
    const { store } = this.#options;
    const central = findKioskStatusByCard(store, numbers).map((row) => this.#centralEntry(row));
    const known = new Set(central.map((entry) => entry.registrationCode));
    // This kiosk's own forms by the person's key, which outlives the form's data: the same person is
    // recognised while offline, and after they chose another office (not pulled here).
    const key = personKeyer(store);
    const keys = [key(numbers.idNumber), key(numbers.oldIdNumber)].filter((value) => value !== null);
    // A form the central has but this kiosk does not see (another office) counts as pending for a
    // week — the office answers within 3 working days — so a rejected citizen can file again later.
    const recent = this.#options.now().getTime() - otherOfficeFormPendingMs;
    const local = findKioskRegistrationsByPerson(store, keys)
      .filter((row) => row.serverCode === null || !known.has(row.serverCode))
      .filter((row) => row.syncState === 'pending' || Date.parse(row.createdAt) > recent)
      .map((row) => this.#localEntry(row));
    return [...local, ...central].sort(
      (a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'),
    );
  }

  #entriesByFormCode(formCode: string): KioskStatusEntry[] {
    const { store } = this.#options;
    const reference = readKioskReference(formCode);
    const local = reference !== null ? findKioskRegistration(store, reference) : null;
    // The index knows a form by its code and by the kiosk reference it was printed with (another
    // kiosk of the office printed it offline).
    const indexed = findKioskStatusByCode(store, local?.serverCode ?? reference ?? formCode.trim());
    if (indexed !== null) return [this.#centralEntry(indexed, local?.localRef ?? indexed.kioskReference)];
    const row =
      local ?? (reference === null ? findKioskRegistrationByServerCode(store, formCode.trim()) : null);
    return row !== null && row.syncState !== 'invalid' ? [this.#localEntry(row)] : [];
  }

  #centralEntry(row: KioskStatusRow, reference: string | null = row.kioskReference): KioskStatusEntry {
    return {
      registrationCode: row.code,
      reference,
      status: row.status,
      waitingForSync: false,
      submittedAt: row.submittedAt,
      decidedAt: row.decidedAt,
      reasonCode: row.reasonCode,
      officeCode: row.officeCode,
      officeName: this.#officeName(row.officeCode),
      maskedName: row.maskedName,
    };
  }

  #localEntry(row: KioskRegistration): KioskStatusEntry {
    const payload = row.payload as Partial<KioskPayload> | null;
    const officeCode = row.officeCode ?? payload?.officeCode ?? this.#options.settings().officeCode;
    return {
      registrationCode: row.serverCode,
      reference: row.localRef,
      status: 'pending',
      waitingForSync: row.syncState === 'pending',
      submittedAt: row.createdAt,
      decidedAt: null,
      reasonCode: null,
      officeCode,
      officeName: this.#officeName(officeCode),
      // The name is gone with the form's data once it was delivered and printed.
      maskedName: payload?.fullName ? maskName(payload.fullName) : '***',
    };
  }
}

function registrationExists(pending: KioskStatusEntry): AppError {
  return new AppError(
    'kiosk-registration-exists',
    'Công dân đã có hồ sơ đăng ký đang chờ tiếp nhận: không tạo hồ sơ thứ hai.',
    {
      details: {
        registrationCode: pending.registrationCode,
        reference: pending.reference,
        submittedAt: pending.submittedAt,
        waitingForSync: pending.waitingForSync,
        officeName: pending.officeName,
      },
    },
  );
}

export interface KioskPrintAnswer {
  jobs: KioskPrintJobView[];
  formCode: string;
}

export interface KioskPrintJobView {
  jobId: string;
  state: PrintJob['state'];
  failure: PrintJob['failure'];
}

/** The event's payload: the canonical fields a kiosk collects (docs/sync-protocol.md §6). */
type KioskPayload = Pick<
  Registration,
  | 'socialInsuranceNumber'
  | 'fullName'
  | 'dateOfBirth'
  | 'sex'
  | 'idDocument'
  | 'address'
  | 'phone'
  | 'email'
  | 'officeCode'
  | 'guardian'
> & { sendDeclarationCopy: boolean };

function centralPayload(submission: KioskSubmission): KioskPayload {
  // The screen's own fields (submission id, language, consent) stay on the kiosk.
  return {
    socialInsuranceNumber: submission.socialInsuranceNumber,
    fullName: submission.fullName,
    dateOfBirth: submission.dateOfBirth,
    sex: submission.sex,
    idDocument: submission.idDocument,
    address: submission.address,
    phone: submission.phone,
    email: submission.email,
    officeCode: submission.officeCode,
    guardian: submission.guardian,
    sendDeclarationCopy: submission.sendDeclarationCopy,
  };
}

/** The form as the kiosk prints it: the submission as a pending kiosk registration, and its ticket. */
function kioskForm(row: KioskRegistration, officeName: string) {
  const payload = row.payload as KioskPayload;
  const formCode = row.serverCode ?? row.localRef;
  const { sendDeclarationCopy, ...fields } = payload;
  const registration: Registration = {
    code: formCode,
    ...fields,
    channel: 'kiosk',
    submittedAt: row.createdAt,
    status: 'pending',
    decision: null,
  };
  const language = (row.language ?? 'vi') as KioskLanguage;
  return {
    registration,
    summaryLanguage: language === 'vi' ? null : language,
    ticket: {
      ticketNumber: row.ticketNumber ?? '—',
      language,
      formCode,
      // The name the done screen shows too (the central's list), so screen and paper agree.
      officeName,
      submittedAt: row.createdAt,
      hasGuardian: payload.guardian !== null,
      copyEmail: sendDeclarationCopy ? payload.email : null,
    },
  };
}

import type { RegistrationStatus } from '../../../../main/core/registration/registration.ts';
import type { ApiError } from '../../../../preload/contract/api-result.ts';
import type { KioskLanguage, KioskReceipt } from '../../../../preload/contract/areas/kiosk.ts';
import type { printFailureCodes } from '../../../../preload/contract/areas/print.ts';
import type { HealthCard, IdCard } from '../scan/read-card.ts';
import type { GuardianRelationship } from './guardian-relationships.ts';

// Everything one citizen's visit holds, in one place above the screens: the cards read, what they
// typed, the submission's receipt and the print. Screens come and go (back, next, a language
// switch re-renders them all); the visit stays until it is wiped — start over, the idle timeout —
// and then nothing of it is left. The language is outside the visit: the attract screen is in
// Vietnamese, and a wipe brings it back.

/** What the citizen types or chooses on the form and the consent screen. */
export interface KioskForm {
  /**
   * The submission's idempotency key, made once with the visit's form: a double tap, a retry after a
   * lost answer, or a second try after a correction all send the same one.
   */
  submissionId: string;
  /** Prefilled from the ID card, editable (cards keep old addresses). */
  address: string;
  phone: string;
  email: string;
  /** null until the offices are known (then the kiosk's own office). */
  officeCode: string | null;
  /** Typed only when no health-insurance card was scanned. */
  socialInsuranceNumber: string;
  sendDeclarationCopy: boolean;
  relationship: GuardianRelationship | null;
  consent: boolean;
}

/** A registration of this person that is still open: they go to the counter instead of filing another. */
export interface ExistingRegistration {
  registrationCode: string | null;
  reference: string | null;
  status: RegistrationStatus;
  submittedAt: string;
  waitingForSync: boolean;
  officeName: string | null;
}

export type PrintFailureCode = (typeof printFailureCodes)[number];

export type PrintProgress =
  | { state: 'idle' }
  /** Asked for; the answer is awaited. */
  | { state: 'sending' }
  /** The answer said a job is still with the spooler. */
  | { state: 'printing' }
  /** `formCode`: what the paper carries (the kiosk reference when it printed offline). */
  | { state: 'printed'; formCode: string }
  | { state: 'failed'; failure: PrintFailureCode }
  /** The kiosk could not even ask for the print (the backend answered an error). */
  | { state: 'error'; error: ApiError };

export interface KioskVisit {
  visitId: string;
  idleTimeoutSeconds: number;
  idleWarningSeconds: number;
  idCard: IdCard | null;
  healthCard: HealthCard | null;
  /** The citizen said they have no health-insurance card with them. */
  noHealthCard: boolean;
  guardianCard: IdCard | null;
  form: KioskForm;
  existing: ExistingRegistration | null;
  receipt: KioskReceipt | null;
  /** Fields the backend refused on submit (canonical paths): the form shows them. */
  refusedFields: string[];
  print: PrintProgress;
}

export interface KioskVisitState {
  language: KioskLanguage;
  visit: KioskVisit | null;
}

export type VisitAction =
  | {
      type: 'begun';
      visitId: string;
      idleTimeoutSeconds: number;
      idleWarningSeconds: number;
      submissionId: string;
    }
  | { type: 'language'; language: KioskLanguage }
  | { type: 'id-card'; card: IdCard }
  | { type: 'health-card'; card: HealthCard | null }
  | { type: 'no-health-card'; value: boolean }
  | { type: 'guardian-card'; card: IdCard | null }
  | { type: 'form'; patch: Partial<Omit<KioskForm, 'submissionId'>> }
  | { type: 'existing'; existing: ExistingRegistration | null }
  | { type: 'receipt'; receipt: KioskReceipt }
  | { type: 'refused-fields'; paths: string[] }
  | { type: 'print'; print: PrintProgress }
  | { type: 'wipe' };

export const initialVisitState: KioskVisitState = { language: 'vi', visit: null };

function emptyForm(submissionId: string): KioskForm {
  return {
    submissionId,
    address: '',
    phone: '',
    email: '',
    officeCode: null,
    socialInsuranceNumber: '',
    sendDeclarationCopy: false,
    relationship: null,
    consent: false,
  };
}

export function visitReducer(state: KioskVisitState, action: VisitAction): KioskVisitState {
  if (action.type === 'wipe') return initialVisitState;
  if (action.type === 'language') return { ...state, language: action.language };
  if (action.type === 'begun') {
    return {
      ...state,
      visit: {
        visitId: action.visitId,
        idleTimeoutSeconds: action.idleTimeoutSeconds,
        idleWarningSeconds: action.idleWarningSeconds,
        idCard: null,
        healthCard: null,
        noHealthCard: false,
        guardianCard: null,
        form: emptyForm(action.submissionId),
        existing: null,
        receipt: null,
        refusedFields: [],
        print: { state: 'idle' },
      },
    };
  }
  const visit = state.visit;
  if (!visit) return state;
  return { ...state, visit: visitChange(visit, action) };
}

function visitChange(
  visit: KioskVisit,
  action: Exclude<VisitAction, { type: 'wipe' | 'language' | 'begun' }>,
) {
  switch (action.type) {
    case 'id-card': {
      const samePerson = visit.idCard?.fields.idNumber === action.card.fields.idNumber;
      if (samePerson) return { ...visit, idCard: action.card };
      // Another person's card: what belonged to the first one (their address, their guardian) goes.
      return {
        ...visit,
        idCard: action.card,
        guardianCard: null,
        existing: null,
        form: { ...visit.form, address: action.card.fields.address ?? '', relationship: null },
      };
    }
    case 'health-card':
      return {
        ...visit,
        healthCard: action.card,
        noHealthCard: action.card ? false : visit.noHealthCard,
        refusedFields: visit.refusedFields.filter((path) => path !== 'socialInsuranceNumber'),
      };
    case 'no-health-card':
      return { ...visit, noHealthCard: action.value };
    case 'guardian-card':
      return { ...visit, guardianCard: action.card };
    case 'form': {
      const changed = Object.keys(action.patch);
      return {
        ...visit,
        form: { ...visit.form, ...action.patch },
        // A field the backend refused is the citizen's to fix: once they touch it, the refusal goes.
        refusedFields: visit.refusedFields.filter((path) => !changed.some((name) => path.startsWith(name))),
      };
    }
    case 'existing':
      return { ...visit, existing: action.existing };
    case 'receipt':
      return { ...visit, receipt: laterReceipt(visit.receipt, action.receipt) };
    case 'refused-fields':
      return { ...visit, refusedFields: action.paths };
    case 'print':
      return { ...visit, print: action.print };
  }
}

/**
 * A receipt asked for again brings the central's code, but no longer the e-mail: the kiosk erases
 * the citizen's data once the central has the form and it is printed. What was promised at submit
 * (a copy to that address) is kept from the first receipt.
 */
function laterReceipt(first: KioskReceipt | null, next: KioskReceipt): KioskReceipt {
  if (!first || first.reference !== next.reference) return next;
  return { ...next, email: first.email, sendDeclarationCopy: first.sendDeclarationCopy };
}

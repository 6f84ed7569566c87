// The canonical result of reading an ID-card or BHYT-card QR code (../shared/domain/ID-CARDS.md §7).
// Field order in these interfaces is the order the parser builds, so the JSON the CLI prints is
// stable. Absent values are null, never undefined: JSON must show every key.
import type { IdCardErrorCode, IdCardWarningCode } from './id-card-code-lists.ts';

export type Sex = 'male' | 'female';

export const cccdFormats = ['cccd-2021', 'cancuoc-2024'] as const;
export const bhytFormats = ['bhyt-2015', 'bhyt-2021', 'bhyt-short'] as const;
export type CccdFormat = (typeof cccdFormats)[number];
export type BhytFormat = (typeof bhytFormats)[number];

/** Citizen ID card (CCCD, 2021) and identity card (Căn cước, 2024). Dates are YYYY-MM-DD. */
export interface CccdFields {
  idNumber: string;
  oldIdNumber: string | null;
  fullName: string;
  dateOfBirth: string;
  sex: Sex;
  address: string | null;
  issueDate: string;
  /** Căn cước 2024 only, on children's cards. */
  fatherName: string | null;
  motherName: string | null;
  /** Căn cước 2024 fields 7 and 10, raw (their meaning is unpublished); `[]` for cccd-2021. */
  extra: string[];
}

export interface Facility {
  /** 2-digit province code. */
  province: string;
  /** Facility code within the province (digits, sometimes letters: "C54"). */
  code: string;
}

export type ResidenceArea = 'K1' | 'K2' | 'K3';

/** Health-insurance card. Dates are YYYY-MM-DD; `dateOfBirth` may be a year alone (YYYY). */
export interface BhytFields {
  /** As printed: 15 characters on old cards, the 10-digit social-insurance number on new ones. */
  cardNumber: string;
  socialInsuranceNumber: string;
  /** Two letters (DN, HC, HT, TE …) on 15-character card numbers; null on new cards. */
  beneficiaryGroup: string | null;
  /** 1–5; null when the card does not say. */
  benefitLevel: number | null;
  /** 2-digit province of 15-character card numbers; null on new cards. */
  provinceCode: string | null;
  fullName: string;
  dateOfBirth: string;
  sex: Sex;
  address: string | null;
  facility: Facility | null;
  validFrom: string | null;
  /** null: no end date. */
  validTo: string | null;
  issueDate: string | null;
  managementCode: string | null;
  /** Parent or guardian on children's cards, as read (hex decoded when it was hex). */
  guardian: string | null;
  /** null: no residence-area benefit (code 4). */
  residenceArea: ResidenceArea | null;
  fiveYearDate: string | null;
  /** Opaque: no published algorithm, never validated. */
  checkString: string | null;
  /** Issuing office, new cards only. */
  issuer: string | null;
}

export interface IdCardError {
  readonly code: IdCardErrorCode;
  readonly message: string;
}

export interface CardWarning {
  readonly code: IdCardWarningCode;
  readonly message: string;
}

export interface CccdParseSuccess {
  ok: true;
  kind: 'cccd';
  format: CccdFormat;
  fields: CccdFields;
  warnings: CardWarning[];
}

export interface BhytParseSuccess {
  ok: true;
  kind: 'bhyt';
  format: BhytFormat;
  fields: BhytFields;
  warnings: CardWarning[];
}

export interface IdParseFailure {
  readonly ok: false;
  readonly error: IdCardError;
}

export type IdParseSuccess = CccdParseSuccess | BhytParseSuccess;
export type IdParseResult = IdParseSuccess | IdParseFailure;

export interface IdParseOptions {
  /** The day card validity is checked against, YYYY-MM-DD; today in Vietnam when omitted or malformed. */
  today?: string;
}

// The stable codes a parse can return. Codes are the contract (the UI keeps one translation per
// code, logs and the CLI print them); their messages are in id-card-codes.ts. Kept apart from the
// messages so that the result types (id-card-types.ts) and the results (id-card-codes.ts) both
// depend on the codes and not on each other.

export const idCardErrorCodes = [
  'not-an-id-payload',
  'payload-too-large',
  'bad-encoding',
  'bad-field-count',
  'bad-id-number',
  'bad-old-id-number',
  'missing-name',
  'bad-date',
  'bad-sex',
  'bad-hex',
  'bad-card-number',
  'bad-facility',
  'bad-management-code',
  'bad-residence-area',
  'bad-benefit-level',
] as const;

export const idCardWarningCodes = [
  'id-sex-mismatch',
  'id-century-mismatch',
  'id-year-mismatch',
  'unknown-province',
  'lost-diacritics',
  'management-code-mismatch',
  'card-expired',
  'card-not-yet-valid',
] as const;

export type IdCardErrorCode = (typeof idCardErrorCodes)[number];
export type IdCardWarningCode = (typeof idCardWarningCodes)[number];

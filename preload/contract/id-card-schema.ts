import { z } from 'zod';

// The canonical parse result of ../shared/domain/ID-CARDS.md §7, as it crosses the API. The parser in
// main/core/id-card produces it; a test checks every fixture's result against this schema.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoDateOrYear = z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/);
const code = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const cardWarningSchema = z.object({ code, message: z.string() });

export const cccdFieldsSchema = z.object({
  idNumber: z.string(),
  oldIdNumber: z.string().nullable(),
  fullName: z.string(),
  dateOfBirth: isoDate,
  sex: z.enum(['male', 'female']),
  address: z.string().nullable(),
  issueDate: isoDate.nullable(),
  fatherName: z.string().nullable(),
  motherName: z.string().nullable(),
  extra: z.array(z.string()),
});

export const bhytFieldsSchema = z.object({
  cardNumber: z.string(),
  socialInsuranceNumber: z.string(),
  beneficiaryGroup: z.string().nullable(),
  benefitLevel: z.number().int().nullable(),
  provinceCode: z.string().nullable(),
  fullName: z.string(),
  dateOfBirth: isoDateOrYear,
  sex: z.enum(['male', 'female']),
  address: z.string().nullable(),
  facility: z.object({ province: z.string(), code: z.string() }).nullable(),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  issueDate: isoDate.nullable(),
  managementCode: z.string().nullable(),
  guardian: z.string().nullable(),
  residenceArea: z.enum(['K1', 'K2', 'K3']).nullable(),
  fiveYearDate: isoDate.nullable(),
  checkString: z.string().nullable(),
  issuer: z.string().nullable(),
});

export const idParseResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(false), error: z.object({ code, message: z.string() }) }),
  z.discriminatedUnion('kind', [
    z.object({
      ok: z.literal(true),
      kind: z.literal('cccd'),
      format: z.enum(['cccd-2021', 'cancuoc-2024']),
      fields: cccdFieldsSchema,
      warnings: z.array(cardWarningSchema),
    }),
    z.object({
      ok: z.literal(true),
      kind: z.literal('bhyt'),
      format: z.enum(['bhyt-2015', 'bhyt-2021', 'bhyt-short']),
      fields: bhytFieldsSchema,
      warnings: z.array(cardWarningSchema),
    }),
  ]),
]);

export type IdParseResultWire = z.infer<typeof idParseResultSchema>;

// The canonical parse result as a zod schema, for the places that receive it as `unknown` (the
// API contract, stored scans, tests). The TypeScript types in id-card-types.ts stay the source of
// truth; the test beside this file checks that both describe the same shape.

import { z } from 'zod';
import { idCardErrorCodes, idCardWarningCodes } from './id-card-code-lists.ts';
import { bhytFormats, cccdFormats } from './id-card-types.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const sex = z.enum(['male', 'female']);

export const cardWarningSchema = z.object({ code: z.enum(idCardWarningCodes), message: z.string() });

export const cccdFieldsSchema = z.object({
  idNumber: z.string().regex(/^\d{12}$/),
  oldIdNumber: z
    .string()
    .regex(/^(\d{9}|\d{12})$/)
    .nullable(),
  fullName: z.string().min(1),
  dateOfBirth: isoDate,
  sex,
  address: z.string().min(1).nullable(),
  issueDate: isoDate,
  fatherName: z.string().min(1).nullable(),
  motherName: z.string().min(1).nullable(),
  extra: z.array(z.string()),
});

export const bhytFieldsSchema = z.object({
  cardNumber: z.string().regex(/^(\d{10}|[A-Z]{2}[1-5]\d{12})$/),
  socialInsuranceNumber: z.string().regex(/^\d{10}$/),
  beneficiaryGroup: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  benefitLevel: z.number().int().min(1).max(5).nullable(),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .nullable(),
  fullName: z.string().min(1),
  dateOfBirth: z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/),
  sex,
  address: z.string().nullable(),
  facility: z.object({ province: z.string().regex(/^\d{2}$/), code: z.string().min(1) }).nullable(),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  issueDate: isoDate.nullable(),
  managementCode: z
    .string()
    .regex(/^\d{14}$/)
    .nullable(),
  guardian: z.string().nullable(),
  residenceArea: z.enum(['K1', 'K2', 'K3']).nullable(),
  fiveYearDate: isoDate.nullable(),
  checkString: z.string().nullable(),
  issuer: z.string().nullable(),
});

export const idParseResultSchema = z.union([
  z.object({
    ok: z.literal(true),
    kind: z.literal('cccd'),
    format: z.enum(cccdFormats),
    fields: cccdFieldsSchema,
    warnings: z.array(cardWarningSchema),
  }),
  z.object({
    ok: z.literal(true),
    kind: z.literal('bhyt'),
    format: z.enum(bhytFormats),
    fields: bhytFieldsSchema,
    warnings: z.array(cardWarningSchema),
  }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.enum(idCardErrorCodes), message: z.string() }),
  }),
]);

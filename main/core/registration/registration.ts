import { z } from 'zod';

// The canonical JSON of a registration (../shared/domain/REGISTRATION.md). One schema for the API,
// the sync protocol, the store and the command line, so the shape cannot drift between them.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const isoTimestamp = z.iso.datetime({ offset: true });

export const idDocumentTypes = ['cccd', 'cmnd', 'passport'] as const;
export const registrationChannels = ['portal', 'app', 'kiosk'] as const;
export const registrationStatuses = ['pending', 'approved', 'rejected', 'withdrawn', 'expired'] as const;
export const decisionOutcomes = ['approved', 'rejected'] as const;

export const idDocumentSchema = z.object({
  type: z.enum(idDocumentTypes),
  number: z.string().min(1).max(20),
  issueDate: isoDate.nullable(),
  issuePlace: z.string().max(200).nullable(),
});

export const guardianSchema = z.object({
  fullName: z.string().min(1).max(200),
  idNumber: z.string().min(1).max(20),
  relationship: z.string().min(1).max(100),
});

export const decisionSchema = z.object({
  outcome: z.enum(decisionOutcomes),
  reasonCode: z.string().max(64).nullable(),
  note: z.string().max(2000).nullable(),
  officerId: z.string().min(1).max(64),
  counterId: z.string().min(1).max(64),
  decidedAt: isoTimestamp,
  override: z.boolean(),
});

export const registrationSchema = z.object({
  code: z.string().min(1).max(64),
  socialInsuranceNumber: z.string().regex(/^\d{10}$/, '10 digits'),
  fullName: z.string().min(1).max(200),
  dateOfBirth: isoDate,
  sex: z.enum(['male', 'female']),
  idDocument: idDocumentSchema,
  address: z.string().max(500),
  phone: z.string().max(20).nullable(),
  email: z.string().max(254).nullable(),
  officeCode: z.string().min(1).max(16),
  channel: z.enum(registrationChannels),
  submittedAt: isoTimestamp,
  guardian: guardianSchema.nullable(),
  status: z.enum(registrationStatuses),
  decision: decisionSchema.nullable(),
});

export type IdDocument = z.infer<typeof idDocumentSchema>;
export type Guardian = z.infer<typeof guardianSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type Registration = z.infer<typeof registrationSchema>;
export type RegistrationStatus = (typeof registrationStatuses)[number];

import { z } from 'zod';

// The shape of the declaration template (resources/forms/declaration-01-dk-gd.v1.json and an
// administrator's replacement in <data>/forms/declaration-01-dk-gd.json). The printed form could
// not be confirmed from public sources (REGISTRATION.md), so its wording and order live in data an
// administrator can replace without a release; this schema is what such a file must satisfy.
// Objects are strict: a misspelt key in a hand-edited file is reported instead of being ignored
// while the form silently keeps the default wording. Lengths are in PDF points on A4.

/** The template format versions this renderer understands. */
export const supportedTemplateFormatVersions = [1] as const;

/** Every value a form row can show, named as on the summary page's labels. */
export const declarationFieldIds = [
  'fullName',
  'dateOfBirth',
  'sex',
  'socialInsuranceNumber',
  'idDocumentType',
  'idDocumentNumber',
  'idDocumentIssueDate',
  'idDocumentIssuePlace',
  'address',
  'phone',
  'email',
  'guardianFullName',
  'guardianIdNumber',
  'guardianRelationship',
  'channel',
  'submittedAt',
  'registrationCode',
  'office',
] as const;
export type DeclarationFieldId = (typeof declarationFieldIds)[number];

/** The fields that exist only for a child registered by a guardian. */
export const guardianFieldIds: readonly DeclarationFieldId[] = [
  'guardianFullName',
  'guardianIdNumber',
  'guardianRelationship',
];

export const summaryLanguages = ['en', 'zh', 'ko', 'ja'] as const;
export type SummaryLanguage = (typeof summaryLanguages)[number];

const text = (max: number) => z.string().min(1).max(max);
const fontSize = z.number().min(5).max(28);

const wordsSchema = z.strictObject({
  sex: z.strictObject({ male: text(40), female: text(40) }),
  idDocumentType: z.strictObject({ cccd: text(80), cmnd: text(80), passport: text(80) }),
  channel: z.strictObject({ portal: text(60), app: text(60), kiosk: text(60) }),
});

const cellSchema = z.strictObject({
  field: z.enum(declarationFieldIds),
  label: text(80),
});

const rowSchema = z.strictObject({
  /** One cell takes the whole width; two share it. */
  cells: z.array(cellSchema).min(1).max(2),
  /** Lines a value may wrap to before it is cut with "…". */
  maxLines: z.number().int().min(1).max(6),
});

const sectionSchema = z.strictObject({
  heading: text(120),
  /** "guardian": printed only for a child registered by a guardian. */
  showWhen: z.enum(['always', 'guardian']),
  rows: z.array(rowSchema).min(1).max(12),
});

const summaryPageSchema = z.strictObject({
  title: text(120),
  notice: text(400),
  labels: z.strictObject(
    Object.fromEntries(declarationFieldIds.map((id) => [id, text(60)])) as Record<
      DeclarationFieldId,
      ReturnType<typeof text>
    >,
  ),
  values: wordsSchema,
  qrCaption: text(80),
  nextStepsTitle: text(80),
  nextSteps: z.array(text(300)).min(1).max(5),
  trainingNote: text(120),
});

export const declarationTemplateSchema = z.strictObject({
  formatVersion: z.number().int(),
  templateId: text(40),
  revision: text(40),
  description: z.string().max(1000).optional(),
  page: z.strictObject({
    margin: z.strictObject({
      top: z.number().min(20).max(120),
      right: z.number().min(20).max(120),
      bottom: z.number().min(20).max(120),
      left: z.number().min(20).max(120),
    }),
  }),
  fontSize: z.strictObject({
    formCode: fontSize,
    nation: fontSize,
    motto: fontSize,
    title: fontSize,
    subtitle: fontSize,
    addressee: fontSize,
    section: fontSize,
    body: fontSize,
    caption: fontSize,
    footer: fontSize,
  }),
  /** Line height as a multiple of the font size; Vietnamese stacks two marks over capitals. */
  lineHeight: z.number().min(1.15).max(2),
  rowGap: z.number().min(0).max(20),
  sectionGap: z.number().min(0).max(30),
  /** Width of the label column of a one-cell row. */
  labelWidth: z.number().min(60).max(300),
  /** Where the second cell of a two-cell row starts, from the left edge of the text area. */
  secondCellStart: z.number().min(120).max(480),
  /** Number the sections (I., II., …) and rows (1., 2., …) as printed, skipping hidden ones. */
  numbered: z.boolean(),
  heading: z.strictObject({ formCode: text(60), nation: text(80), motto: text(80) }),
  title: z.array(text(120)).min(1).max(3),
  subtitle: z.string().max(200),
  /** "{office}" is replaced by the receiving office's name. */
  addressee: z.string().max(200),
  sections: z.array(sectionSchema).min(1).max(8),
  values: wordsSchema.extend({
    /** How the office row reads: "{name}" and "{code}". */
    office: text(80),
    /** Printed for a value the registration does not have (no email, no issue date). */
    empty: z.string().max(10),
  }),
  commitment: text(800),
  placeDate: z.strictObject({
    /** "{place}, ngày {day} tháng {month} năm {year}" */
    text: text(120),
    /** The place printed; null takes the receiving office's locality. */
    place: z.string().min(1).max(60).nullable(),
    /** Printed when the office's locality is unknown, for the citizen to fill in. */
    unknownPlace: text(40),
  }),
  signature: z.strictObject({
    title: text(60),
    hint: text(60),
    guardianTitle: text(60),
    /** Blank height left for the handwritten signature. */
    space: z.number().min(20).max(120),
  }),
  qr: z.strictObject({
    size: z.number().min(48).max(140),
    position: z.enum(['top-left', 'top-right']),
  }),
  training: z.strictObject({ mark: text(120) }),
  /** Small print at the bottom: "{templateId}", "{revision}", "{printedAt}". Empty for none. */
  footer: z.string().max(200),
  summary: z.strictObject({
    en: summaryPageSchema,
    zh: summaryPageSchema,
    ko: summaryPageSchema,
    ja: summaryPageSchema,
  }),
});

export type DeclarationTemplate = z.infer<typeof declarationTemplateSchema>;
export type DeclarationTemplateSection = DeclarationTemplate['sections'][number];
export type DeclarationTemplateRow = DeclarationTemplateSection['rows'][number];
export type SummaryPageTemplate = z.infer<typeof summaryPageSchema>;
export type DeclarationWords = z.infer<typeof wordsSchema>;

import { z } from 'zod';
import { appModes } from './access.ts';

// The counter's configuration, stored as config.json in the data directory. Every field has a
// default so that a fresh install starts; an invalid file is reported, never silently replaced.

export const uiLanguages = ['vi', 'en', 'zh', 'ko', 'ja'] as const;

// Field schemas without defaults: the patch accepted by `settings.set` must not fill in defaults
// for the fields it leaves out.
const usbId = z.number().int().min(0).max(0xffff);

const scannerFields = {
  /** Keyboard-wedge detection: keys closer together than this are machine-typed. */
  wedgeMaxKeyIntervalMs: z.number().int().min(5).max(200),
  /** Shorter bursts (e.g. a barcode on a form) are not treated as card scans. */
  wedgeMinLength: z.number().int().min(4).max(200),
  /** A burst without an Enter/Tab suffix ends after this pause. */
  wedgeIdleEndMs: z.number().int().min(30).max(2000),
  /** HID-POS scanners through node-hid (usage page 0x8C, plus the devices listed below). */
  hidPosEnabled: z.boolean(),
  /** One scanner that does not announce the HID-POS usage page (kept for older config files). */
  hidVendorId: usbId.nullable(),
  hidProductId: usbId.nullable(),
  /** More scanners by USB vendor and product id. */
  hidPosDevices: z.array(z.object({ vendorId: usbId, productId: usbId }).strict()).max(20),
  /** The HID-POS report layout; `auto` recognises Honeywell, Zebra/Datalogic and plain engines. */
  hidPosLayout: z.enum(['auto', 'honeywell', 'zebra', 'plain']),
  /** The webcam to read cards with (a browser device id); null = the first one. */
  cameraDeviceId: z.string().max(500).nullable(),
  /** The same card seen again by another source within this time is the same physical scan. */
  dedupeWindowMs: z.number().int().min(0).max(30_000),
  /** A short tone on every scan the counter receives (a good read, a failed one); off for quiet offices. */
  soundCues: z.boolean(),
};

const printerFields = {
  /** Operating-system printer name; null means the system default printer. */
  printerName: z.string().min(1).max(200).nullable(),
  paperSize: z.enum(['A4', 'A5']),
  copies: z.number().int().min(1).max(5),
};

const securityFields = {
  /** Minutes without input before the counter screen locks (decimals allowed: 0.05 = 3 s, for tests). */
  idleLockMinutes: z.number().min(0.05).max(120),
  /** Failed sign-ins in a row before the account is locked out on this PC. */
  maxFailedSignIns: z.number().int().min(1).max(20),
  lockoutMinutes: z
    .number()
    .min(0.05)
    .max(24 * 60),
};

const kioskFields = {
  /** Seconds without a touch before a kiosk visit is wiped (the warning comes before it). */
  idleTimeoutSeconds: z.number().int().min(3).max(600),
  /** How long the "are you still there?" warning shows before the reset. */
  idleWarningSeconds: z.number().int().min(1).max(120),
};

export const kioskSettingsSchema = z
  .object({
    idleTimeoutSeconds: kioskFields.idleTimeoutSeconds.default(90),
    idleWarningSeconds: kioskFields.idleWarningSeconds.default(20),
  })
  .refine((value) => value.idleWarningSeconds < value.idleTimeoutSeconds, {
    message: 'thời gian cảnh báo phải ngắn hơn thời gian chờ',
    path: ['idleWarningSeconds'],
  });

const reportFormatList = z
  .array(z.enum(['csv', 'xlsx', 'pdf']))
  .min(1)
  .max(3);
/**
 * An absolute folder: POSIX `/srv/baocao`, Windows `D:\BaoCao` or `D:/BaoCao`, a UNC share
 * `\\server\share\…`. A relative one would resolve against whatever folder the app was started
 * from, so the files would land somewhere nobody looks. (The contract runs in the renderer too: no
 * node:path here.)
 */
export const absoluteFolderPattern = /^(\/|[A-Za-z]:[\\/]|\\\\[^\\/]+[\\/][^\\/]+)/;

const endOfDayFields = {
  /** Write the day's report to `folder` every day at `time` (Vietnam time). */
  enabled: z.boolean(),
  /** An absolute folder on this PC (a network share mounted as a folder works too). */
  folder: z
    .string()
    .min(1)
    .max(500)
    .regex(absoluteFolderPattern, 'thư mục phải là đường dẫn đầy đủ, ví dụ D:\\BaoCao hoặc /srv/baocao')
    .nullable(),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'giờ dạng HH:MM'),
  formats: reportFormatList,
};

export const endOfDayExportSchema = z
  .object({
    enabled: endOfDayFields.enabled.default(false),
    folder: endOfDayFields.folder.default(null),
    time: endOfDayFields.time.default('17:30'),
    formats: endOfDayFields.formats.default(['csv', 'xlsx', 'pdf']),
  })
  .refine((value) => !value.enabled || value.folder !== null, {
    message: 'cần chọn thư mục để xuất báo cáo cuối ngày',
    path: ['folder'],
  });

export const reportSettingsSchema = z.object({
  endOfDayExport: endOfDayExportSchema.default(endOfDayExportSchema.parse({})),
});

export const scannerSettingsSchema = z.object({
  wedgeMaxKeyIntervalMs: scannerFields.wedgeMaxKeyIntervalMs.default(40),
  wedgeMinLength: scannerFields.wedgeMinLength.default(12),
  wedgeIdleEndMs: scannerFields.wedgeIdleEndMs.default(200),
  hidPosEnabled: scannerFields.hidPosEnabled.default(true),
  hidVendorId: scannerFields.hidVendorId.default(null),
  hidProductId: scannerFields.hidProductId.default(null),
  hidPosDevices: scannerFields.hidPosDevices.default([]),
  hidPosLayout: scannerFields.hidPosLayout.default('auto'),
  cameraDeviceId: scannerFields.cameraDeviceId.default(null),
  dedupeWindowMs: scannerFields.dedupeWindowMs.default(3000),
  soundCues: scannerFields.soundCues.default(true),
});

export const printerSettingsSchema = z.object({
  printerName: printerFields.printerName.default(null),
  paperSize: printerFields.paperSize.default('A4'),
  copies: printerFields.copies.default(1),
});

const officeCode = z.string().regex(/^\d{5}$/, 'mã cơ quan BHXH gồm 5 chữ số');
const counterId = z.string().regex(/^[A-Za-z0-9-]{1,16}$/, 'số quầy: chữ, số hoặc "-", tối đa 16 ký tự');
const centralUrl = z
  .string()
  .max(500)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'địa chỉ máy chủ trung tâm phải là URL http(s)');

export const securitySettingsSchema = z.object({
  idleLockMinutes: securityFields.idleLockMinutes.default(5),
  maxFailedSignIns: securityFields.maxFailedSignIns.default(5),
  lockoutMinutes: securityFields.lockoutMinutes.default(5),
});

export const settingsSchema = z.object({
  version: z.literal(1).default(1),
  mode: z.enum(appModes).default('counter'),
  officeCode: officeCode.default('07921'),
  counterId: counterId.default('Q01'),
  centralUrl: centralUrl.nullable().default(null),
  language: z.enum(uiLanguages).default('vi'),
  scanner: scannerSettingsSchema.default(scannerSettingsSchema.parse({})),
  printer: printerSettingsSchema.default(printerSettingsSchema.parse({})),
  security: securitySettingsSchema.default(securitySettingsSchema.parse({})),
  kiosk: kioskSettingsSchema.default(kioskSettingsSchema.parse({})),
  reports: reportSettingsSchema.default(reportSettingsSchema.parse({})),
});

export type Settings = z.infer<typeof settingsSchema>;

/** What `settings.set` accepts: any subset of the fields, nested groups partially. */
export const settingsPatchSchema = z
  .object({
    mode: z.enum(appModes),
    officeCode,
    counterId,
    centralUrl: centralUrl.nullable(),
    language: z.enum(uiLanguages),
    scanner: z.object(scannerFields).partial().strict(),
    printer: z.object(printerFields).partial().strict(),
    security: z.object(securityFields).partial().strict(),
    kiosk: z.object(kioskFields).partial().strict(),
    reports: z
      .object({ endOfDayExport: z.object(endOfDayFields).partial().strict() })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

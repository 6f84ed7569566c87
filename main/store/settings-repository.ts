import { z } from 'zod';
import { appendAudit } from './audit-log.ts';
import type { Store } from './store.ts';

// Settings an administrator may change, each with its schema and its default. Defaults live here,
// not in a migration, so a better default needs no schema change; a stored value that no longer
// fits its schema (written by an older build) falls back to the default instead of breaking a screen.

const rejectionReasonSchema = z.object({
  code: z.string().min(1).max(64),
  labelVi: z.string().min(1).max(300),
  /** The officer must write a note with this reason. */
  noteRequired: z.boolean(),
});

const retentionDays = z.number().int().min(1).max(3650);

export const settingDefinitions = {
  /** The rejection reasons offered at the counter (REGISTRATION.md; codes as the central's, sync-protocol.md §6). */
  rejectionReasons: {
    schema: z.array(rejectionReasonSchema).min(1),
    default: [
      {
        code: 'identity-mismatch',
        labelVi: 'Giấy tờ tùy thân không khớp với hồ sơ đăng ký',
        noteRequired: false,
      },
      {
        code: 'identity-not-confirmed',
        labelVi: 'Người đăng ký không có mặt / không xác minh được danh tính',
        noteRequired: false,
      },
      { code: 'declaration-missing', labelVi: 'Thiếu tờ khai hoặc tờ khai chưa ký', noteRequired: false },
      { code: 'wrong-social-insurance-number', labelVi: 'Sai mã số BHXH', noteRequired: false },
      {
        code: 'contact-already-registered',
        labelVi: 'Số điện thoại hoặc email đã đăng ký cho mã số BHXH khác',
        noteRequired: false,
      },
      {
        code: 'guardianship-proof-missing',
        labelVi: 'Đăng ký cho trẻ em nhưng thiếu giấy tờ giám hộ',
        noteRequired: false,
      },
      { code: 'other', labelVi: 'Lý do khác', noteRequired: true },
    ],
  },
  /** Days after a registration's final status before its personal data is purged locally. */
  registrationRetentionDays: { schema: retentionDays, default: 90 },
  /** Days after the central service accepted a kiosk registration before its local copy is purged. */
  kioskPayloadRetentionDays: { schema: retentionDays, default: 7 },
  /** Days a finished outbox row (its payload may hold personal data) is kept for diagnosis. */
  finishedOutboxRetentionDays: { schema: retentionDays, default: 7 },
  /**
   * Days a print job is kept: a finished one is then deleted, and one still failed is cancelled (its
   * PDF, which holds the citizen's data, is dropped).
   */
  printJobRetentionDays: { schema: retentionDays, default: 7 },
} as const;

export type SettingKey = keyof typeof settingDefinitions;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingDefinitions)[K]['schema']>;
export type RejectionReason = z.infer<typeof rejectionReasonSchema>;

export function getSetting<K extends SettingKey>(store: Store, key: K): SettingValue<K> {
  const definition = settingDefinitions[key];
  const row = store.read(
    () =>
      store.statement('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined,
  );
  if (row === undefined) return structuredClone(definition.default) as SettingValue<K>;
  const parsed = definition.schema.safeParse(JSON.parse(row.value));
  return (parsed.success ? parsed.data : structuredClone(definition.default)) as SettingValue<K>;
}

/** Validates and stores a setting; the audit trail records who changed what. */
export function setSetting<K extends SettingKey>(
  store: Store,
  key: K,
  value: SettingValue<K>,
  actor: string,
): void {
  const checked = settingDefinitions[key].schema.parse(value);
  store.transaction(() => {
    store
      .statement(
        `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by`,
      )
      .run(key, JSON.stringify(checked), store.now().toISOString(), actor);
    appendAudit(store, { actor, action: 'settings.changed', subject: key, details: { value: checked } });
  });
}

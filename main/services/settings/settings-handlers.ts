import type { DisplaySettings, settingsOperations } from '../../../preload/contract/areas/settings.ts';
import type { Settings, SettingsPatch } from '../../../preload/contract/settings-schema.ts';
import { appendAudit } from '../../store/audit-log.ts';
import type { Store } from '../../store/store.ts';
import type { AreaHandlers } from '../operation-handlers.ts';
import type { SettingsService } from './settings-service.ts';

/** The facts every page needs before anyone signs in; pushed again as `settings.changed`. */
export function displaySettings(
  settings: Settings,
  link: { trainingMode: boolean; enrolled: boolean },
): DisplaySettings {
  return {
    mode: settings.mode,
    language: settings.language,
    officeCode: settings.officeCode,
    counterId: settings.counterId,
    trainingMode: link.trainingMode,
    enrolled: link.enrolled,
    scanner: {
      wedgeMaxKeyIntervalMs: settings.scanner.wedgeMaxKeyIntervalMs,
      wedgeMinLength: settings.scanner.wedgeMinLength,
      wedgeIdleEndMs: settings.scanner.wedgeIdleEndMs,
      cameraDeviceId: settings.scanner.cameraDeviceId,
      soundCues: settings.scanner.soundCues,
    },
    idleLockMinutes: settings.security.idleLockMinutes,
  };
}

export function settingsHandlers(deps: {
  settings: SettingsService;
  store: Store;
  display: () => DisplaySettings;
  /** Everything that follows the settings (sync target, idle lock, pages): called after each change. */
  applied: (next: Settings) => Promise<void>;
}): AreaHandlers<typeof settingsOperations> {
  return {
    'settings.display': () => deps.display(),
    'settings.get': () => deps.settings.current,
    'settings.set': async ({ patch }, { session }) => {
      const next = await deps.settings.update(patch);
      deps.store.transaction(() =>
        appendAudit(deps.store, {
          actor: session.staffId,
          action: 'settings.changed',
          subject: 'config.json',
          details: changeDetails(patch),
        }),
      );
      await deps.applied(next);
      return next;
    },
  };
}

/**
 * What the audit entry says of a change: the fields it touches, and the one value worth keeping —
 * the end-of-day folder, where files with the office's figures are written from then on. Other
 * values stay out: harmless, but they would make every entry large.
 */
export function changeDetails(patch: SettingsPatch): Record<string, unknown> {
  const folder = patch.reports?.endOfDayExport?.folder;
  return folder === undefined
    ? { fields: changedFields(patch) }
    : { fields: changedFields(patch), endOfDayFolder: folder };
}

/**
 * `scanner.wedgeMinLength`, `reports.endOfDayExport.folder`, `language`…: which fields a patch
 * touches, down to the leaves (a list such as `scanner.hidPosDevices` is one field).
 */
function changedFields(patch: object, prefix = ''): string[] {
  return Object.entries(patch).flatMap(([key, value]: [string, unknown]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? changedFields(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

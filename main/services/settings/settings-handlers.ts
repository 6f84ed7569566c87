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
          details: { fields: changedFields(patch) },
        }),
      );
      await deps.applied(next);
      return next;
    },
  };
}

/** `scanner.wedgeMinLength`, `language`…: which fields a patch touches (values may be sensitive). */
function changedFields(patch: SettingsPatch): string[] {
  return Object.entries(patch).flatMap(([key, value]) =>
    value !== null && typeof value === 'object'
      ? Object.keys(value).map((inner) => `${key}.${inner}`)
      : [key],
  );
}

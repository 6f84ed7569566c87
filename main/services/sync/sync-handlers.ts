import type { syncOperations } from '../../../preload/contract/areas/sync.ts';
import { settingsPatchSchema, type Settings } from '../../../preload/contract/settings-schema.ts';
import { describeZodIssues, zodIssueList } from '../../core/validation/describe-zod-issues.ts';
import type { Store } from '../../store/store.ts';
import { AppError } from '../app-error.ts';
import type { AreaHandlers } from '../operation-handlers.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import type { SyncService } from './sync-service.ts';

export function syncHandlers(deps: {
  sync: SyncService;
  settings: SettingsService;
  store: Store;
  /** Everything that follows the settings (sync target, pages): called after each change. */
  applied: (next: Settings) => Promise<void>;
}): AreaHandlers<typeof syncOperations> {
  const { sync, settings } = deps;
  return {
    'sync.status': () => sync.status(),
    'sync.now': () => sync.syncNow(),
    'sync.enroll': async ({ enrollmentCode, ...where }, { session }) => {
      const patch = settingsPatchSchema.safeParse(where);
      if (!patch.success) {
        throw new AppError('invalid-argument', `Cấu hình không hợp lệ: ${describeZodIssues(patch.error)}.`, {
          details: { issues: zodIssueList(patch.error) },
        });
      }
      const previous = settings.current;
      const changesTarget = Object.keys(patch.data).length > 0;
      if (changesTarget) await deps.applied(await settings.update(patch.data));
      try {
        const status = await sync.enroll(enrollmentCode, {
          actor: session?.staffId ?? 'setup',
          details: { counterId: settings.current.counterId, centralUrl: settings.current.centralUrl },
        });
        await deps.applied(settings.current);
        return status;
      } catch (error) {
        // The code did not enroll this PC: the previous target stays, nothing half-configured.
        if (changesTarget) {
          await deps.applied(
            await settings.update({
              centralUrl: previous.centralUrl,
              officeCode: previous.officeCode,
              counterId: previous.counterId,
            }),
          );
        }
        throw error;
      }
    },
  };
}

import packageJson from '../../../package.json' with { type: 'json' };
import type { healthOperations } from '../../../preload/contract/areas/health.ts';
import type { Settings } from '../../../preload/contract/settings-schema.ts';
import type { AreaHandlers } from '../operation-handlers.ts';

export function healthHandlers(deps: {
  settings: () => Settings;
  trainingMode: () => boolean;
  now: () => Date;
  startedAt: Date;
}): AreaHandlers<typeof healthOperations> {
  return {
    health: () => {
      const settings = deps.settings();
      const now = deps.now();
      return {
        status: 'ok',
        version: packageJson.version,
        mode: settings.mode,
        officeCode: settings.officeCode,
        counterId: settings.counterId,
        trainingMode: deps.trainingMode(),
        serverTime: now.toISOString(),
        uptimeSeconds: Math.round((now.getTime() - deps.startedAt.getTime()) / 1000),
      };
    },
  };
}

import type { scanOperations } from '../../../preload/contract/areas/scan.ts';
import { parseIdPayload } from '../../core/id-card/parse-id-payload.ts';
import { vietnamDay } from '../../core/time/vietnam-time.ts';
import type { AreaHandlers } from '../operation-handlers.ts';

export function scanHandlers(deps: { now: () => Date }): AreaHandlers<typeof scanOperations> {
  return {
    'id.parse': ({ payload }) => parseIdPayload(payload, { today: vietnamDay(deps.now()) }),
  };
}

import type { scanOperations } from '../../../preload/contract/areas/scan.ts';
import { parseIdPayload } from '../../core/id-card/parse-id-payload.ts';
import { vietnamDay } from '../../core/time/vietnam-time.ts';
import type { AreaHandlers } from '../operation-handlers.ts';
import type { ScanService } from './scan-service.ts';

export function scanHandlers(deps: {
  now: () => Date;
  scans: ScanService;
}): AreaHandlers<typeof scanOperations> {
  return {
    'id.parse': ({ payload }) => parseIdPayload(payload, { today: vietnamDay(deps.now()) }),
    'scan.submit': ({ source, device, text }) => deps.scans.submit({ source, device, text }),
    'scan.status': () => deps.scans.status(),
  };
}

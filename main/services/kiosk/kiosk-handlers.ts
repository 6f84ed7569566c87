import type { kioskOperations } from '../../../preload/contract/areas/kiosk.ts';
import type { AreaHandlers } from '../operation-handlers.ts';
import type { KioskService } from './kiosk-service.ts';

export function kioskHandlers(kiosk: KioskService): AreaHandlers<typeof kioskOperations> {
  return {
    'kiosk.begin': ({ language }) => kiosk.begin(language),
    'kiosk.activity': () => kiosk.activity(),
    'kiosk.end': () => kiosk.end(),
    'kiosk.offices': () => kiosk.offices(),
    'kiosk.existing': (numbers) => ({ pending: kiosk.existing(numbers) }),
    'kiosk.submit': (submission) => kiosk.submit(submission),
    'kiosk.receipt': () => kiosk.receipt(),
    'kiosk.print': () => kiosk.print(),
    'kiosk.status': (query) => ({ entries: kiosk.status(query) }),
  };
}

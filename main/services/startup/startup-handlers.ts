import type { startupOperations } from '../../../preload/contract/areas/startup.ts';
import type { AreaHandlers } from '../operation-handlers.ts';

/**
 * A backend that handles calls has started. While it starts (or when it failed), the launcher
 * answers `startup.status` itself (backend-launcher.ts).
 */
export function startupHandlers(): AreaHandlers<typeof startupOperations> {
  return { 'startup.status': () => ({ state: 'ready' }) };
}

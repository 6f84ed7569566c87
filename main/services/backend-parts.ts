import type { Settings } from '../../preload/contract/settings-schema.ts';
import type { Store } from '../store/store.ts';
import type { EventHub } from './event-hub.ts';
import type { OperationTable } from '../../preload/contract/operation-definition.ts';
import type { AreaHandlers } from './operation-handlers.ts';
import type { PrintService } from './print/print-service.ts';
import type { ScanService } from './scan/scan-service.ts';
import type { SessionService } from './session/session-service.ts';
import type { SettingsService } from './settings/settings-service.ts';
import type { SyncService } from './sync/sync-service.ts';

// The parts of a started backend that the later areas (reports, audit, administration) build on.
// Each such area is started from these in backend.ts and returns its handlers and how to stop it,
// so adding one does not change how the others are composed.

export interface BackendParts {
  store: Store;
  dataDirectory: string;
  now: () => Date;
  settings: SettingsService;
  sync: SyncService;
  sessions: SessionService;
  prints: PrintService;
  scans: ScanService;
  events: EventHub;
  /** Everything that follows the settings (sync target, pages): call after each settings change. */
  applied: (next: Settings) => Promise<void>;
  /**
   * Ask the host to stop this backend and start it again on the same data directory (a restore is
   * applied at start, before the database opens). Returns at once; the host restarts after the
   * current call has answered.
   */
  requestRestart: (reason: 'restore') => void;
}

/** A started area: its operations' handlers and what to stop when the backend closes. */
export interface AreaModule<T extends OperationTable> {
  handlers: AreaHandlers<T>;
  close?: () => Promise<void> | void;
}

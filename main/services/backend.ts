import path from 'node:path';
import type { ApiResult } from '../../preload/contract/api-result.ts';
import { accessRefusal } from '../../preload/contract/access.ts';
import type { StartupStatus } from '../../preload/contract/areas/startup.ts';
import { events as eventDefinitions } from '../../preload/contract/events.ts';
import type { Settings } from '../../preload/contract/settings-schema.ts';
import { useVietnameseZodMessages } from '../core/validation/vietnamese-zod-messages.ts';
import { diagnoseWedgeText } from '../core/scan/wedge-damage.ts';
import type { HidPosScannersOptions } from '../devices/hid-pos/hid-pos-scanners.ts';
import { createPrinterDriver } from '../devices/printers/create-printer-driver.ts';
import { checkStoreFile } from '../store/check-store-file.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { AppError } from './app-error.ts';
import { createDispatcher, type CallerState, type DispatcherOptions } from './dispatch/dispatch-operation.ts';
import { EventHub, type EventListener } from './event-hub.ts';
import { startAdmin } from './admin/admin-module.ts';
import { applyPendingRestore } from './admin/pending-restore.ts';
import { startAudit } from './audit/audit-module.ts';
import type { BackendParts } from './backend-parts.ts';
import { healthHandlers } from './health/health-handlers.ts';
import { kioskHandlers } from './kiosk/kiosk-handlers.ts';
import { KioskService } from './kiosk/kiosk-service.ts';
import { startStoreMaintenance } from './maintenance/store-maintenance.ts';
import type { OperationHandlers } from './operation-handlers.ts';
import { createFormRenderer } from './print/form-renderer.ts';
import { printHandlers } from './print/print-handlers.ts';
import type { FormRenderer, PrinterPort } from './print/print-ports.ts';
import { PrintService } from './print/print-service.ts';
import { startReports } from './reports/reports-module.ts';
import { registrationHandlers } from './registrations/registration-handlers.ts';
import { hidPosConnection } from './scan/hid-pos-connection.ts';
import { scanHandlers } from './scan/scan-handlers.ts';
import { ScanService } from './scan/scan-service.ts';
import { wedgeDamage } from './scan/wedge-damage-report.ts';
import { sessionHandlers } from './session/session-handlers.ts';
import { SessionService } from './session/session-service.ts';
import { loadSettings } from './settings/config-file.ts';
import { displaySettings, settingsHandlers } from './settings/settings-handlers.ts';
import { SettingsService } from './settings/settings-service.ts';
import { acquireDataDirectoryLock, type DataDirectoryLock } from './startup/data-directory-lock.ts';
import { startupHandlers } from './startup/startup-handlers.ts';
import { appErrorFromStore } from './store-errors.ts';
import { syncHandlers } from './sync/sync-handlers.ts';
import { SyncService } from './sync/sync-service.ts';

export interface BackendOptions {
  dataDirectory: string;
  now?: () => Date;
  /** Tests shorten the sync loop and the central timeout. */
  syncIntervalMs?: number;
  syncTimeoutMs?: number;
  /** Tests and CI check every answer against the contract (dispatch-operation.ts). */
  strictContract?: boolean;
  /** Where the start is (the launcher shows it to the page while the database is checked). */
  onProgress?: (status: Extract<StartupStatus, { state: 'starting' }>) => void;
  /** Benchmarks only: the access rules to apply (default: the contract's). */
  checkAccess?: DispatcherOptions['checkAccess'];
  /** Tests: a stand-in for node-hid (HID-POS scanners). */
  hid?: HidPosScannersOptions['hid'];
  /** The printers (default: the OS spooler, CUPS or Windows); tests pass a private CUPS's or a fake. */
  printer?: PrinterPort;
  /** Tests: a stand-in for the PDF renderer. */
  formRenderer?: FormRenderer;
  /** How long a print may take before it is cancelled and failed (default 60 s). */
  printTimeoutMs?: number;
  /** Windows: where SumatraPDF is (outside the asar); the shell passes it. */
  sumatraPdfPath?: string;
  /**
   * The backend asks its host to close it and start a new one on the same data directory (after an
   * administrator's restore). A host without it cannot restore from the screen.
   */
  onRestartRequested?: (reason: 'restore') => void;
}

/** What a shell talks to: one `call` for every operation, one event stream (filtered per caller). */
export interface BackendConnection {
  call(name: unknown, args: unknown): Promise<ApiResult<unknown>>;
  subscribe(listener: EventListener): () => void;
}

/** The Electron-free backend both shells start. */
export interface Backend extends BackendConnection {
  readonly events: EventHub;
  readonly operationNames: readonly string[];
  close(): Promise<void>;
}

export const databaseFileName = 'bhxh-kiosk.sqlite';

/**
 * Starts the backend on a data directory: takes the directory's lock (one app per data directory),
 * reads config.json, checks the database in a worker (progress reported), opens it, starts sync and
 * the session. Throws an AppError with a stable code when any of that fails; nothing is left open.
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  useVietnameseZodMessages();
  const cleanup: Array<() => Promise<void> | void> = [];
  try {
    return await startParts(options, cleanup);
  } catch (error) {
    for (const undo of cleanup.reverse()) await undo();
    throw error;
  }
}

async function startParts(
  options: BackendOptions,
  cleanup: Array<() => Promise<void> | void>,
): Promise<Backend> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const progress = options.onProgress ?? (() => {});

  progress({ state: 'starting', phase: 'locking-data-directory', progress: null });
  const lock = await lockDataDirectory(options.dataDirectory);
  cleanup.push(() => lock.release());

  progress({ state: 'starting', phase: 'reading-config', progress: null });
  const settings = new SettingsService(options.dataDirectory, await loadSettings(options.dataDirectory));

  // A restore asked for from the administration screen is applied here, before the store opens.
  applyPendingRestore(options.dataDirectory, path.join(options.dataDirectory, databaseFileName));
  const store = await openCheckedStore(options.dataDirectory, now, progress);
  cleanup.push(() => store.close());

  progress({ state: 'starting', phase: 'starting-sync', progress: null });
  const events = new EventHub();
  let sessions: SessionService | null = null;
  const sync = await SyncService.start({
    store,
    dataDirectory: options.dataDirectory,
    settings: settings.current,
    now,
    onStatus: (status) => events.emit('sync.status', status),
    onStaffReplaced: () => sessions?.staffDirectoryChanged(),
    ...(options.syncIntervalMs ? { intervalMs: options.syncIntervalMs } : {}),
    ...(options.syncTimeoutMs ? { timeoutMs: options.syncTimeoutMs } : {}),
  });
  cleanup.push(() => sync.close());
  sessions = new SessionService({
    store,
    now,
    security: () => settings.current.security,
    onChange: (session, reason) => events.emit('session.changed', { session, reason }),
  });
  const session = sessions;
  const scans = new ScanService({
    now,
    settings: () => settings.current,
    diagnoseWedge: (text) => wedgeDamage(diagnoseWedgeText(text)),
    emitScan: (event) => events.emit('scan', event),
    emitStatus: (status) => events.emit('scan.status', status),
    startHidPos: hidPosConnection(options.hid),
  });
  cleanup.push(() => scans.close());
  const prints = new PrintService({
    store,
    dataDirectory: options.dataDirectory,
    now,
    printer:
      options.printer ??
      createPrinterDriver(options.sumatraPdfPath ? { sumatraPdfPath: options.sumatraPdfPath } : {}),
    renderer:
      options.formRenderer ?? createFormRenderer(options.dataDirectory, () => settings.current.officeCode),
    settings: () => settings.current,
    trainingMode: () => sync.trainingMode,
    timeoutMs: options.printTimeoutMs ?? 60_000,
    onQueueChanged: (summary) => events.emit('print.queueChanged', summary),
  });
  await prints.start();
  cleanup.push(() => prints.close());
  const kiosk = new KioskService({ store, now, settings: () => settings.current, sync, prints });
  const display = () =>
    displaySettings(settings.current, { trainingMode: sync.trainingMode, enrolled: sync.enrolled });
  const applied = async (next: Settings) => {
    await sync.reconfigure(next);
    session.securityChanged();
    scans.reconfigure();
    events.emit('settings.changed', display());
  };

  const parts: BackendParts = {
    store,
    dataDirectory: options.dataDirectory,
    now,
    settings,
    sync,
    sessions: session,
    prints,
    scans,
    events,
    applied,
    requestRestart: (reason) => options.onRestartRequested?.(reason),
  };
  const reports = startReports(parts);
  cleanup.push(() => reports.close?.());
  const audit = startAudit(parts);
  cleanup.push(() => audit.close?.());
  const admin = startAdmin(parts);
  cleanup.push(() => admin.close?.());

  const handlers: OperationHandlers = {
    ...startupHandlers(),
    ...healthHandlers({
      settings: () => settings.current,
      trainingMode: () => sync.trainingMode,
      now,
      startedAt,
    }),
    ...settingsHandlers({ settings, store, display, applied }),
    ...sessionHandlers(session),
    ...scanHandlers({ now, scans }),
    ...registrationHandlers({
      store,
      counterId: () => settings.current.counterId,
      localChange: () => sync.localChange(),
      lastCardScan: (registration) => scans.lastCardScanOf(registration),
    }),
    ...syncHandlers({ sync, settings, store, applied }),
    ...printHandlers(prints),
    ...kioskHandlers(kiosk),
    ...reports.handlers,
    ...audit.handlers,
    ...admin.handlers,
  };

  const callerState = (): CallerState => {
    const state = session.accessState();
    return {
      caller: {
        mode: settings.current.mode,
        enrolled: sync.enrolled,
        session: state && { role: state.staff.role, locked: state.locked, pinRequired: state.pinRequired },
      },
      session: state?.staff ?? null,
    };
  };
  const dispatch = createDispatcher({
    handlers,
    callerState,
    ...(options.strictContract ? { strictContract: true } : {}),
    ...(options.checkAccess ? { checkAccess: options.checkAccess } : {}),
  });
  const stopMaintenance = startStoreMaintenance(store, options.dataDirectory);

  return {
    call: dispatch,
    // An event reaches a subscriber only when the caller, at that moment, may receive it: a scan
    // never reaches a counter page that nobody is signed in to, or that is locked.
    subscribe: (listener) =>
      events.subscribe((event) => {
        if (accessRefusal(eventDefinitions[event.name].access, callerState().caller) === null)
          listener(event);
      }),
    events,
    operationNames: Object.keys(handlers),
    close: async () => {
      stopMaintenance();
      await admin.close?.();
      await audit.close?.();
      await reports.close?.();
      session.close();
      await prints.close();
      await scans.close();
      await sync.close();
      store.close();
      await lock.release();
    },
  };
}

async function lockDataDirectory(dataDirectory: string): Promise<DataDirectoryLock> {
  const locked = await acquireDataDirectoryLock(dataDirectory);
  if (!locked.ok)
    throw new AppError(locked.error.code, locked.error.message, { details: locked.error.details });
  return locked.lock;
}

/** quick_check runs in a worker (seconds on a large store) so the hosts keep answering meanwhile. */
async function openCheckedStore(
  dataDirectory: string,
  now: () => Date,
  progress: NonNullable<BackendOptions['onProgress']>,
): Promise<Store> {
  const file = path.join(dataDirectory, databaseFileName);
  progress({ state: 'starting', phase: 'checking-store', progress: null });
  const checked = await checkStoreFile(file, {
    onProgress: ({ fraction, bytes, elapsedMs }) =>
      progress({ state: 'starting', phase: 'checking-store', progress: { fraction, bytes, elapsedMs } }),
  });
  if (!checked.ok) throw appErrorFromStore(checked.error);
  progress({ state: 'starting', phase: 'opening-store', progress: null });
  const opened = openStore(file, { now, alreadyChecked: true });
  if (!opened.ok) throw appErrorFromStore(opened.error);
  return opened.value;
}

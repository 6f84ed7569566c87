import path from 'node:path';
import { app, BrowserWindow, Menu, session, shell, type WebContents } from 'electron';
import { recoverFromCrashes } from './crash-recovery.ts';
import { fixZoom, guardKioskWindow } from './kiosk-guards.ts';
import { kioskWindowSettings } from './kiosk-window-policy.ts';
import {
  downloadFilter,
  isAllowedDownload,
  isAllowedExternalUrl,
  isAppPageUrl,
  isPermissionAllowed,
  safeDownloadName,
} from './navigation-policy.ts';

export interface WindowOptions {
  preloadPath: string;
  appPageUrl: string;
  devTools: boolean;
  /** Whether this PC is a kiosk: known only once the backend answers, so asked at each event. */
  kiosk: () => boolean;
  /** Whether the app is quitting (a kiosk window refuses to close otherwise). */
  quitting: () => boolean;
}

/**
 * The one window: context isolation, sandbox, no Node integration, no webviews, devtools only when
 * asked for (and never at a kiosk). A crashed or hung page is loaded again (crash-recovery.ts).
 */
export function createSecureWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#f4f6f9',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  lockDownContents(window.webContents, options.appPageUrl);
  guardKioskWindow(window, {
    kiosk: options.kiosk,
    quitting: options.quitting,
    devToolsFlag: options.devTools,
  });
  recoverFromCrashes(window, {
    appPageUrl: options.appPageUrl,
    mode: () => (options.kiosk() ? 'kiosk' : 'counter'),
    quitting: options.quitting,
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.appPageUrl);
  return window;
}

/**
 * A kiosk: fullscreen, on top, without a menu or devtools, so a citizen cannot leave the app. The
 * guards that act on events (keys, closing, devtools, zoom) are already on the window
 * (guardKioskWindow); docs/kiosk-lockdown.md says what only the OS can block.
 */
export function enterKioskMode(window: BrowserWindow): void {
  // No menu at all, not a hidden one: a hidden menu still has accelerators, and a lone Alt (which
  // the scanner's Alt codes need to reach the page) would show it.
  Menu.setApplicationMenu(null);
  window.removeMenu();
  window.setAutoHideMenuBar(false);
  window.setMenuBarVisibility(false);
  window.setKiosk(true);
  const settings = kioskWindowSettings(process.platform);
  window.setAlwaysOnTop(true, settings.alwaysOnTopLevel);
  if (settings.visibleOnAllWorkspaces) window.setVisibleOnAllWorkspaces(true);
  window.webContents.closeDevTools();
  fixZoom(window.webContents);
  window.focus();
}

function lockDownContents(contents: WebContents, appPageUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppPageUrl(url, appPageUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppPageUrl(url, appPageUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * No permission is granted but the webcam (video only) to the app page itself (isPermissionAllowed):
 * a kiosk reads cards with it, the scanner test page tries it.
 */
export function grantOnlyTheCamera(appPageUrl: string): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const request = details as { requestingUrl?: string; mediaTypes?: string[] };
    callback(
      isPermissionAllowed(
        permission,
        {
          requestingUrl: request.requestingUrl ?? '',
          ...(request.mediaTypes ? { mediaTypes: request.mediaTypes } : {}),
        },
        appPageUrl,
      ),
    );
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(
      permission,
      {
        requestingUrl: details.requestingUrl ?? requestingOrigin,
        ...(details.mediaType ? { mediaTypes: [details.mediaType] } : {}),
      },
      appPageUrl,
    ),
  );
}

/**
 * Downloads: only the files the page builds itself (blob: URLs) of the kinds it makes, the form
 * PDFs (no printer on this PC) and the supervisors' report exports (CSV, XLSX, PDF), saved where the
 * user chooses, starting in the Downloads folder. A kiosk never downloads (a citizen has no folder
 * here).
 */
export function allowOnlyPageDownloads(kiosk: () => boolean): void {
  session.defaultSession.on('will-download', (event, item) => {
    const filter = downloadFilter(item.getFilename());
    if (kiosk() || !isAllowedDownload(item.getURL()) || filter === null) {
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions({
      defaultPath: path.join(app.getPath('downloads'), safeDownloadName(item.getFilename())),
      filters: [filter],
    });
  });
}

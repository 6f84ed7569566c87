// The kiosk's guards on its window. They are attached when the window is created, because the mode
// is known only once the backend answers (electron-main.ts); each asks for the mode when its event
// comes. Every decision is in kiosk-input-policy.ts and kiosk-window-policy.ts; this file only
// connects them to the window's events. Only types come from electron, so tests drive it with fakes.
import type { BrowserWindow, WebContents } from 'electron';
import { kioskInputVerdict } from './kiosk-input-policy.ts';
import { mayOpenDevTools, shouldPreventClose } from './kiosk-window-policy.ts';

export interface KioskGuardOptions {
  kiosk: () => boolean;
  quitting: () => boolean;
  /** The shell was started with --devtools. */
  devToolsFlag: boolean;
}

/** Page zoom stays at 100 %: no pinch zoom, and no zoom level left over from a counter session. */
export function fixZoom(contents: WebContents): void {
  contents.setZoomFactor(1);
  void contents.setVisualZoomLevelLimits(1, 1).catch(() => {
    // The page is gone or reloading; the next load sets the limits again.
  });
}

export function guardKioskWindow(window: BrowserWindow, options: KioskGuardOptions): void {
  const contents = window.webContents;
  contents.on('before-input-event', (event, input) => {
    if (options.kiosk() && kioskInputVerdict(input).block) event.preventDefault();
  });
  contents.on('devtools-opened', () => {
    if (!mayOpenDevTools({ kiosk: options.kiosk(), devToolsFlag: options.devToolsFlag })) {
      contents.closeDevTools();
    }
  });
  // Electron shows no context menu of its own and the app has none; nothing may show one here.
  contents.on('context-menu', (event) => {
    if (options.kiosk()) event.preventDefault();
  });
  contents.on('did-finish-load', () => {
    if (options.kiosk()) fixZoom(contents);
  });
  // Windows' system menu (Alt+Space: Move, Size, Close) comes through here.
  window.on('system-context-menu', (event) => {
    if (options.kiosk()) event.preventDefault();
  });
  window.on('close', (event) => {
    if (shouldPreventClose({ kiosk: options.kiosk(), quitting: options.quitting() })) event.preventDefault();
  });
  window.on('minimize', () => {
    if (options.kiosk()) window.restore();
  });
}

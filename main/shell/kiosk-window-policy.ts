// The window-level decisions of a kiosk, apart from the keys (kiosk-input-policy.ts) and crashes
// (crash-recovery-policy.ts). docs/kiosk-lockdown.md explains them for the office's IT.

export interface CloseState {
  kiosk: boolean;
  /** The app is quitting: app 'before-quit', SIGTERM/SIGINT, the OS ending the session. */
  quitting: boolean;
}

/**
 * A kiosk window refuses to close (Alt+F4, Ctrl+W, the window manager's close) unless the app itself
 * is quitting: otherwise quitting would stop at the first window, and a shutdown would wait on it.
 */
export function shouldPreventClose(state: CloseState): boolean {
  return state.kiosk && !state.quitting;
}

/** Developer tools never stay open at a kiosk, whatever flag the shortcut was started with. */
export function mayOpenDevTools(state: { kiosk: boolean; devToolsFlag: boolean }): boolean {
  return state.devToolsFlag && !state.kiosk;
}

export interface KioskWindowSettings {
  /**
   * Above ordinary windows, so a driver's, updater's or other program's pop-up opens beneath the
   * kiosk where the public cannot click it. 'screen-saver' is the highest level; it matters on
   * macOS (above the menu bar and Dock) and is plain topmost elsewhere.
   */
  alwaysOnTopLevel: 'screen-saver';
  /**
   * On Linux a window manager's workspace switch (Ctrl+Alt+arrows) would otherwise show an empty
   * desktop; the kiosk stays on every workspace. Windows has no such setting (and no effect).
   */
  visibleOnAllWorkspaces: boolean;
}

export function kioskWindowSettings(platform: NodeJS.Platform): KioskWindowSettings {
  return {
    alwaysOnTopLevel: 'screen-saver',
    visibleOnAllWorkspaces: platform !== 'win32',
  };
}

import { describe, expect, it } from 'vitest';
import { kioskWindowSettings, mayOpenDevTools, shouldPreventClose } from './kiosk-window-policy.ts';

describe('kiosk window policy', () => {
  it.each([
    [{ kiosk: true, quitting: false }, true],
    [{ kiosk: true, quitting: true }, false],
    [{ kiosk: false, quitting: false }, false],
    [{ kiosk: false, quitting: true }, false],
  ])('close refused for %o: %s', (state, refused) => {
    expect(shouldPreventClose(state)).toBe(refused);
  });

  it.each([
    [{ kiosk: false, devToolsFlag: true }, true],
    [{ kiosk: true, devToolsFlag: true }, false],
    [{ kiosk: false, devToolsFlag: false }, false],
    [{ kiosk: true, devToolsFlag: false }, false],
  ])('devtools for %o: %s', (state, allowed) => {
    expect(mayOpenDevTools(state)).toBe(allowed);
  });

  it('keeps a kiosk on top everywhere, and on every workspace where there are workspaces', () => {
    expect(kioskWindowSettings('win32')).toEqual({
      alwaysOnTopLevel: 'screen-saver',
      visibleOnAllWorkspaces: false,
    });
    expect(kioskWindowSettings('linux')).toEqual({
      alwaysOnTopLevel: 'screen-saver',
      visibleOnAllWorkspaces: true,
    });
  });
});

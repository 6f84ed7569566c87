import { describe, expect, it } from 'vitest';
import { guardKioskWindow } from './kiosk-guards.ts';
import type { KeyInput } from './kiosk-input-policy.ts';
import { cancellable, FakeWindow } from './shell-fakes-test-helpers.ts';

function guarded(state: { kiosk: boolean; quitting?: boolean; devToolsFlag?: boolean }) {
  const window = new FakeWindow();
  guardKioskWindow(window.asBrowserWindow(), {
    kiosk: () => state.kiosk,
    quitting: () => state.quitting ?? false,
    devToolsFlag: state.devToolsFlag ?? false,
  });
  return window;
}

function key(code: string, modifiers: Partial<KeyInput> = {}): KeyInput {
  return {
    type: 'keyDown',
    code,
    key: code,
    control: false,
    meta: false,
    alt: false,
    shift: false,
    ...modifiers,
  };
}

function pressed(window: FakeWindow, input: KeyInput): boolean {
  const event = cancellable();
  window.webContents.emit('before-input-event', event, input);
  return event.preventDefault.mock.calls.length > 0;
}

describe('kiosk guards', () => {
  it('swallow blocked keys at a kiosk and let typing through', () => {
    const window = guarded({ kiosk: true });
    expect(pressed(window, key('F5'))).toBe(true);
    expect(pressed(window, key('KeyW', { key: 'w', control: true }))).toBe(true);
    expect(pressed(window, key('Numpad2', { key: '2', alt: true }))).toBe(false);
    expect(pressed(window, key('KeyA', { key: 'a' }))).toBe(false);
  });

  it('leave a counter window’s keys alone (its screens use F-keys)', () => {
    const window = guarded({ kiosk: false });
    expect(pressed(window, key('F6'))).toBe(false);
    expect(pressed(window, key('KeyR', { key: 'r', control: true }))).toBe(false);
  });

  it('follow the mode as it becomes known', () => {
    const state = { kiosk: false };
    const window = guarded(state);
    expect(pressed(window, key('F12'))).toBe(false);
    state.kiosk = true;
    expect(pressed(window, key('F12'))).toBe(true);
  });

  it('close devtools at a kiosk even when started with --devtools', () => {
    const kiosk = guarded({ kiosk: true, devToolsFlag: true });
    kiosk.webContents.emit('devtools-opened');
    expect(kiosk.webContents.closeDevTools).toHaveBeenCalledOnce();

    const counter = guarded({ kiosk: false, devToolsFlag: true });
    counter.webContents.emit('devtools-opened');
    expect(counter.webContents.closeDevTools).not.toHaveBeenCalled();
  });

  it('refuse to close a kiosk window unless the app is quitting', () => {
    const state = { kiosk: true, quitting: false };
    const window = guarded(state);
    const refused = cancellable();
    window.emit('close', refused);
    expect(refused.preventDefault).toHaveBeenCalled();

    state.quitting = true;
    const allowed = cancellable();
    window.emit('close', allowed);
    expect(allowed.preventDefault).not.toHaveBeenCalled();
  });

  it('let a counter window close', () => {
    const event = cancellable();
    guarded({ kiosk: false }).emit('close', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('prevent context menus and the system menu at a kiosk', () => {
    const window = guarded({ kiosk: true });
    const contextMenu = cancellable();
    window.webContents.emit('context-menu', contextMenu, {});
    const systemMenu = cancellable();
    window.emit('system-context-menu', systemMenu, { x: 0, y: 0 });
    expect(contextMenu.preventDefault).toHaveBeenCalled();
    expect(systemMenu.preventDefault).toHaveBeenCalled();
  });

  it('bring a minimised kiosk back and reset the zoom of each page it loads', () => {
    const window = guarded({ kiosk: true });
    window.emit('minimize');
    window.webContents.emit('did-finish-load');
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.webContents.setZoomFactor).toHaveBeenCalledWith(1);
    expect(window.webContents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);

    const counter = guarded({ kiosk: false });
    counter.emit('minimize');
    counter.webContents.emit('did-finish-load');
    expect(counter.restore).not.toHaveBeenCalled();
    expect(counter.webContents.setZoomFactor).not.toHaveBeenCalled();
  });
});

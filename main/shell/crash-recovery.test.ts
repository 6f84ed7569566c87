import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recoverFromCrashes } from './crash-recovery.ts';
import { FakeWindow } from './shell-fakes-test-helpers.ts';

const appPageUrl = 'file:///opt/bhxh-kiosk/resources/app.asar/dist/renderer/index.html';

function recovering(mode: 'kiosk' | 'counter' = 'kiosk', app = { quitting: false }) {
  const window = new FakeWindow();
  const logs: string[] = [];
  recoverFromCrashes(window.asBrowserWindow(), {
    appPageUrl,
    mode: () => mode,
    quitting: () => app.quitting,
    now: () => Date.now(),
    log: (line) => logs.push(line),
  });
  return { window, logs, loaded: () => window.webContents.loadURL.mock.calls.map(([url]) => url) };
}

function crash(window: FakeWindow, reason = 'crashed'): void {
  window.webContents.emit('render-process-gone', {}, { reason, exitCode: 139 });
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('crash recovery wiring', () => {
  it('reloads the app page after a crash and logs why', () => {
    const { window, logs, loaded } = recovering();
    crash(window, 'oom');
    expect(loaded()).toEqual([appPageUrl]);
    expect(logs).toEqual(['renderer gone (oom, exit code 139): reloading (1 of 3 within 60 s)']);
  });

  it('shows the out-of-service page on the fourth crash in a minute, then retries after 5 minutes', () => {
    const { window, loaded } = recovering();
    for (let crashes = 0; crashes < 4; crashes += 1) {
      crash(window);
      vi.advanceTimersByTime(5_000);
    }
    expect(loaded().slice(0, 3)).toEqual([appPageUrl, appPageUrl, appPageUrl]);
    expect(loaded()[3]).toMatch(/^data:text\/html;charset=utf-8,/);
    expect(decodeURIComponent(loaded()[3] ?? '')).toContain('Mời quý khách đến quầy tiếp nhận hồ sơ');

    vi.advanceTimersByTime(5 * 60_000 - 5_001);
    expect(loaded()).toHaveLength(4);
    vi.advanceTimersByTime(1);
    expect(loaded()).toEqual([appPageUrl, appPageUrl, appPageUrl, expect.any(String), appPageUrl]);
  });

  it('words the out-of-service page for an officer at a counter', () => {
    const { window, loaded } = recovering('counter');
    for (let crashes = 0; crashes < 4; crashes += 1) crash(window);
    expect(decodeURIComponent(loaded()[3] ?? '')).toContain('Ứng dụng sẽ tự mở lại sau khoảng 5 phút');
  });

  it('kills and reloads a page still unresponsive after the grace period, once', () => {
    const { window, loaded } = recovering();
    window.emit('unresponsive');
    vi.advanceTimersByTime(9_999);
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(window.webContents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    crash(window, 'killed'); // the report of our own kill
    expect(loaded()).toEqual([appPageUrl]);
  });

  it('leaves a page alone that answers again in time', () => {
    const { window, loaded } = recovering();
    window.emit('unresponsive');
    vi.advanceTimersByTime(5_000);
    window.emit('responsive');
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(loaded()).toEqual([]);
  });

  it('reloads nothing while the app quits', () => {
    const app = { quitting: false };
    const { window, loaded, logs } = recovering('kiosk', app);
    app.quitting = true;
    crash(window, 'killed');
    expect(loaded()).toEqual([]);
    expect(logs).toEqual([]);
  });

  it('does nothing once the window is gone', () => {
    const { window, loaded } = recovering();
    window.emit('unresponsive');
    window.destroyed = true;
    window.emit('closed');
    crash(window);
    vi.advanceTimersByTime(60_000);
    expect(loaded()).toEqual([]);
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
  });
});

// Stand-ins for the few BrowserWindow and WebContents members the kiosk guards and the crash
// recovery use: the Electron binary cannot run on the development machines, so the wiring is
// tested by emitting the events Electron would emit.
import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';
import { vi } from 'vitest';

export class FakeWebContents extends EventEmitter {
  readonly loadURL = vi.fn((_url: string) => Promise.resolve());
  readonly forcefullyCrashRenderer = vi.fn();
  readonly closeDevTools = vi.fn();
  readonly setZoomFactor = vi.fn();
  readonly setVisualZoomLevelLimits = vi.fn(() => Promise.resolve());
}

export class FakeWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly restore = vi.fn();
  destroyed = false;
  isDestroyed(): boolean {
    return this.destroyed;
  }
  asBrowserWindow(): BrowserWindow {
    return this as unknown as BrowserWindow;
  }
}

/** An event as Electron passes it to listeners that may cancel it. */
export function cancellable(): { preventDefault: ReturnType<typeof vi.fn> } {
  return { preventDefault: vi.fn() };
}

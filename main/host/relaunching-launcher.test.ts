import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../preload/contract/api-result.ts';
import type { BackendOptions } from '../services/backend.ts';
import type { EventListener } from '../services/event-hub.ts';
import type { BackendLauncher } from '../services/startup/backend-launcher.ts';
import { makeTemporaryDirectory } from '../../tests/support/temporary-directory.ts';
import { signInAs, trainingStaff } from '../../tests/support/staff-session.ts';
import { launchRelaunchingBackend } from './relaunching-launcher.ts';

// The hosts' launcher restarts the backend on the same data directory when the backend asks:
// with a fake launcher for the sequence, and with the real backend for a restore end to end.

async function until<T>(probe: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the relaunching launcher', () => {
  it('answers the request first, then closes the old backend, starts a new one and moves the subscriptions', async () => {
    const started: Array<{ options: BackendOptions; closed: boolean; listeners: Set<EventListener> }> = [];
    const fake = (options: BackendOptions): BackendLauncher => {
      const entry = { options, closed: false, listeners: new Set<EventListener>() };
      started.push(entry);
      return {
        status: () => ({ state: 'ready' }),
        ready: new Promise(() => {}),
        call: async (name) => ok(`${name} from backend ${started.indexOf(entry)}`),
        subscribe: (listener) => {
          entry.listeners.add(listener);
          return () => entry.listeners.delete(listener);
        },
        close: async () => {
          entry.closed = true;
        },
      };
    };
    const launcher = launchRelaunchingBackend({ dataDirectory: '/nowhere' }, fake);
    const listener: EventListener = () => {};
    launcher.subscribe(listener);
    expect(await launcher.call('health', {})).toEqual(ok('health from backend 0'));

    started[0]!.options.onRestartRequested!('restore');
    // Taken at once: the page meets a starting backend, as at the first start.
    expect(await launcher.call('startup.status', {})).toMatchObject({
      ok: true,
      value: { state: 'starting' },
    });
    expect(await launcher.call('health', {})).toMatchObject({
      ok: false,
      error: { code: 'backend-starting' },
    });
    started[0]!.options.onRestartRequested!('restore'); // a second request meanwhile changes nothing

    await until(async () => (started.length === 2 ? true : null));
    expect(started[0]!.closed).toBe(true);
    expect(started[0]!.listeners.size).toBe(0);
    expect(started[1]!.listeners.has(listener)).toBe(true);
    expect(await launcher.call('health', {})).toEqual(ok('health from backend 1'));
    expect(started[1]!.options.dataDirectory).toBe('/nowhere');
    await launcher.close();
    expect(started[1]!.closed).toBe(true);
    expect(started).toHaveLength(2);
  });

  describe('with the real backend', () => {
    let data: ReturnType<typeof makeTemporaryDirectory>;
    let launcher: BackendLauncher | null = null;
    beforeEach(() => {
      data = makeTemporaryDirectory('relaunch');
    });
    afterEach(async () => {
      await launcher?.close();
      launcher = null;
      data.remove();
    });

    it('comes back on the restored database after an administrator restores a backup', async () => {
      launcher = launchRelaunchingBackend({ dataDirectory: data.path, strictContract: true });
      await launcher.ready;
      const call = launcher.call;
      const events: string[] = [];
      launcher.subscribe((event) => events.push(event.name));
      expect(await call('sync.now', {})).toMatchObject({ ok: true });
      await signInAs(call, trainingStaff.admin);
      const before = [{ code: 'before', labelVi: 'Trước khi sao lưu', noteRequired: false }];
      const after = [{ code: 'after', labelVi: 'Sau khi sao lưu', noteRequired: true }];
      await call('admin.setRejectionReasons', { reasons: before });
      const backup = await call('admin.backupNow', {});
      if (!backup.ok) throw new Error(backup.error.code);
      await call('admin.setRejectionReasons', { reasons: after });

      const restored = await call('admin.restore', {
        fileName: (backup.value as { fileName: string }).fileName,
      });
      expect(restored).toMatchObject({ ok: true });
      expect(await call('admin.rejectionReasons', {})).toMatchObject({
        ok: false,
        error: { code: 'backend-starting' },
      });

      await until(async () => {
        const status = await call('startup.status', {});
        return status.ok && (status.value as { state: string }).state === 'ready' ? true : null;
      });
      expect(await call('admin.rejectionReasons', {})).toMatchObject({
        ok: false,
        error: { code: 'not-signed-in' },
      });
      await signInAs(call, trainingStaff.admin);
      expect(await call('admin.rejectionReasons', {})).toEqual(ok(before));
      events.length = 0;
      await call('sync.now', {});
      expect(events).toContain('sync.status');
    });
  });
});

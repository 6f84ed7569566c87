import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StartupStatus } from '../../../preload/contract/areas/startup.ts';
import { makeTemporaryDirectory } from '../../../tests/support/temporary-directory.ts';
import { databaseFileName } from '../backend.ts';
import { launchBackend, type BackendLauncher } from './backend-launcher.ts';

let data: ReturnType<typeof makeTemporaryDirectory>;
let launcher: BackendLauncher | null = null;

afterEach(async () => {
  await launcher?.close();
  launcher = null;
  data.remove();
});

describe('the backend launcher', () => {
  it('answers startup.status from the first moment, reports each phase, then hands over', async () => {
    data = makeTemporaryDirectory('launcher');
    const phases: string[] = [];
    launcher = launchBackend({ dataDirectory: data.path, onProgress: (status) => phases.push(status.phase) });
    const early = await launcher.call('startup.status', {});
    expect(early).toMatchObject({ ok: true, value: { state: 'starting' } });
    expect(await launcher.call('health', {})).toMatchObject({
      ok: false,
      error: { code: 'backend-starting' },
    });
    expect(await launcher.ready).not.toBeNull();
    expect(phases).toEqual([
      'locking-data-directory',
      'reading-config',
      'checking-store',
      'opening-store',
      'starting-sync',
    ]);
    expect(await launcher.call('startup.status', {})).toEqual({ ok: true, value: { state: 'ready' } });
    expect(await launcher.call('health', {})).toMatchObject({ ok: true });
  });

  it('keeps a failed start on screen: the failure with its details, and startup-failed for everything else', async () => {
    data = makeTemporaryDirectory('launcher');
    writeFileSync(path.join(data.path, 'config.json'), JSON.stringify({ officeCode: 'abc' }));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    launcher = launchBackend({ dataDirectory: data.path });
    expect(await launcher.ready).toBeNull();
    logged.mockRestore();
    const status = (await launcher.call('startup.status', {})) as { ok: true; value: StartupStatus };
    expect(status.value).toMatchObject({
      state: 'failed',
      error: {
        code: 'config-invalid',
        details: { file: path.join(data.path, 'config.json'), issues: [{ path: 'officeCode' }] },
      },
    });
    expect(await launcher.call('session.signIn', { username: 'a', password: 'b' })).toMatchObject({
      error: { code: 'startup-failed', details: { cause: 'config-invalid' } },
    });
  });

  it('reports a damaged database with the restore command', async () => {
    data = makeTemporaryDirectory('launcher');
    writeFileSync(path.join(data.path, databaseFileName), Buffer.alloc(8192, 0x5a));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    launcher = launchBackend({ dataDirectory: data.path });
    expect(await launcher.ready).toBeNull();
    logged.mockRestore();
    expect(launcher.status()).toMatchObject({
      state: 'failed',
      error: { code: 'store-corrupt', details: { restoreCommand: expect.stringContaining('store restore') } },
    });
  });

  it('delivers events to subscribers that came before the backend was ready', async () => {
    data = makeTemporaryDirectory('launcher');
    launcher = launchBackend({ dataDirectory: data.path });
    const names: string[] = [];
    launcher.subscribe((event) => names.push(event.name));
    const backend = await launcher.ready;
    const display = await backend!.call('settings.display', {});
    if (!display.ok) throw new Error(display.error.code);
    backend!.events.emit('settings.changed', display.value as never);
    expect(names).toContain('settings.changed');
  });
});

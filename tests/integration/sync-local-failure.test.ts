import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentralServer, type CentralServer } from '../../central/server/start-central-server.ts';
import type { Store } from '../../main/store/store.ts';
import { StoreError } from '../../main/store/store-error.ts';
import { makeTemporaryDirectory } from '../support/temporary-directory.ts';
import { openCounter } from './support/counter-setup.ts';

// A failure of the counter's own database (disk full, the file held by another program) is not a
// protocol problem: the status bar must say "local", never send anyone looking for a version
// mismatch ("schema"), and the next round recovers once the disk is fine again.

let directory: ReturnType<typeof makeTemporaryDirectory>;
let central: CentralServer;

beforeAll(async () => {
  directory = makeTemporaryDirectory('sync-local');
  central = await startCentralServer({
    databasePath: path.join(directory.path, 'central.db'),
    seedCount: 200,
  });
});
afterAll(async () => {
  await central?.close();
  directory?.remove();
});

describe('a local database failure during sync', () => {
  it.each([
    ['store-io', 'disk full'],
    ['store-locked', 'held by another program'],
    ['store-read-only', 'read-only folder'],
  ] as const)('%s (%s) is reported as local, and the next round recovers', async (code, _what) => {
    let failing = false;
    const counter = openCounter({
      databasePath: path.join(directory.path, `${code}.db`),
      centralUrl: central.url,
      officeCode: '07921',
      enrollmentCode: () => central.createEnrollmentCode('07921'),
      engineStore: (store: Store): Store => ({
        ...store,
        transaction: (fn) => {
          if (failing) throw new StoreError(code, 'không ghi được');
          return store.transaction(fn);
        },
      }),
    });
    try {
      expect((await counter.engine.syncNow()).state).toBe('online');
      failing = true;
      const failed = await counter.engine.syncNow();
      expect(failed).toMatchObject({ state: 'offline', error: { kind: 'local', code: 'sync-local' } });
      failing = false;
      expect(await counter.engine.syncNow()).toMatchObject({ state: 'online', error: null });
    } finally {
      await counter.close();
    }
  });
});

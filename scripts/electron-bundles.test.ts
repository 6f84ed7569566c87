import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { operationNames } from '../preload/contract/operations.ts';
import { makeTemporaryDirectory } from '../tests/support/temporary-directory.ts';
import { buildElectronBundle } from './electron-bundles.ts';

const out = makeTemporaryDirectory('preload-bundle');
afterAll(() => out.remove());

// The sandboxed preload is built as Electron will load it, then run in a bare context where the
// only module is a fake `electron`: what it exposes must be exactly the contract's operations.
describe('the preload bundle', () => {
  it('exposes one function per operation of the contract, without bundling the schemas', async () => {
    const file = await buildElectronBundle('preload', out.path);
    const code = readFileSync(file, 'utf8');
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => invoked.push(args),
        on: () => {},
        removeListener: () => {},
      },
    };
    const module = { exports: {} };
    runInNewContext(code, {
      module,
      exports: module.exports,
      require: (name: string) => {
        if (name !== 'electron') throw new Error(`the preload may not require ${name}`);
        return electron;
      },
    });
    const api = exposed.bhxh as { operations: Record<string, (args: unknown) => Promise<unknown>> };
    expect(Object.keys(api.operations)).toEqual(operationNames);
    await api.operations['health']!({});
    expect(invoked).toEqual([['bhxh:api-call', 'health', {}]]);
    expect(code).not.toMatch(/ZodError|safeParse/);
    expect(code.length).toBeLessThan(8 * 1024);
  }, 60_000);
});

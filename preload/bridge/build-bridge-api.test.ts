import { describe, expect, it } from 'vitest';
import { ok } from '../contract/api-result.ts';
import { operationNames } from '../contract/operations.ts';
import { apiCallChannel, buildBridgeApi } from './build-bridge-api.ts';

describe('Electron bridge', () => {
  it('exposes one function per operation of the contract, each forwarding on the call channel', async () => {
    const calls: unknown[][] = [];
    const api = buildBridgeApi(
      {
        invoke: async (...args) => {
          calls.push(args);
          return ok('answer');
        },
        subscribe: () => () => {},
      },
      operationNames,
    );
    expect(Object.keys(api.operations).sort()).toEqual([...operationNames].sort());
    for (const name of operationNames) {
      expect(await api.operations[name]!({ probe: name })).toEqual(ok('answer'));
    }
    expect(calls).toEqual(operationNames.map((name) => [apiCallChannel, name, { probe: name }]));
  });

  it('never exposes the transport itself, and the page cannot add operations', () => {
    const api = buildBridgeApi({ invoke: async () => ok(null), subscribe: () => () => {} }, ['health']);
    expect(Object.keys(api).sort()).toEqual(['onEvent', 'operations']);
    expect(Object.isFrozen(api.operations)).toBe(true);
  });
});

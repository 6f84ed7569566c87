import { fail, ok, type ApiResult } from '../../preload/contract/api-result.ts';
import type { DisplaySettings } from '../../preload/contract/areas/settings.ts';
import type { BackendEvent } from '../../preload/contract/events.ts';
import type { OperationName } from '../../preload/contract/operations.ts';
import type { ApiClient } from '../../renderer/api/api-client.ts';

// An ApiClient for component tests of the renderer: each operation answers what the test says
// (a value, an error, or a function of the arguments), the calls are recorded, and the test pushes
// backend events by hand. Operations the test did not mention answer `unknown-operation`, so a
// screen calling something unexpected fails visibly.

export type FakeAnswer =
  ApiResult<unknown> | ((args: unknown) => ApiResult<unknown> | Promise<ApiResult<unknown>>);

export interface FakeApi extends ApiClient {
  calls: Array<{ name: OperationName; args: unknown }>;
  answer(name: OperationName, answer: FakeAnswer): void;
  emit(event: BackendEvent): void;
}

export const displaySettings: DisplaySettings = {
  mode: 'counter',
  language: 'vi',
  officeCode: '07921',
  counterId: 'Q01',
  trainingMode: true,
  enrolled: true,
  scanner: {
    wedgeMaxKeyIntervalMs: 40,
    wedgeMinLength: 12,
    wedgeIdleEndMs: 200,
    cameraDeviceId: null,
    soundCues: true,
  },
  idleLockMinutes: 5,
};

export function fakeApi(answers: Partial<Record<OperationName, FakeAnswer>> = {}): FakeApi {
  const table = new Map<OperationName, FakeAnswer>(
    Object.entries(answers) as Array<[OperationName, FakeAnswer]>,
  );
  const listeners = new Set<(event: BackendEvent) => void>();
  const calls: FakeApi['calls'] = [];
  const defaults: Partial<Record<OperationName, FakeAnswer>> = {
    'startup.status': ok({ state: 'ready' }),
    'settings.display': ok(displaySettings),
    'session.current': ok(null),
    health: fail('backend-unavailable', 'not in this test'),
    'sync.status': fail('backend-unavailable', 'not in this test'),
  };
  return {
    calls,
    answer: (name, answer) => void table.set(name, answer),
    emit: (event) => {
      for (const listener of listeners) listener(event);
    },
    call: async (name, args) => {
      calls.push({ name, args });
      const answer = table.get(name) ?? defaults[name];
      if (answer === undefined)
        return fail('unknown-operation', `the test gave no answer for ${name}`) as never;
      return (typeof answer === 'function' ? await answer(args) : answer) as never;
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

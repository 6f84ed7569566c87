import { describe, expect, it, vi } from 'vitest';
import type { Caller } from '../../../preload/contract/access.ts';
import { AppError } from '../app-error.ts';
import type { OperationHandlers } from '../operation-handlers.ts';
import { createDispatcher, type CallerState } from './dispatch-operation.ts';

const officer: CallerState = {
  caller: {
    mode: 'counter',
    enrolled: true,
    session: { role: 'officer', locked: false, pinRequired: false },
  },
  session: { staffId: 'cb-1', fullName: 'Cán bộ Một', role: 'officer' },
};
const nobody: CallerState = { caller: { mode: 'counter', enrolled: true, session: null }, session: null };
const kiosk: CallerState = { caller: { mode: 'kiosk', enrolled: true, session: null }, session: null };

/** Handlers that record their calls; those a test does not give answer `internal`. */
function handlers(
  given: Partial<Record<keyof OperationHandlers, (args: unknown, context: unknown) => unknown>>,
) {
  const calls: string[] = [];
  const table = new Proxy(
    {},
    {
      get: (_target, name: string) => (args: unknown, context: unknown) => {
        calls.push(name);
        const handler = given[name as keyof OperationHandlers];
        if (!handler) throw new Error(`no handler for ${name}`);
        return handler(args, context);
      },
    },
  ) as OperationHandlers;
  return { table, calls };
}

const decideArgs = {
  registrationCode: 'DK-1',
  outcome: 'approved',
  reasonCode: null,
  note: null,
  override: false,
};

describe('dispatchOperation', () => {
  it('checks access before it even looks at the arguments, and runs nothing', async () => {
    const { table, calls } = handlers({});
    const dispatch = createDispatcher({ handlers: table, callerState: () => nobody });
    expect(await dispatch('registrations.decide', { garbage: true })).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in' },
    });
    const asKiosk = createDispatcher({ handlers: table, callerState: () => kiosk });
    expect(await asKiosk('registrations.decide', decideArgs)).toMatchObject({ error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('answers forbidden, not unknown-operation, to a kiosk page probing names', async () => {
    const { table } = handlers({});
    expect(
      await createDispatcher({ handlers: table, callerState: () => kiosk })('admin.secret', {}),
    ).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect(
      await createDispatcher({ handlers: table, callerState: () => officer })('admin.secret', {}),
    ).toMatchObject({
      error: { code: 'unknown-operation' },
    });
  });

  it('gives the handler the validated arguments and the caller from the session', async () => {
    const seen = vi.fn((_args: unknown, _context: unknown) => ({ ok: true }));
    const { table } = handlers({ 'id.parse': seen });
    await createDispatcher({ handlers: table, callerState: () => officer })('id.parse', { payload: 'x' });
    expect(seen).toHaveBeenCalledWith({ payload: 'x' }, officer);
  });

  it('reports invalid arguments with the failing fields, never their values', async () => {
    const { table } = handlers({});
    const answer = await createDispatcher({ handlers: table, callerState: () => officer })(
      'registrations.decide',
      {
        ...decideArgs,
        outcome: 'rejected',
      },
    );
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', details: { issues: [{ path: 'reasonCode' }] } },
    });
  });

  it('lets an error cross whole: code, message and details', async () => {
    const existing = {
      outcome: 'approved',
      officerId: 'cb-2',
      counterId: 'Q02',
      decidedAt: '2026-12-01T02:00:00.000Z',
      source: 'central',
    };
    const { table } = handlers({
      'registrations.decide': () => {
        throw new AppError('already-decided', 'Hồ sơ đã được quyết định.', {
          details: { registrationCode: 'DK-1', existing },
        });
      },
    });
    const dispatch = createDispatcher({ handlers: table, callerState: () => officer, strictContract: true });
    expect(await dispatch('registrations.decide', decideArgs)).toEqual({
      ok: false,
      error: {
        code: 'already-decided',
        message: 'Hồ sơ đã được quyết định.',
        details: { registrationCode: 'DK-1', existing },
      },
    });
  });

  it('hides an unexpected exception behind `internal`', async () => {
    const { table } = handlers({});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(
      await createDispatcher({ handlers: table, callerState: () => officer })('id.parse', { payload: 'x' }),
    ).toMatchObject({
      error: { code: 'internal' },
    });
    error.mockRestore();
  });

  describe('in strict mode', () => {
    const strict = (given: Parameters<typeof handlers>[0], state: CallerState = officer) =>
      createDispatcher({ handlers: handlers(given).table, callerState: () => state, strictContract: true });

    it.each([
      ['a result that does not fit its schema', { health: () => ({ status: 'ok' }) }, 'health'],
      [
        'an error code the operation does not declare',
        {
          health: () => {
            throw new AppError('wrong-pin', 'x');
          },
        },
        'health',
      ],
      [
        'details that do not fit their schema',
        {
          health: () => {
            throw new AppError('invalid-argument', 'x', { details: { issues: 'none' } });
          },
        },
        'health',
      ],
    ])('turns %s into a logged `internal`', async (_label, given, name) => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => {});
      expect(await strict(given as Parameters<typeof handlers>[0])(name, {})).toMatchObject({
        error: { code: 'internal' },
      });
      expect(error).toHaveBeenCalledWith(expect.stringContaining('contract violation'));
      error.mockRestore();
    });

    it('passes a declared code and a common one', async () => {
      const caller: Caller = { mode: 'counter', enrolled: true, session: null };
      const declared = strict(
        {
          'session.signIn': () => {
            throw new AppError('invalid-credentials', 'x', { details: { attemptsLeft: 2 } });
          },
        },
        { caller, session: null },
      );
      expect(await declared('session.signIn', { username: 'a', password: 'b' })).toMatchObject({
        error: { code: 'invalid-credentials', details: { attemptsLeft: 2 } },
      });
      const common = strict({
        health: () => {
          throw new AppError('store-io', 'x');
        },
      });
      expect(await common('health', {})).toMatchObject({ error: { code: 'store-io' } });
    });
  });
});

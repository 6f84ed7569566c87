import { describe, expect, it } from 'vitest';
import { ok } from '../../../preload/contract/api-result.ts';
import { launchBackend } from '../../services/startup/backend-launcher.ts';
import { makeTemporaryDirectory } from '../../../tests/support/temporary-directory.ts';
import { BackendChannel } from './backend-channel.ts';
import type { BackendToShell, ShellToBackend } from './backend-messages.ts';
import { serveBackendOnPort, type ParentPortLike } from './serve-backend-on-port.ts';

// The shell ↔ utility-process conversation without Electron: a fake port joins the main process's
// BackendChannel to the utility process's serveBackendOnPort, with a real backend behind it.

class FakePort implements ParentPortLike {
  readonly toShell: BackendToShell[] = [];
  #listener: ((message: { data: unknown }) => void) | null = null;
  onToShell: (message: BackendToShell) => void = () => {};
  on(_event: 'message', listener: (message: { data: unknown }) => void): void {
    this.#listener = listener;
  }
  postMessage(message: BackendToShell): void {
    this.toShell.push(message);
    // Structured clone, as Electron's port does: nothing is shared by reference.
    this.onToShell(structuredClone(message));
  }
  fromShell(message: unknown): void {
    this.#listener?.({ data: structuredClone(message) });
  }
}

describe('the channel to the backend process', () => {
  it('carries calls, results and events, and says when the start settled', async () => {
    const data = makeTemporaryDirectory('channel');
    const port = new FakePort();
    const events: string[] = [];
    const settled: string[] = [];
    const channel = new BackendChannel({
      send: (message: ShellToBackend) => port.fromShell(message),
      onEvent: (event) => events.push(event.name),
      onSettled: (state) => settled.push(state),
    });
    port.onToShell = (message) => channel.receive(message);
    const launcher = launchBackend({ dataDirectory: data.path });
    try {
      serveBackendOnPort(port, launcher);
      expect(channel.listening).toBe(true);
      expect(await channel.call('startup.status', {})).toMatchObject({ ok: true });
      const backend = await launcher.ready;
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(settled).toEqual(['ready']);
      expect(await channel.call('health', {})).toMatchObject({ ok: true, value: { status: 'ok' } });
      expect(await channel.call('registrations.search', { query: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'not-signed-in' },
      });
      const display = await backend!.call('settings.display', {});
      if (!display.ok) throw new Error(display.error.code);
      backend!.events.emit('settings.changed', display.value as never);
      expect(events).toContain('settings.changed');
    } finally {
      await launcher.close();
      data.remove();
    }
  });

  it('drops messages that do not fit the schema, on both sides', async () => {
    const sent: ShellToBackend[] = [];
    const channel = new BackendChannel({ send: (message) => sent.push(message), onEvent: () => {} });
    channel.receive({ kind: 'listening' });
    const answer = channel.call('health', {});
    channel.receive({ kind: 'result', id: 'one', result: ok('forged') });
    channel.receive({ kind: 'result', id: 1, result: { ok: 'yes' } });
    channel.receive({ kind: 'event', event: { name: 'scan', payload: { payload: 1 } } });
    channel.receive('garbage');
    channel.receive({ kind: 'result', id: 1, result: ok('the real answer') });
    expect(await answer).toEqual(ok('the real answer'));

    const port = new FakePort();
    const calls: unknown[] = [];
    serveBackendOnPort(port, {
      status: () => ({ state: 'ready' }),
      ready: new Promise(() => {}),
      call: async (name, args) => {
        calls.push([name, args]);
        return ok(null);
      },
      subscribe: () => () => {},
      close: async () => {},
    });
    port.fromShell({ kind: 'call', id: -1, name: 'health', args: {} });
    port.fromShell({ kind: 'call', id: 2, name: 'x'.repeat(65), args: {} });
    port.fromShell({ kind: 'invoke', id: 3, name: 'health' });
    port.fromShell({ kind: 'call', id: 4, name: 'health', args: {} });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual([['health', {}]]);
  });

  it('fails the calls in flight when the process exits, instead of leaving them hanging', async () => {
    const channel = new BackendChannel({ send: () => {}, onEvent: () => {} });
    expect(await channel.call('health', {})).toMatchObject({ error: { code: 'backend-unavailable' } });
    channel.receive({ kind: 'listening' });
    const inFlight = channel.call('health', {});
    channel.exited();
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'backend-unavailable' } });
    expect(channel.listening).toBe(false);
  });
});

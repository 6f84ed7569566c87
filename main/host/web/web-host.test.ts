import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { operationNames } from '../../../preload/contract/operations.ts';
import { makeTemporaryDirectory } from '../../../tests/support/temporary-directory.ts';
import { createBackend, type Backend } from '../../services/backend.ts';
import { signInAs, syncOnce, trainingStaff } from '../../../tests/support/staff-session.ts';
import { startWebHost, type WebHost } from './web-host.ts';

let data: ReturnType<typeof makeTemporaryDirectory>;
let renderer: ReturnType<typeof makeTemporaryDirectory>;
let backend: Backend;
let host: WebHost;

beforeAll(async () => {
  data = makeTemporaryDirectory('web-host-data');
  renderer = makeTemporaryDirectory('web-host-renderer');
  writeFileSync(path.join(renderer.path, 'index.html'), '<!doctype html><title>test</title>');
  backend = await createBackend({ dataDirectory: data.path, strictContract: true });
  host = await startWebHost({ backend, rendererDirectory: renderer.path });
  await syncOnce(backend.call);
  await signInAs(backend.call, trainingStaff.officer);
});

afterAll(async () => {
  await host.close();
  await backend.close();
  data.remove();
  renderer.remove();
});

const auth = () => ({ Authorization: `Bearer ${host.token}` });
const call = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}/api/call/${name}`, {
    method: 'POST',
    headers: { ...auth(), 'Content-Type': 'application/json', Origin: host.url, ...headers },
    body: JSON.stringify(body),
  });

function rawGet(pathname: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port: host.port, path: pathname, headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('web host', () => {
  it('prints a launch URL with the token on loopback', () => {
    expect(host.launchUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{40,}$/);
  });

  it('answers /api/health with the token and 401 without it', async () => {
    const withToken = await fetch(`${host.url}/api/health`, { headers: auth() });
    expect(withToken.status).toBe(200);
    expect(await withToken.json()).toMatchObject({ ok: true, value: { status: 'ok' } });
    expect((await fetch(`${host.url}/api/health`)).status).toBe(401);
    const wrong = await fetch(`${host.url}/api/health`, {
      headers: { Authorization: `Bearer ${'x'.repeat(43)}` },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses a request from another origin even with the token', async () => {
    const response = await call('health', {}, { Origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden-origin' } });
  });

  it('refuses a rebinding Host header', async () => {
    expect(await rawGet('/api/health', { ...auth(), Host: `evil.example:${host.port}` })).toBe(421);
  });

  it('parses a card through the API', async () => {
    const payload = '060067086171|186059021|Nguyễn Thành Tuấn|26061967|Nam|Tiền Giang|12062021';
    const body = await (await call('id.parse', { payload })).json();
    expect(body).toMatchObject({
      ok: true,
      value: { ok: true, kind: 'cccd', fields: { fullName: 'Nguyễn Thành Tuấn' } },
    });
  });

  it('validates arguments and names unknown operations', async () => {
    expect(await (await call('id.parse', { payload: 42 })).json()).toMatchObject({
      error: { code: 'invalid-argument' },
    });
    expect(await (await call('id.parse', { payload: 'x', extra: 1 })).json()).toMatchObject({
      error: { code: 'invalid-argument' },
    });
    expect(await (await call('nothing.here', {})).json()).toMatchObject({
      error: { code: 'unknown-operation' },
    });
  });

  it('refuses bodies over the limit and malformed JSON', async () => {
    const big = await call('id.parse', { payload: 'x'.repeat(70_000) });
    expect(big.status).toBe(413);
    const malformed = await fetch(`${host.url}/api/call/health`, {
      method: 'POST',
      headers: auth(),
      body: '{',
    });
    expect(malformed.status).toBe(400);
  });

  it('serves the renderer with a strict CSP and no path traversal', async () => {
    const page = await fetch(`${host.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const missing = await fetch(`${host.url}/no-such-file.js`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await rawGet('/../package.json', {})).toBe(404);
    expect(await rawGet('/%2e%2e/package.json', {})).toBe(404);
    expect(await rawGet('/..%2fpackage.json', {})).toBe(404);
  });

  it('streams backend events over an authenticated WebSocket', async () => {
    const socket = new WebSocket(
      `${host.url.replace('http', 'ws')}/api/events`,
      ['bhxh-events', `token.${host.token}`],
      {
        origin: host.url,
      },
    );
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    expect(socket.protocol).toBe('bhxh-events');
    // Sync status events come and go; the scan is the one this test sends.
    const received = new Promise<unknown>((resolve) =>
      socket.on('message', (data) => {
        const event = JSON.parse(String(data)) as { name: string };
        if (event.name === 'scan') resolve(event);
      }),
    );
    const submitted = await call('scan.submit', {
      source: 'keyboard-wedge',
      device: null,
      text: 'abc-not-a-card',
    });
    expect(await submitted.json()).toMatchObject({ ok: true, value: { duplicate: false } });
    expect(await received).toMatchObject({
      name: 'scan',
      payload: {
        source: 'keyboard-wedge',
        raw: 'abc-not-a-card',
        result: { ok: false, error: { code: 'not-an-id-payload' } },
      },
    });
    socket.close();
  });

  it.each([
    ['no token', ['bhxh-events'], 'http://127.0.0.1'],
    ['wrong token', ['bhxh-events', `token.${'y'.repeat(43)}`], undefined],
    ['foreign origin', ['bhxh-events', 'TOKEN'], 'http://evil.example'],
  ])('refuses an event socket with %s', async (_label, protocols, origin) => {
    const resolved = protocols.map((protocol) => (protocol === 'TOKEN' ? `token.${host.token}` : protocol));
    const socket = new WebSocket(`${host.url.replace('http', 'ws')}/api/events`, resolved, {
      origin: origin === 'http://127.0.0.1' ? host.url : (origin ?? host.url),
    });
    await expect(
      new Promise((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      }),
    ).rejects.toThrow(/401/);
  });

  it('exposes exactly the operations of the contract', async () => {
    expect([...backend.operationNames].sort()).toEqual([...operationNames].sort());
    for (const name of operationNames) {
      const body = (await (await call(name, {})).json()) as { ok: boolean; error?: { code: string } };
      expect(body.error?.code, name).not.toBe('unknown-operation');
    }
  });
});

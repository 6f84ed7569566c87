import { afterEach, describe, expect, it } from 'vitest';
import type { ScanEvent, ScannerStatus } from '../../../preload/contract/areas/scan.ts';
import { encodeHidPosReports } from '../../devices/hid-pos/encode-hid-pos-reports.ts';
import { FakeHid, posScanner } from '../../devices/hid-pos/fake-hid-test-helpers.ts';
import { idFixture } from '../../../tests/support/id-fixtures.ts';
import { signInAs, syncOnce, trainingStaff } from '../../../tests/support/staff-session.ts';
import { makeTemporaryDirectory } from '../../../tests/support/temporary-directory.ts';
import { createBackend, type Backend } from '../backend.ts';

// The scan area end to end in the backend: a HID-POS scanner (a fake node-hid) and the page's
// keyboard-wedge submissions feed one pipeline; the screen gets each physical scan once.

let data: ReturnType<typeof makeTemporaryDirectory>;
let backend: Backend | null = null;
afterEach(async () => {
  await backend?.close();
  backend = null;
  data.remove();
});

const until = async (check: () => boolean, what: string) => {
  for (let attempt = 0; attempt < 200 && !check(); attempt += 1)
    await new Promise((resolve) => setTimeout(resolve, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

describe('the scan pipeline in the backend', () => {
  it('sends a HID-POS scan to a signed-in screen once, even when the keyboard side types it too', async () => {
    data = makeTemporaryDirectory('scan-area');
    const hid = new FakeHid();
    hid.plug(posScanner);
    backend = await createBackend({ dataDirectory: data.path, strictContract: true, hid });
    await syncOnce(backend.call);
    await signInAs(backend.call, trainingStaff.officer);
    const scans: ScanEvent[] = [];
    backend.subscribe((event) => {
      if (event.name === 'scan') scans.push(event.payload);
    });
    let connected = false;
    await until(() => {
      void backend!.call('scan.status', {}).then((answer) => {
        const status = answer.ok ? (answer.value as ScannerStatus) : null;
        connected = status?.hidPos.devices.some((device) => device.state === 'connected') ?? false;
      });
      return connected;
    }, 'the scanner');

    const card = idFixture('cancuoc-2024-child-with-parents');
    hid.device(posScanner.path).send(encodeHidPosReports(card.payload, 'honeywell'));
    await until(() => scans.length === 1, 'the HID-POS scan');
    expect(scans[0]).toMatchObject({
      source: 'hid-pos',
      device: 'Honeywell 1950g',
      raw: card.payload,
      symbology: ']Q1',
      result: { ok: true, kind: 'cccd', fields: { fullName: card.expect.fields?.fullName } },
    });
    expect(scans[0]?.bytesHex).toBe(Buffer.from(card.payload, 'utf8').toString('hex'));

    // The same scanner's keyboard side typed the scan, losing the Vietnamese letters.
    const typed = card.payload.replace(/[^\x20-\x7e]/g, '?');
    const wedge = await backend.call('scan.submit', { source: 'keyboard-wedge', device: null, text: typed });
    expect(wedge).toMatchObject({ ok: true, value: { duplicate: true, scanId: scans[0]?.scanId } });
    expect(scans).toHaveLength(1);

    const status = await backend.call('scan.status', {});
    expect(status).toMatchObject({
      ok: true,
      value: {
        hidPos: {
          enabled: true,
          available: true,
          devices: [{ name: 'Honeywell 1950g', state: 'connected' }],
        },
      },
    });
  });

  it('tells a locked or signed-out screen nothing about a scan', async () => {
    data = makeTemporaryDirectory('scan-area');
    backend = await createBackend({ dataDirectory: data.path, strictContract: true, hid: new FakeHid() });
    await syncOnce(backend.call);
    const names: string[] = [];
    backend.subscribe((event) => names.push(event.name));
    expect(
      await backend.call('scan.submit', {
        source: 'keyboard-wedge',
        device: null,
        text: idFixture('cccd-2021-0').payload,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in' },
    });
    await signInAs(backend.call, trainingStaff.officer);
    await backend.call('session.lock', {});
    backend.events.emit('scan', {
      scanId: 'x',
      source: 'hid-pos',
      device: null,
      receivedAt: new Date().toISOString(),
      raw: 'x',
      bytesHex: null,
      symbology: null,
      result: { ok: false, error: { code: 'not-an-id-payload', message: '' } },
      damage: null,
    });
    expect(names).not.toContain('scan');
  });

  it('follows a change of the scanner settings without a restart', async () => {
    data = makeTemporaryDirectory('scan-area');
    const hid = new FakeHid();
    backend = await createBackend({ dataDirectory: data.path, strictContract: true, hid });
    await syncOnce(backend.call);
    await signInAs(backend.call, trainingStaff.admin);
    expect((await backend.call('scan.status', {})) as { value: ScannerStatus }).toMatchObject({
      value: { hidPos: { enabled: true } },
    });
    await backend.call('settings.set', { patch: { scanner: { hidPosEnabled: false } } });
    expect((await backend.call('scan.status', {})) as { value: ScannerStatus }).toMatchObject({
      value: { hidPos: { enabled: false } },
    });
  });
});

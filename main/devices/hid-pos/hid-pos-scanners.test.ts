import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idFixture } from '../../../tests/support/id-fixtures.ts';
import { encodeHidPosReports } from './encode-hid-pos-reports.ts';
import { FakeHid, posScanner } from './fake-hid-test-helpers.ts';
import {
  startHidPosScanners,
  type HidPosScanError,
  type HidPosScanEvent,
  type HidPosScanners,
  type HidPosScannersOptions,
} from './hid-pos-scanners.ts';
import type { HidPosDeviceStatus } from './hid-pos-device-status.ts';

const payload = idFixture('cccd-2021-0').payload;

let open: HidPosScanners[] = [];

function start(hid: HidPosScannersOptions['hid'], options: Partial<HidPosScannersOptions> = {}) {
  const scans: HidPosScanEvent[] = [];
  const errors: HidPosScanError[] = [];
  const changes: HidPosDeviceStatus[][] = [];
  const scanners = startHidPosScanners({
    layout: 'auto',
    rescanMs: 1000,
    hid,
    onScan: (scan) => scans.push(scan),
    onError: (error) => errors.push(error),
    onDevicesChanged: (devices) => changes.push(devices),
    ...options,
  });
  open.push(scanners);
  return { scanners, scans, errors, changes };
}

const states = (statuses: HidPosDeviceStatus[]) =>
  statuses.map((status) => `${status.device?.path ?? '-'}:${status.state}`);

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-03-02T01:00:00Z') });
});

afterEach(async () => {
  await Promise.all(open.map((scanners) => scanners.close()));
  open = [];
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('startHidPosScanners', () => {
  it('opens the HID-POS interfaces and reports them once', async () => {
    const hid = new FakeHid();
    hid.plug(posScanner);
    hid.plug({ path: '/dev/hidraw0', usagePage: 0x01, usage: 0x06, product: 'Keyboard' });
    const { scanners, changes } = start(hid);
    await scanners.rescan();
    expect(hid.opened.map((device) => device.path)).toEqual(['/dev/hidraw3']);
    expect(scanners.devices()).toEqual([
      {
        state: 'connected',
        device: { path: '/dev/hidraw3', vendorId: 0x0c2e, productId: 0x0b87, product: 'Honeywell 1950g' },
        since: '2026-03-02T01:00:00.000Z',
      },
    ]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(hid.enumerations).toBeGreaterThanOrEqual(5);
    expect(changes).toHaveLength(1); // nothing changed since
  });

  it('opens a scanner named by vendor and product id on a vendor usage page', async () => {
    const hid = new FakeHid();
    hid.plug({ path: 'vendor-scanner', vendorId: 0x05e0, productId: 0x1900, usagePage: 0xff00 });
    hid.plug({ path: 'other', vendorId: 0x05e0, productId: 0x1901, usagePage: 0xff00 });
    const { scanners } = start(hid, { vendorProductIds: [{ vendorId: 0x05e0, productId: 0x1900 }] });
    await scanners.rescan();
    expect(states(scanners.devices())).toEqual(['vendor-scanner:connected']);
  });

  it('delivers a scan sent as several reports, each device assembled on its own', async () => {
    const hid = new FakeHid();
    hid.plug(posScanner);
    hid.plug({ ...posScanner, path: '/dev/hidraw4', product: '' });
    const { scanners, scans, errors } = start(hid);
    await scanners.rescan();
    const first = encodeHidPosReports(payload, 'honeywell');
    const second = encodeHidPosReports(idFixture('cccd-2021-1').payload, 'zebra');
    hid.device('/dev/hidraw3').send(first.slice(0, 1));
    hid.device('/dev/hidraw4').send(second);
    hid.device('/dev/hidraw3').send(first.slice(1));
    expect(errors).toEqual([]);
    expect(scans.map((scan) => [scan.device.path, scan.layout, scan.text])).toEqual([
      ['/dev/hidraw4', 'zebra', idFixture('cccd-2021-1').payload],
      ['/dev/hidraw3', 'honeywell', payload],
    ]);
    expect(scans[1]).toMatchObject({
      device: { product: 'Honeywell 1950g', vendorId: 0x0c2e },
      symbology: ']Q1',
      symbologyName: 'QR Code',
      bytesHex: Buffer.from(payload, 'utf8').toString('hex'),
      receivedAt: '2026-03-02T01:00:00.000Z',
    });
    expect(scans[0]?.device.product).toBeNull();
  });

  it('reports garbage and a scan cut short, and keeps reading', async () => {
    const hid = new FakeHid();
    hid.plug(posScanner);
    const { scanners, scans, errors } = start(hid, { layout: 'honeywell' });
    await scanners.rescan();
    const device = hid.device(posScanner.path);
    const reports = encodeHidPosReports(payload, 'honeywell');
    device.send([new Uint8Array(10).fill(2), reports[0]!]);
    await vi.advanceTimersByTimeAsync(301);
    expect(errors.map((error) => error.code)).toEqual(['bad-report-size', 'truncated-scan']);
    expect(errors[1]).toMatchObject({
      device: { path: posScanner.path },
      message: expect.stringContaining('quét lại'),
    });
    device.send(reports);
    device.send(encodeHidPosReports('', 'honeywell')); // an empty read is no card
    expect(scans.map((scan) => scan.text)).toEqual([payload]);
  });

  it('survives an unplug and reopens the scanner when it is plugged back', async () => {
    const hid = new FakeHid();
    hid.plug(posScanner);
    const { scanners, scans, errors, changes } = start(hid);
    await scanners.rescan();
    const reports = encodeHidPosReports(payload, 'honeywell');
    hid.device(posScanner.path).send(reports.slice(0, 1));
    const lost = hid.opened[0]!;
    hid.unplug(posScanner.path);
    expect(lost.closed).toBe(true);
    expect(errors.map((error) => error.code)).toEqual(['truncated-scan']);
    expect(scanners.devices()).toMatchObject([
      { state: 'disconnected', code: 'device-lost', reason: 'could not read from HID device' },
    ]);
    await vi.advanceTimersByTimeAsync(3000); // still unplugged: nothing new to say
    expect(changes.map(states)).toEqual([['/dev/hidraw3:connected'], ['/dev/hidraw3:disconnected']]);

    hid.plug({ ...posScanner, path: '/dev/hidraw5' }); // back, on another path
    await vi.advanceTimersByTimeAsync(1000);
    expect(changes.map(states).at(-1)).toEqual(['/dev/hidraw5:connected']);
    hid.device('/dev/hidraw5').send(reports);
    expect(scans.map((scan) => [scan.device.path, scan.text])).toEqual([['/dev/hidraw5', payload]]);
  });

  it('closes a device that is no longer listed even without a read error', async () => {
    const hid = new FakeHid();
    hid.plug(posScanner);
    const { scanners } = start(hid);
    await scanners.rescan();
    hid.plugged = [];
    await scanners.rescan();
    expect(hid.opened[0]?.closed).toBe(true);
    expect(scanners.devices()).toMatchObject([{ state: 'disconnected', reason: null }]);
  });

  it('reports a device that cannot be opened, once, and opens it when it can', async () => {
    const hid = new FakeHid();
    hid.plug(posScanner);
    hid.openFailures.set(posScanner.path, new Error('permission denied'));
    const { scanners, changes } = start(hid);
    await scanners.rescan();
    expect(scanners.devices()).toMatchObject([
      {
        state: 'open-failed',
        code: 'open-failed',
        reason: 'permission denied',
        device: { path: posScanner.path },
      },
    ]);
    await vi.advanceTimersByTimeAsync(3000);
    expect(changes).toHaveLength(1);
    hid.openFailures.clear();
    await vi.advanceTimersByTimeAsync(1000);
    expect(changes.map(states)).toEqual([['/dev/hidraw3:open-failed'], ['/dev/hidraw3:connected']]);
  });

  it('says once that node-hid cannot load, and stops looking', async () => {
    const load = vi.fn(async () => {
      throw new Error('Cannot find module node-hid');
    });
    const { scanners, changes } = start(load);
    await scanners.rescan();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(load).toHaveBeenCalledTimes(1);
    expect(changes).toEqual([scanners.devices()]);
    expect(scanners.devices()).toEqual([
      {
        state: 'unavailable',
        device: null,
        code: 'hid-unavailable',
        message: expect.stringContaining('HID-POS'),
        reason: 'Cannot find module node-hid',
        since: '2026-03-02T01:00:00.000Z',
      },
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('says once that devices cannot be listed, and recovers when they can', async () => {
    const hid = new FakeHid();
    hid.enumerationFailure = new Error('hid_init failed');
    hid.plug(posScanner);
    const { scanners, changes } = start(hid);
    await vi.advanceTimersByTimeAsync(5000);
    expect(hid.enumerations).toBeGreaterThanOrEqual(5);
    expect(changes.map(states)).toEqual([['-:unavailable']]);
    hid.enumerationFailure = null;
    await vi.advanceTimersByTimeAsync(1000);
    expect(changes.map(states).at(-1)).toEqual(['/dev/hidraw3:connected']);
    expect(states(scanners.devices())).toEqual(['/dev/hidraw3:connected']);
  });

  it('a failing listener does not close the scanner', async () => {
    const hid = new FakeHid();
    hid.plug(posScanner);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    let calls = 0;
    const { scanners } = start(hid, {
      onScan: () => {
        calls += 1;
        throw new Error('listener bug');
      },
    });
    await scanners.rescan();
    hid.device(posScanner.path).send(encodeHidPosReports(payload, 'plain'));
    hid.device(posScanner.path).send(encodeHidPosReports(payload, 'plain'));
    expect(calls).toBe(2);
    expect(logged).toHaveBeenCalledTimes(2);
    expect(states(scanners.devices())).toEqual(['/dev/hidraw3:connected']);
  });

  it('leaves no timer and no open device after close, and reports nothing more', async () => {
    const hid = new FakeHid();
    hid.plug(posScanner);
    const { scanners, scans, changes } = start(hid);
    await scanners.rescan();
    const device = hid.device(posScanner.path);
    device.send(encodeHidPosReports(payload, 'honeywell').slice(0, 1)); // arms the gap timer
    expect(vi.getTimerCount()).toBe(2);
    await scanners.close();
    expect(vi.getTimerCount()).toBe(0);
    expect(device.closed).toBe(true);
    device.emit('data', Buffer.from(encodeHidPosReports('x', 'plain')[0]!));
    await vi.advanceTimersByTimeAsync(5000);
    expect(scans).toEqual([]);
    expect(changes).toHaveLength(1);
  });

  it('closes a device whose open finishes after close', async () => {
    const hid = new FakeHid();
    hid.plug(posScanner);
    let release = () => {};
    hid.openGate = new Promise((resolve) => (release = resolve));
    const { scanners, changes } = start(hid); // the first look starts at once
    await vi.advanceTimersByTimeAsync(0);
    const closing = scanners.close();
    release();
    await closing;
    expect(hid.opened).toHaveLength(1);
    expect(hid.opened[0]?.closed).toBe(true);
    expect(changes).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('startHidPosScanners with the real node-hid', () => {
  it('finds what this machine has, or says HID is unavailable, without throwing', async () => {
    vi.useRealTimers();
    const changes: HidPosDeviceStatus[][] = [];
    const scanners = startHidPosScanners({
      layout: 'auto',
      onScan: () => {},
      onDevicesChanged: (devices) => changes.push(devices),
    });
    await scanners.rescan();
    const statuses = scanners.devices();
    await scanners.close();
    for (const status of statuses)
      expect(['connected', 'disconnected', 'open-failed', 'unavailable']).toContain(status.state);
    expect(changes.length).toBeLessThanOrEqual(1);
  });
});

import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTemporaryDirectory } from '../../../tests/support/temporary-directory.ts';
import { createPrinterDriver } from './create-printer-driver.ts';

const folders: Array<{ remove: () => void }> = [];
afterEach(() => folders.splice(0).forEach((folder) => folder.remove()));

function pathWith(commands: string[]): string {
  const folder = makeTemporaryDirectory('printer-path');
  folders.push(folder);
  const bin = path.join(folder.path, 'bin');
  mkdirSync(bin);
  for (const command of commands) {
    writeFileSync(path.join(bin, command), '#!/bin/sh\n');
    chmodSync(path.join(bin, command), 0o755);
  }
  return bin;
}

describe('createPrinterDriver', () => {
  it('uses pdf-to-printer on Windows, without loading it', () => {
    expect(createPrinterDriver({ platform: 'win32', env: {} }).kind).toBe('windows');
  });

  it('uses CUPS where lp and lpstat are on PATH', () => {
    expect(createPrinterDriver({ platform: 'linux', env: { PATH: pathWith(['lp', 'lpstat']) } }).kind).toBe(
      'cups',
    );
    expect(createPrinterDriver({ platform: 'darwin', env: { PATH: pathWith(['lp', 'lpstat']) } }).kind).toBe(
      'cups',
    );
  });

  it('says what is missing when there is no spooler', async () => {
    const driver = createPrinterDriver({ platform: 'linux', env: { PATH: pathWith(['lp']) } });
    expect(driver.kind).toBe('none');
    expect(await driver.listPrinters()).toEqual({ unavailable: expect.stringContaining('lpstat not found') });
    expect(
      await driver.print(
        { printerName: null, file: '/x.pdf', title: 't', copies: 1, paperSize: 'A4' },
        { timeoutMs: 100 },
      ),
    ).toMatchObject({ status: 'failed', code: 'no-spooler' });
  });
});

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTemporaryDirectory } from '../../../tests/support/temporary-directory.ts';
import { AppError } from '../app-error.ts';
import { applySettingsPatch, configFilePath, loadSettings, saveSettings } from './config-file.ts';

let directory: ReturnType<typeof makeTemporaryDirectory>;
beforeEach(() => {
  directory = makeTemporaryDirectory('config');
});
afterEach(() => directory.remove());

describe('config file', () => {
  it('writes the defaults on first start so an administrator can find them', async () => {
    const settings = await loadSettings(directory.path);
    expect(settings.mode).toBe('counter');
    expect(JSON.parse(readFileSync(configFilePath(directory.path), 'utf8'))).toEqual(settings);
  });

  it('reads back what was saved', async () => {
    const settings = applySettingsPatch(await loadSettings(directory.path), {
      mode: 'kiosk',
      officeCode: '01001',
    });
    await saveSettings(directory.path, settings);
    expect(await loadSettings(directory.path)).toEqual(settings);
  });

  it('leaves no temporary file behind', async () => {
    await saveSettings(directory.path, await loadSettings(directory.path));
    expect(readdirSync(directory.path)).toEqual(['config.json']);
  });

  it('refuses a file that is not JSON, and does not overwrite it', async () => {
    writeFileSync(configFilePath(directory.path), '{ mode: kiosk');
    await expect(loadSettings(directory.path)).rejects.toMatchObject({ code: 'config-invalid' });
    expect(readFileSync(configFilePath(directory.path), 'utf8')).toBe('{ mode: kiosk');
  });

  it('names the field at fault', async () => {
    writeFileSync(configFilePath(directory.path), JSON.stringify({ mode: 'bank', officeCode: '12' }));
    const error = await loadSettings(directory.path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/mode/);
    expect((error as AppError).message).toMatch(/officeCode/);
  });

  it('accepts a file saved with a byte-order mark (Windows Notepad)', async () => {
    writeFileSync(configFilePath(directory.path), `\uFEFF${JSON.stringify({ mode: 'kiosk' })}`);
    expect((await loadSettings(directory.path)).mode).toBe('kiosk');
  });

  it('merges nested groups field by field', async () => {
    const settings = await loadSettings(directory.path);
    const patched = applySettingsPatch(settings, { scanner: { hidPosEnabled: true } });
    expect(patched.scanner).toEqual({ ...settings.scanner, hidPosEnabled: true });
  });

  it('reports a data directory that cannot be written', async () => {
    const blocker = path.join(directory.path, 'file-not-folder');
    writeFileSync(blocker, '');
    await expect(
      saveSettings(path.join(blocker, 'data'), await loadSettings(directory.path)),
    ).rejects.toMatchObject({
      code: 'config-write-failed',
    });
  });
});

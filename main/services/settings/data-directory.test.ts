import { describe, expect, it } from 'vitest';
import { defaultDataDirectory } from './data-directory.ts';

describe('defaultDataDirectory', () => {
  it('uses %APPDATA% on Windows', () => {
    expect(defaultDataDirectory('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a')).toBe(
      'C:\\Users\\a\\AppData\\Roaming\\bhxh-kiosk',
    );
  });
  it('uses Application Support on macOS', () => {
    expect(defaultDataDirectory('darwin', {}, '/Users/a')).toBe(
      '/Users/a/Library/Application Support/bhxh-kiosk',
    );
  });
  it('uses XDG_CONFIG_HOME on Linux, ignoring a relative one', () => {
    expect(defaultDataDirectory('linux', { XDG_CONFIG_HOME: '/x/cfg' }, '/home/a')).toBe('/x/cfg/bhxh-kiosk');
    expect(defaultDataDirectory('linux', { XDG_CONFIG_HOME: 'cfg' }, '/home/a')).toBe(
      '/home/a/.config/bhxh-kiosk',
    );
  });
});

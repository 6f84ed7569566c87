import { describe, expect, it } from 'vitest';
import {
  downloadFilter,
  isAllowedDownload,
  isAllowedExternalUrl,
  isAppPageUrl,
  isPermissionAllowed,
  safeDownloadName,
} from './navigation-policy.ts';

const app = 'file:///opt/bhxh-kiosk/resources/app.asar/dist/renderer/index.html';

describe('navigation policy', () => {
  it('allows the app page itself, with a query or hash', () => {
    expect(isAppPageUrl(app, app)).toBe(true);
    expect(isAppPageUrl(`${app}?x=1#top`, app)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'file:///opt/bhxh-kiosk/resources/app.asar/dist/renderer/other.html',
    'file:///opt/bhxh-kiosk/resources/app.asar/dist/renderer/index.html/../../../../etc/passwd',
    'https://evil.example/?next=file:///opt/bhxh-kiosk/resources/app.asar/dist/renderer/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '\\\\evil-host\\share\\index.html',
    'file://evil-host/opt/bhxh-kiosk/resources/app.asar/dist/renderer/index.html',
    'not a url',
  ])('refuses %s', (candidate) => {
    expect(isAppPageUrl(candidate, app)).toBe(false);
  });

  it('opens no external links', () => {
    expect(isAllowedExternalUrl('https://vssid.vn')).toBe(false);
  });
});

describe('permissions', () => {
  it('let the app page use the webcam, and nothing else', () => {
    expect(isPermissionAllowed('media', { requestingUrl: app, mediaTypes: ['video'] }, app)).toBe(true);
    expect(isPermissionAllowed('media', { requestingUrl: `${app}#kiosk` }, app)).toBe(true);
  });

  it.each([
    ['the microphone', 'media', { requestingUrl: app, mediaTypes: ['audio'] }],
    ['camera and microphone', 'media', { requestingUrl: app, mediaTypes: ['video', 'audio'] }],
    ['another page', 'media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] }],
    ['a look-alike path', 'media', { requestingUrl: 'file:///etc/index.html', mediaTypes: ['video'] }],
    ['notifications', 'notifications', { requestingUrl: app }],
    ['geolocation', 'geolocation', { requestingUrl: app }],
  ])('refuse %s', (_label, permission, request) => {
    expect(isPermissionAllowed(permission, request, app)).toBe(false);
  });
});

describe('downloads', () => {
  it('allows only the PDFs the page builds itself', () => {
    expect(isAllowedDownload('blob:file:///6c1b0f4e-9a7e-4d7a-9f44-0c2a1f3b9d11')).toBe(true);
    expect(isAllowedDownload('https://example.com/to-khai.pdf')).toBe(false);
    expect(isAllowedDownload('file:///etc/passwd')).toBe(false);
  });

  it('keeps a download name to one safe file name', () => {
    expect(safeDownloadName('to-khai-DK-07921-2026-000123.pdf')).toBe('to-khai-DK-07921-2026-000123.pdf');
    expect(safeDownloadName('..\\..\\Windows\\evil:name?.pdf')).toBe('evil_name_.pdf');
    expect(safeDownloadName('../.bashrc')).toBe('tai-lieu.pdf');
    expect(safeDownloadName('../.csv')).toBe('tai-lieu.csv');
    expect(safeDownloadName('bao-cao-07921-2026-11-30.xlsx')).toBe('bao-cao-07921-2026-11-30.xlsx');
  });

  it('lets the page save only forms and report exports, each with its own save-dialog filter', () => {
    expect(downloadFilter('to-khai-DK-1.pdf')).toEqual({ name: 'PDF', extensions: ['pdf'] });
    expect(downloadFilter('bao-cao.CSV')).toEqual({ name: 'CSV', extensions: ['csv'] });
    expect(downloadFilter('bao-cao.xlsx')).toEqual({ name: 'Excel', extensions: ['xlsx'] });
    expect(downloadFilter('setup.exe')).toBeNull();
    expect(downloadFilter('bao-cao.xlsx.exe')).toBeNull();
    expect(downloadFilter('no-extension')).toBeNull();
  });
});

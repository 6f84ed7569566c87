import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAppPageUrl, isPermissionAllowed } from './navigation-policy.ts';

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

import { createHash } from 'node:crypto';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isAppPageUrl } from './navigation-policy.ts';
import { outOfServicePageUrl } from './out-of-service-page.ts';

const prefix = 'data:text/html;charset=utf-8,';

function page(url: string): Document {
  expect(url.startsWith(prefix)).toBe(true);
  return new JSDOM(decodeURIComponent(url.slice(prefix.length))).window.document;
}

function csp(document: Document): string {
  return document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
}

describe('out-of-service page', () => {
  it('sends a citizen at a kiosk to a counter, in Vietnamese and English', () => {
    const document = page(outOfServicePageUrl('kiosk', 5 * 60_000));
    expect(document.documentElement.lang).toBe('vi');
    expect(document.querySelector('h1')?.textContent).toBe('Máy tạm ngừng phục vụ');
    expect(document.body.textContent).toContain('Mời quý khách đến quầy tiếp nhận hồ sơ');
    expect(document.querySelector('[lang="en"]')?.textContent).toContain('Please go to a reception counter');
  });

  it('tells an officer when the app tries again', () => {
    const document = page(outOfServicePageUrl('counter', 5 * 60_000));
    expect(document.body.textContent).toContain('sau khoảng 5 phút');
    expect(document.body.textContent).toContain('in about 5 minutes');
    expect(document.body.textContent).not.toContain('quầy tiếp nhận');
    expect(page(outOfServicePageUrl('counter', 10 * 60_000)).body.textContent).toContain('10 phút');
  });

  it('runs no script and loads nothing: its policy allows only its own stylesheet', () => {
    for (const mode of ['kiosk', 'counter'] as const) {
      const document = page(outOfServicePageUrl(mode, 60_000));
      const style = document.querySelector('style')?.textContent ?? '';
      const hash = createHash('sha256').update(style).digest('base64');
      expect(csp(document)).toBe(`default-src 'none'; style-src 'sha256-${hash}'`);
      expect(document.querySelectorAll('script, link, img, iframe, object, form, a')).toHaveLength(0);
      expect(document.documentElement.outerHTML).not.toMatch(/https?:|file:|\son[a-z]+=/i);
    }
  });

  it('is no app page, so the IPC bridge refuses calls from it', () => {
    const app = 'file:///opt/bhxh-kiosk/resources/app.asar/dist/renderer/index.html';
    expect(isAppPageUrl(outOfServicePageUrl('kiosk', 60_000), app)).toBe(false);
  });
});

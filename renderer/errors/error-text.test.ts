import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../i18n/locales/en.json' with { type: 'json' };
import vi from '../i18n/locales/vi.json' with { type: 'json' };
import { errorText } from './error-text.ts';

// The enrollment refusal with details names both offices; without details it is the code's text.

const t = i18next.createInstance();
beforeAll(async () => {
  await t.init({ lng: 'vi', resources: { vi: { translation: vi }, en: { translation: en } } });
});

describe('errorText', () => {
  it('names the code’s office and this PC’s for a code of another office', () => {
    const text = errorText(t.t, {
      code: 'enrollment-code-other-office',
      message: '…',
      details: { codeOffice: '01001', officeCode: '07921' },
    });
    expect(text).toContain('01001');
    expect(text).toContain('07921');
    expect(text).not.toBe(t.t('apiError.enrollment-code-other-office'));
  });

  it('falls back to the code’s own words when the details do not fit', () => {
    const error = { code: 'enrollment-code-other-office', message: '…', details: { codeOffice: 1 } };
    expect(errorText(t.t, error)).toBe(t.t('apiError.enrollment-code-other-office'));
    expect(errorText(t.t, { code: 'enrollment-code-used', message: '…' })).toBe(
      vi.apiError['enrollment-code-used'],
    );
  });
});

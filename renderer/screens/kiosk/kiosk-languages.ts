import type { KioskLanguage } from '../../../preload/contract/areas/kiosk.ts';

// Each language named in itself, in its own script: a visitor who reads only Korean must find
// "한국어" whatever language the screen is in now. These are the same in every locale, so they are
// not translation keys (a translator must never turn "日本語" into another language's word).

export const kioskLanguageNames: Record<KioskLanguage, string> = {
  vi: 'Tiếng Việt',
  en: 'English',
  zh: '中文',
  ko: '한국어',
  ja: '日本語',
};

import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './locales/vi.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import zh from './locales/zh.json' with { type: 'json' };
import ko from './locales/ko.json' with { type: 'json' };
import ja from './locales/ja.json' with { type: 'json' };
import kioskVi from './locales/kiosk/vi.json' with { type: 'json' };
import kioskEn from './locales/kiosk/en.json' with { type: 'json' };
import kioskZh from './locales/kiosk/zh.json' with { type: 'json' };
import kioskKo from './locales/kiosk/ko.json' with { type: 'json' };
import kioskJa from './locales/kiosk/ja.json' with { type: 'json' };
import reportsVi from './locales/reports/vi.json' with { type: 'json' };
import reportsEn from './locales/reports/en.json' with { type: 'json' };
import reportsZh from './locales/reports/zh.json' with { type: 'json' };
import reportsKo from './locales/reports/ko.json' with { type: 'json' };
import reportsJa from './locales/reports/ja.json' with { type: 'json' };
import adminVi from './locales/admin/vi.json' with { type: 'json' };
import adminEn from './locales/admin/en.json' with { type: 'json' };
import adminZh from './locales/admin/zh.json' with { type: 'json' };
import adminKo from './locales/admin/ko.json' with { type: 'json' };
import adminJa from './locales/admin/ja.json' with { type: 'json' };

// Vietnamese is the source language: every key is written in vi.json first, and a test checks
// that every shipped language has exactly the same keys. The language can change at run time
// (i18n.changeLanguage), without a reload and without losing what is on screen. The kiosk's
// citizen-facing texts live in locales/kiosk/<language>.json, under the `kiosk` key: they are
// written for citizens (plain words, no office jargon) and translated as one piece. The supervisor's
// reports (locales/reports/, under `reports`) and the administration screen (locales/admin/, merged
// into `admin`) have their own files too, so each screen's texts are translated together.
export const shippedLanguages = {
  vi: { ...vi, kiosk: kioskVi, reports: reportsVi, admin: { ...vi.admin, ...adminVi } },
  en: { ...en, kiosk: kioskEn, reports: reportsEn, admin: { ...en.admin, ...adminEn } },
  zh: { ...zh, kiosk: kioskZh, reports: reportsZh, admin: { ...zh.admin, ...adminZh } },
  ko: { ...ko, kiosk: kioskKo, reports: reportsKo, admin: { ...ko.admin, ...adminKo } },
  ja: { ...ja, kiosk: kioskJa, reports: reportsJa, admin: { ...ja.admin, ...adminJa } },
} as const;
export type ShippedLanguage = keyof typeof shippedLanguages;

export function isShippedLanguage(language: string): language is ShippedLanguage {
  return Object.hasOwn(shippedLanguages, language);
}

/** A fresh i18next instance (one per app, and one per component test). */
export async function setupI18n(language: string): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: isShippedLanguage(language) ? language : 'vi',
    fallbackLng: 'vi',
    resources: Object.fromEntries(
      Object.entries(shippedLanguages).map(([code, resources]) => [code, { translation: resources }]),
    ),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

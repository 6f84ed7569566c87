import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './locales/vi.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };

// Vietnamese is the source language: every key is written in vi.json first, and a test checks
// that every shipped language has exactly the same keys.
export const shippedLanguages = { vi, en } as const;
export type ShippedLanguage = keyof typeof shippedLanguages;

export async function setupI18n(language: string): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: language in shippedLanguages ? language : 'vi',
    fallbackLng: 'vi',
    resources: Object.fromEntries(
      Object.entries(shippedLanguages).map(([code, resources]) => [code, { translation: resources }]),
    ),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

import type { i18n as I18n } from 'i18next';
import { useContext } from 'react';
import { I18nContext } from 'react-i18next';

/**
 * The app's i18next instance, stable across language changes. `useTranslation().i18n` is a new
 * object after each change, so an effect that depends on it runs again — the start-up gate then
 * set the configured language back over the one the user had just picked.
 */
export function useI18nInstance(): I18n {
  const { i18n } = useContext(I18nContext);
  if (!i18n) throw new Error('useI18nInstance outside <I18nextProvider>');
  return i18n;
}

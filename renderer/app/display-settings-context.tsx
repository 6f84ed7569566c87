import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplaySettings } from '../../preload/contract/areas/settings.ts';
import { isShippedLanguage, type ShippedLanguage } from '../i18n/setup-i18n.ts';
import { useI18nInstance } from '../i18n/use-i18n-instance.ts';
import { useApi } from './api-context.ts';

// The facts every screen needs (mode, language, scanner timing, idle lock), kept current by the
// backend's `settings.changed` event: a change by an administrator reaches every screen without a
// reload. The language is the configured one until the person at the screen picks another (an
// officer may work in English; a kiosk citizen picks theirs), and switches without a reload.

interface DisplaySettingsValue {
  settings: DisplaySettings;
  language: ShippedLanguage;
  setLanguage(language: ShippedLanguage): void;
}

const DisplaySettingsContext = createContext<DisplaySettingsValue | null>(null);

export function DisplaySettingsProvider({
  initial,
  children,
}: {
  initial: DisplaySettings;
  children: ReactNode;
}) {
  const api = useApi();
  const i18n = useI18nInstance();
  // Re-rendered on every language change, so `current` below follows it.
  useTranslation();
  const [settings, setSettings] = useState(initial);
  const picked = useRef(false);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.name !== 'settings.changed') return;
        setSettings(event.payload);
        if (!picked.current && isShippedLanguage(event.payload.language)) {
          void i18n.changeLanguage(event.payload.language);
        }
      }),
    [api, i18n],
  );

  const setLanguage = useCallback(
    (language: ShippedLanguage) => {
      picked.current = true;
      void i18n.changeLanguage(language);
    },
    [i18n],
  );
  const current = isShippedLanguage(i18n.language) ? i18n.language : 'vi';

  // Before the new text paints: the CJK faces are chosen by :lang(), so a frame drawn with the old
  // lang would show Japanese in Chinese glyph forms.
  useLayoutEffect(() => {
    document.documentElement.lang = current;
  }, [current]);

  const value = useMemo(
    () => ({ settings, language: current, setLanguage }),
    [settings, current, setLanguage],
  );
  return <DisplaySettingsContext.Provider value={value}>{children}</DisplaySettingsContext.Provider>;
}

/** The same, or null on screens shown before the settings are known (a failed start). */
export function useOptionalDisplaySettings(): DisplaySettingsValue | null {
  return useContext(DisplaySettingsContext);
}

export function useDisplaySettings(): DisplaySettingsValue {
  const value = useContext(DisplaySettingsContext);
  if (!value) throw new Error('useDisplaySettings outside <DisplaySettingsProvider>');
  return value;
}

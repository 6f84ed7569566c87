import { useTranslation } from 'react-i18next';
import { useOptionalDisplaySettings } from '../app/display-settings-context.tsx';
import { isShippedLanguage, shippedLanguages, type ShippedLanguage } from '../i18n/setup-i18n.ts';

/**
 * Each shipped language by its own name (or its code, compact, in the counter's header, with the
 * name as its accessible label); switching keeps everything on screen. Before the settings
 * are known (a failed start) it switches the page's language directly.
 */
function setPageLanguage(code: ShippedLanguage): void {
  document.documentElement.lang = code;
}

export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const display = useOptionalDisplaySettings();
  const current = display?.language ?? (isShippedLanguage(i18n.language) ? i18n.language : 'vi');
  const pick = (code: ShippedLanguage) => {
    if (display) return display.setLanguage(code);
    // No settings yet (a failed start): nothing else sets the page's lang, which picks the CJK face.
    void i18n.changeLanguage(code).then(() => setPageLanguage(code));
  };
  return (
    <div className="language-switch" role="group" aria-label={t('language.choose')}>
      {(Object.keys(shippedLanguages) as ShippedLanguage[]).map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          data-action={`language-${code}`}
          aria-pressed={code === current}
          className={code === current ? 'language-current' : undefined}
          onClick={() => pick(code)}
          aria-label={shippedLanguages[code].language.name}
          title={shippedLanguages[code].language.name}
        >
          {compact ? code.toUpperCase() : shippedLanguages[code].language.name}
        </button>
      ))}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { kioskLanguages, type KioskLanguage } from '../../../../preload/contract/areas/kiosk.ts';
import { kioskLanguageNames } from '../kiosk-languages.ts';

/**
 * The five languages, each in its own name and script. `large` on the attract and language screens
 * (the choice itself); compact in the header of every later screen (a change keeps everything).
 */
export function KioskLanguageSwitch({
  current,
  onChoose,
  large = false,
}: {
  current: KioskLanguage | null;
  onChoose(language: KioskLanguage): void;
  large?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div
      className={large ? 'kiosk-languages kiosk-languages-large' : 'kiosk-languages'}
      role="group"
      aria-label={t('kiosk.language.label')}
    >
      {kioskLanguages.map((code: KioskLanguage) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="kiosk-language"
          data-action={`language-${code}`}
          aria-pressed={code === current}
          onClick={() => onChoose(code)}
        >
          {kioskLanguageNames[code]}
        </button>
      ))}
    </div>
  );
}

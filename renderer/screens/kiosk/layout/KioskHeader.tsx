import { useTranslation } from 'react-i18next';
import { useKioskVisit } from '../visit/kiosk-visit-context.tsx';
import { KioskLanguageSwitch } from './KioskLanguageSwitch.tsx';

/** The registration's steps as the header counts them. */
export const kioskSteps = ['scan', 'form', 'consent', 'done'] as const;
export type KioskStep = (typeof kioskSteps)[number];

/**
 * The top of every screen after the attract one: where the citizen is, the language (switching
 * keeps everything), and "start over", always one tap away and far from the buttons that move on.
 */
export function KioskHeader({
  step,
  languages,
  finish,
}: {
  step: KioskStep | null;
  /** False on the language screen, which is the language choice itself. */
  languages: boolean;
  /** On the last screen "start over" is the way out: it says "finish". */
  finish: boolean;
}) {
  const { t } = useTranslation();
  const { language, chooseLanguage, startOver } = useKioskVisit();
  return (
    <header className="kiosk-header">
      <div className="kiosk-brand">
        <span className="kiosk-brand-name">{t('kiosk.brand')}</span>
        {step && (
          <span className="kiosk-step" data-testid="kiosk-step" data-step={step}>
            {t('kiosk.step.position', { number: kioskSteps.indexOf(step) + 1, total: kioskSteps.length })}
            {' · '}
            {t(`kiosk.step.${step}`)}
          </span>
        )}
      </div>
      {languages && <KioskLanguageSwitch current={language} onChoose={chooseLanguage} />}
      <button
        type="button"
        className={finish ? 'kiosk-button kiosk-primary kiosk-start-over' : 'kiosk-button kiosk-start-over'}
        data-action="start-over"
        onClick={startOver}
      >
        {finish ? t('kiosk.finish') : t('kiosk.startOver')}
      </button>
    </header>
  );
}

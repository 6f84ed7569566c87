import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** "Are you still there?" with the seconds left before the screen is cleared. */
export function IdleWarning({ secondsLeft, onContinue }: { secondsLeft: number; onContinue(): void }) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    // A tap anywhere on the warning answers it: the backdrop is part of the one big target.
    <div className="kiosk-idle-backdrop" onClick={onContinue} data-testid="idle-warning">
      <div
        className="kiosk-idle-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="kiosk-idle-title"
        aria-describedby="kiosk-idle-text"
      >
        <h2 id="kiosk-idle-title">{t('kiosk.idle.title')}</h2>
        <p id="kiosk-idle-text" data-testid="idle-seconds" data-seconds={secondsLeft}>
          {t('kiosk.idle.text', { count: secondsLeft })}
        </p>
        <button ref={button} type="button" className="kiosk-button kiosk-primary" data-action="continue">
          {t('kiosk.idle.continue')}
        </button>
      </div>
    </div>
  );
}

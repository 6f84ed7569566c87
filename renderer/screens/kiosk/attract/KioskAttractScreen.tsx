import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../preload/contract/api-result.ts';
import type { KioskLanguage } from '../../../../preload/contract/areas/kiosk.ts';
import { useRouter } from '../../../app/router-context.tsx';
import type { KioskVisitScreen } from '../../../app/routes.ts';
import { KioskErrorMessage } from '../layout/KioskErrorMessage.tsx';
import { KioskLanguageSwitch } from '../layout/KioskLanguageSwitch.tsx';
import { useKioskVisit } from '../visit/kiosk-visit-context.tsx';
import { WhatYouNeed } from './WhatYouNeed.tsx';
import '../kiosk.css';

/**
 * The kiosk's first screen, shown while nobody uses it: what it is for, what to bring, and the ways
 * in — register (in Vietnamese, or straight away in another language), check a registration, get
 * the app. Each of them starts a visit; this screen itself keeps nothing and has no timer.
 */
export function KioskAttractScreen() {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const { begin } = useKioskVisit();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const start = async (chosen: KioskLanguage, screen: KioskVisitScreen) => {
    if (starting) return;
    setStarting(true);
    setError(null);
    const failed = await begin(chosen);
    setStarting(false);
    if (failed) setError(failed);
    else navigate({ name: screen });
  };

  return (
    <section className="kiosk-attract" data-screen="kiosk-attract" data-testid="kiosk-welcome">
      <div className="kiosk-attract-main">
        <p className="kiosk-brand-name">{t('kiosk.brand')}</p>
        <h1 className="kiosk-attract-title">{t('kiosk.attract.title')}</h1>
        <p className="kiosk-lead">{t('kiosk.attract.lead')}</p>
        <WhatYouNeed />
        <button
          type="button"
          className="kiosk-button kiosk-primary kiosk-start"
          data-action="start"
          disabled={starting}
          aria-busy={starting}
          onClick={() => void start('vi', 'kiosk-language')}
        >
          {t('kiosk.attract.start')}
        </button>
        {error && <KioskErrorMessage error={error} testId="begin-error" />}
      </div>
      <div className="kiosk-attract-side">
        <p className="kiosk-attract-languages-label">{t('kiosk.attract.otherLanguage')}</p>
        {/* No language is "current" here: each button starts a visit in its own language. */}
        <KioskLanguageSwitch current={null} large onChoose={(chosen) => void start(chosen, 'kiosk-scan')} />
        <div className="kiosk-attract-more">
          <button
            type="button"
            className="kiosk-button"
            data-action="status"
            disabled={starting}
            onClick={() => void start('vi', 'kiosk-status')}
          >
            {t('kiosk.attract.status')}
          </button>
          <button
            type="button"
            className="kiosk-button"
            data-action="install-app"
            disabled={starting}
            onClick={() => void start('vi', 'kiosk-install')}
          >
            {t('kiosk.attract.install')}
          </button>
        </div>
      </div>
    </section>
  );
}

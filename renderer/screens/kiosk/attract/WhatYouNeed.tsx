import { useTranslation } from 'react-i18next';

const things = ['idCard', 'healthCard', 'phone'] as const;

/** What to have in hand before starting, so nobody reaches the form without it. */
export function WhatYouNeed() {
  const { t } = useTranslation();
  return (
    <section className="kiosk-needs" aria-labelledby="kiosk-needs-title">
      <h2 id="kiosk-needs-title">{t('kiosk.attract.needTitle')}</h2>
      <ul>
        {things.map((thing) => (
          <li key={thing} data-need={thing}>
            <span className={`kiosk-need-icon kiosk-need-${thing}`} aria-hidden="true" />
            <span>{t(`kiosk.attract.need.${thing}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

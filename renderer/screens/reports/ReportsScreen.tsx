import { useTranslation } from 'react-i18next';

/** Stub: the supervisor's reports (issue #12). */
export function ReportsScreen() {
  const { t } = useTranslation();
  return (
    <section className="reports" data-screen="reports">
      <h1>{t('nav.reports')}</h1>
    </section>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const adminSections = [
  'this-pc',
  'devices',
  'security',
  'reasons',
  'retention',
  'end-of-day',
  'backups',
  'sync',
] as const;
export type AdminSection = (typeof adminSections)[number];

/** One section of the administration page: its anchor for the contents, its heading and its hint. */
export function AdminSectionFrame({
  section,
  hint,
  children,
}: {
  section: AdminSection;
  hint?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section
      className="admin-section"
      id={`admin-${section}`}
      aria-labelledby={`admin-${section}-title`}
      data-testid={`admin-section-${section}`}
    >
      <h2 id={`admin-${section}-title`}>{t(`admin.toc.${section}`)}</h2>
      {hint && <p className="hint">{hint}</p>}
      {children}
    </section>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface CardLine {
  label: string;
  value: string;
}

/**
 * One card to scan: what to do while it is awaited, and what it gave once read (so the citizen
 * sees at once that it was their card). `testId` and `data-state` let tests follow each card.
 */
export function CardPanel({
  testId,
  number,
  title,
  state,
  lines,
  children,
}: {
  testId: string;
  number: number;
  title: string;
  state: 'waiting' | 'read' | 'skipped';
  lines: CardLine[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className={`kiosk-card-panel kiosk-card-${state}`} data-testid={testId} data-state={state}>
      <h2>
        <span className="kiosk-card-number" aria-hidden="true">
          {state === 'read' ? '✓' : number}
        </span>
        {title}
      </h2>
      {state === 'read' && (
        <>
          <p className="kiosk-card-confirm" role="status">
            {t('kiosk.scan.cardRead')}
          </p>
          <dl className="kiosk-card-lines">
            {lines.map((line) => (
              <div key={line.label}>
                <dt>{line.label}</dt>
                <dd>{line.value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {children}
    </section>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { conflictSchema } from '../../../preload/contract/sync-schema.ts';
import { useApi } from '../../app/api-context.ts';
import { formatDateTime } from '../../format/format-date.ts';

type Conflict = z.output<typeof conflictSchema>;

/**
 * Decisions of this counter that lost to a decision taken elsewhere: both sides, who and when.
 * Nothing is overwritten silently; the officer sees what is now in force.
 */
export function ConflictList({ openConflicts }: { openConflicts: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const [conflicts, setConflicts] = useState<Conflict[]>([]);

  useEffect(() => {
    let cancelled = false;
    void api.call('conflicts.list', {}).then((result) => {
      if (!cancelled && result.ok) setConflicts(result.value);
    });
    return () => {
      cancelled = true;
    };
  }, [api, openConflicts]);

  if (conflicts.length === 0) return null;
  const time = (iso: string) => formatDateTime(new Date(iso));
  return (
    <section className="conflicts" role="alert" data-testid="conflicts">
      <h2>{t('conflicts.title')}</h2>
      <ul>
        {conflicts.map((conflict) => {
          const winner = conflict.winner;
          const officer = winner.decidedBy?.officerId ?? winner.decision?.officerId ?? t('conflicts.unknown');
          const counter = winner.decidedBy?.counterId ?? winner.decision?.counterId ?? t('conflicts.unknown');
          return (
            <li key={conflict.id} data-testid={`conflict-${conflict.registrationCode}`}>
              <strong>{conflict.registrationCode}</strong>
              <div>
                {t('conflicts.ours', {
                  outcome: t(`outcome.${conflict.ours.outcome}`),
                  officer: conflict.ours.officerId,
                  time: time(conflict.ours.decidedAt),
                })}
              </div>
              <div data-testid="conflict-winner">
                {winner.decision
                  ? t('conflicts.winner', {
                      outcome: t(`outcome.${winner.decision.outcome}`),
                      officer,
                      counter,
                      time: time(winner.decidedAt),
                    })
                  : t('conflicts.winnerOther', {
                      status: t(`registrationStatus.${winner.status}`),
                      time: time(winner.decidedAt),
                    })}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

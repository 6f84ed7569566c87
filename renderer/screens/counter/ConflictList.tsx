import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireConflict } from '../../../preload/contract/areas/registrations.ts';
import { useApi } from '../../app/api-context.ts';
import { formatDateTime } from '../../format/format-date.ts';

/**
 * Decisions of this counter that lost to a decision taken elsewhere: both sides, who and when.
 * Nothing is overwritten silently; the officer sees what is now in force and acknowledges it.
 * Refreshed whenever the sync status reports another number of open conflicts.
 */
export function ConflictList() {
  const { t } = useTranslation();
  const api = useApi();
  const [conflicts, setConflicts] = useState<WireConflict[]>([]);

  useEffect(() => {
    let known = -1;
    const refresh = () =>
      void api.call('conflicts.list', {}).then((result) => {
        if (result.ok) setConflicts(result.value);
      });
    refresh();
    return api.onEvent((event) => {
      if (event.name !== 'sync.status' || event.payload.openConflicts === known) return;
      known = event.payload.openConflicts;
      refresh();
    });
  }, [api]);

  const acknowledge = async (conflictId: number) => {
    const result = await api.call('conflicts.acknowledge', { conflictId });
    if (result.ok) setConflicts(result.value);
  };

  if (conflicts.length === 0) return null;
  return (
    <section className="conflicts" role="alert" data-testid="conflicts">
      <h2>{t('conflicts.title')}</h2>
      <ul>
        {conflicts.map((conflict) => {
          const winner = conflict.winner;
          const officer = winner.decidedBy.officerId ?? winner.decision?.officerId ?? t('conflicts.unknown');
          const counter = winner.decidedBy.counterId ?? winner.decision?.counterId ?? t('conflicts.unknown');
          return (
            <li key={conflict.id} data-testid={`conflict-${conflict.registrationCode}`}>
              <strong>{conflict.registrationCode}</strong>
              <div>
                {t('conflicts.ours', {
                  outcome: t(`outcome.${conflict.ours.outcome}`),
                  officer: conflict.ours.officerId,
                  time: formatDateTime(conflict.ours.decidedAt),
                })}
              </div>
              <div data-testid="conflict-winner">
                {winner.decision
                  ? t('conflicts.winner', {
                      outcome: t(`outcome.${winner.decision.outcome}`),
                      officer,
                      counter,
                      time: formatDateTime(winner.decidedAt),
                    })
                  : t('conflicts.winnerOther', {
                      status: t(`registrationStatus.${winner.status}`),
                      time: formatDateTime(winner.decidedAt),
                    })}
              </div>
              <button
                type="button"
                className="button-secondary"
                data-action="acknowledge-conflict"
                onClick={() => void acknowledge(conflict.id)}
              >
                {t('conflicts.acknowledge')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

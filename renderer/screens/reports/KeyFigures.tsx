import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../preload/contract/areas/reports.ts';
import { formatDateTime } from '../../format/format-date.ts';
import { durationText, wholeDaysBetween } from './report-text.ts';

/**
 * The report's key figures as tiles. Each number sits alone in its `data-metric` element (tests and
 * people read the same text); what qualifies it goes beside it, never inside.
 */
export function KeyFigures({ report }: { report: Report }) {
  const { t } = useTranslation();
  const oldestDays = wholeDaysBetween(report.pending.oldestSubmittedAt, report.generatedAt);
  const median = report.medianScanToDecisionSeconds;
  return (
    <div className="report-figures">
      <section className="report-figure-group" aria-labelledby="report-figures-received">
        <h2 id="report-figures-received">{t('reports.figures.receivedGroup')}</h2>
        <div className="report-tiles">
          <Tile metric="received" value={report.received.total} label={t('reports.figures.received')} lead />
          <Tile
            metric="received-portal"
            value={report.received.byChannel.portal}
            label={t('channel.portal')}
          />
          <Tile metric="received-app" value={report.received.byChannel.app} label={t('channel.app')} />
          <Tile metric="received-kiosk" value={report.received.byChannel.kiosk} label={t('channel.kiosk')} />
        </div>
      </section>

      <section className="report-figure-group" aria-labelledby="report-figures-decided">
        <h2 id="report-figures-decided">{t('reports.figures.decidedGroup')}</h2>
        <div className="report-tiles">
          <Tile
            metric="approved"
            value={report.approved}
            label={t('reports.figures.approved')}
            tone="ok"
            lead
          />
          <Tile
            metric="rejected"
            value={report.rejected}
            label={t('reports.figures.rejected')}
            tone="bad"
            lead
          />
          <Tile
            metric="overrides"
            value={report.overrides}
            label={t('reports.figures.overrides')}
            note={t('reports.figures.overridesNote')}
          />
          <Tile
            metric="median-scan-to-decision"
            value={durationText(t, median)}
            dataValue={median === null ? '' : String(Math.round(median))}
            label={t('reports.figures.median')}
            note={t('reports.figures.medianNote')}
          />
        </div>
      </section>

      <section className="report-figure-group" aria-labelledby="report-figures-pending">
        <h2 id="report-figures-pending">{t('reports.figures.pendingGroup')}</h2>
        <div className="report-tiles">
          <Tile
            metric="pending"
            value={report.pending.count}
            label={t('reports.figures.pending')}
            note={t('reports.figures.pendingNote')}
            tone={report.pending.count > 0 ? 'warn' : undefined}
            lead
          />
          {oldestDays !== null && (
            <Tile
              metric="pending-oldest-days"
              value={oldestDays}
              label={t('reports.figures.pendingOldestDays')}
              note={t('reports.figures.pendingOldestNote', {
                time: formatDateTime(report.pending.oldestSubmittedAt ?? report.generatedAt),
              })}
              tone={oldestDays >= 7 ? 'bad' : undefined}
            />
          )}
          <Tile
            metric="kiosk-received"
            value={report.kiosk.received}
            label={t('reports.figures.kioskReceived')}
            note={t('reports.figures.kioskNote', report.kiosk)}
          />
          <Tile
            metric="forms-printed"
            value={report.formsPrinted}
            label={t('reports.figures.formsPrinted')}
          />
        </div>
      </section>

      <section className="report-figure-group" aria-labelledby="report-figures-sync">
        <h2 id="report-figures-sync">{t('reports.figures.syncGroup')}</h2>
        <div className="report-tiles">
          <Tile
            metric="sync-backlog"
            value={report.sync.backlog}
            label={t('reports.figures.syncBacklog')}
            note={
              report.sync.oldestPendingAt
                ? t('reports.figures.syncBacklogSince', { time: formatDateTime(report.sync.oldestPendingAt) })
                : undefined
            }
            tone={report.sync.backlog > 0 ? 'warn' : undefined}
          />
          <Tile
            metric="open-conflicts"
            value={report.sync.openConflicts}
            label={t('reports.figures.openConflicts')}
            tone={report.sync.openConflicts > 0 ? 'warn' : undefined}
          />
          <Tile
            metric="refused-events"
            value={report.sync.refusedEvents}
            label={t('reports.figures.refusedEvents')}
            note={report.sync.refusedEvents > 0 ? t('reports.figures.refusedNote') : undefined}
            tone={report.sync.refusedEvents > 0 ? 'bad' : undefined}
          />
        </div>
      </section>
    </div>
  );
}

function Tile({
  metric,
  value,
  label,
  note,
  tone,
  lead = false,
  dataValue,
}: {
  metric: string;
  value: number | string;
  label: string;
  note?: ReactNode;
  tone?: 'ok' | 'bad' | 'warn' | undefined;
  lead?: boolean;
  dataValue?: string;
}) {
  const classes = ['report-tile', lead ? 'report-tile-lead' : '', tone ? `report-tile-${tone}` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes}>
      <span className="report-tile-label">{label}</span>
      <span className="report-tile-value" data-metric={metric} data-value={dataValue}>
        {value}
      </span>
      {note && <span className="report-tile-note">{note}</span>}
    </div>
  );
}

import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../preload/contract/api-result.ts';
import type { KioskStatusEntry } from '../../../../preload/contract/areas/kiosk.ts';
import type { ScanEvent } from '../../../../preload/contract/areas/scan.ts';
import { useApi } from '../../../app/api-context.ts';
import { formatDateTime } from '../../../format/format-date.ts';
import { useScans } from '../../../scan/ScanProvider.tsx';
import { StatusInWords } from '../existing/StatusInWords.tsx';
import { KioskErrorMessage } from '../layout/KioskErrorMessage.tsx';
import { KioskScreen } from '../layout/KioskScreen.tsx';
import { CameraPanel } from '../scan/CameraPanel.tsx';
import type { ScanNotice } from '../scan/scan-notice.ts';
import { ScanNoticeView } from '../scan/ScanNoticeView.tsx';
import { useScanCue } from '../scan/use-scan-cue.ts';
import { statusQuery } from './status-query.ts';

type Lookup =
  | { state: 'waiting' }
  | { state: 'searching' }
  | { state: 'found'; entries: KioskStatusEntry[] }
  | { state: 'problem'; notice: ScanNotice }
  | { state: 'failed'; error: ApiError };

/**
 * "Has my registration been decided?": the citizen scans a card or the QR code of their printed
 * declaration, and reads where each registration of theirs stands. Names are masked by the backend:
 * whoever scans a card learns no more than the card already says.
 */
export function KioskStatusScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const cue = useScanCue();
  const [lookup, setLookup] = useState<Lookup>({ state: 'waiting' });
  const [camera, setCamera] = useState(false);
  const latest = useRef(0);

  useScans(
    useCallback(
      (scan: ScanEvent) => {
        const asked = ++latest.current;
        const read = statusQuery(scan);
        if ('notice' in read) {
          cue('bad');
          return setLookup({ state: 'problem', notice: read.notice });
        }
        cue('good');
        setLookup({ state: 'searching' });
        void api.call('kiosk.status', read.query).then((answer) => {
          if (latest.current !== asked) return;
          setLookup(
            answer.ok
              ? { state: 'found', entries: answer.value.entries }
              : { state: 'failed', error: answer.error },
          );
        });
      },
      [api, cue],
    ),
  );

  return (
    <KioskScreen name="kiosk-status" title={t('kiosk.status.title')} finish>
      <div className={camera ? 'kiosk-status-layout kiosk-status-layout-camera' : 'kiosk-status-layout'}>
        <div className="kiosk-status-main">
          <p className="kiosk-lead">{t('kiosk.status.how')}</p>
          <div aria-live="polite">
            <LookupView lookup={lookup} />
          </div>
        </div>
        <div className="kiosk-status-side">
          <button
            type="button"
            className="kiosk-button kiosk-camera-toggle"
            data-action="scan-with-camera"
            aria-pressed={camera}
            onClick={() => setCamera(!camera)}
          >
            {camera ? t('kiosk.camera.close') : t('kiosk.camera.open')}
          </button>
          {camera && <CameraPanel />}
        </div>
      </div>
    </KioskScreen>
  );
}

function LookupView({ lookup }: { lookup: Lookup }) {
  const { t } = useTranslation();
  switch (lookup.state) {
    case 'waiting':
      return (
        <>
          <p className="kiosk-hint">{t('kiosk.scan.idCardWhere')}</p>
          <p className="kiosk-hint">{t('kiosk.status.waiting')}</p>
        </>
      );
    case 'searching':
      return (
        <p role="status" aria-busy="true">
          {t('kiosk.status.searching')}
        </p>
      );
    case 'problem':
      return <ScanNoticeView notice={lookup.notice} />;
    case 'failed':
      return <KioskErrorMessage error={lookup.error} testId="status-error" />;
    case 'found':
      return lookup.entries.length === 0 ? (
        <p className="kiosk-notice" role="status" data-testid="status-none">
          {t('kiosk.status.none')}
        </p>
      ) : (
        <ul className="kiosk-status-entries" data-testid="status-entries">
          {lookup.entries.map((entry, index) => (
            <StatusEntry key={entry.registrationCode ?? entry.reference ?? index} entry={entry} />
          ))}
        </ul>
      );
  }
}

function StatusEntry({ entry }: { entry: KioskStatusEntry }) {
  const { t } = useTranslation();
  const code = entry.registrationCode ?? entry.reference;
  return (
    <li
      className="kiosk-status-entry"
      data-testid="status-entry"
      data-status={entry.status}
      data-registration-code={code ?? undefined}
    >
      <StatusInWords
        status={entry.status}
        waitingForSync={entry.waitingForSync}
        reasonCode={entry.reasonCode}
      />
      <dl>
        <div>
          <dt>{t('kiosk.field.fullName')}</dt>
          <dd data-testid="masked-name">{entry.maskedName}</dd>
        </div>
        {code && (
          <div>
            <dt>{t('kiosk.existing.code')}</dt>
            <dd className="kiosk-code-small">{code}</dd>
          </div>
        )}
        <div>
          <dt>{t('kiosk.existing.submittedOn')}</dt>
          <dd>{formatDateTime(entry.submittedAt)}</dd>
        </div>
        {entry.decidedAt && (
          <div>
            <dt>{t('kiosk.status.decidedOn')}</dt>
            <dd>{formatDateTime(entry.decidedAt)}</dd>
          </div>
        )}
        <div>
          <dt>{t('kiosk.existing.office')}</dt>
          <dd>{entry.officeName ?? entry.officeCode}</dd>
        </div>
      </dl>
    </li>
  );
}

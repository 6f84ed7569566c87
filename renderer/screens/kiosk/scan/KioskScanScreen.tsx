import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanEvent } from '../../../../preload/contract/areas/scan.ts';
import { useRouter } from '../../../app/router-context.tsx';
import { formatIsoDate } from '../../../format/format-date.ts';
import { useScans } from '../../../scan/ScanProvider.tsx';
import { KioskScreen } from '../layout/KioskScreen.tsx';
import { useOpenVisit } from '../visit/kiosk-visit-context.tsx';
import type { ExistingRegistration } from '../visit/visit-state.ts';
import { CameraPanel } from './CameraPanel.tsx';
import { CardPanel } from './CardPanel.tsx';
import type { ScanNotice } from './scan-notice.ts';
import { ScanNoticeView } from './ScanNoticeView.tsx';
import { takeScan } from './take-scan.ts';
import { useExistingCheck } from './use-existing-check.ts';
import { useScanCue } from './use-scan-cue.ts';

/**
 * Step 1: the citizen's ID card (CCCD or Căn cước), then their health-insurance card if they have
 * it (it brings the social-insurance number). Each card read shows what it gave; a scan that cannot
 * be used says why. A health-insurance card of someone else is refused. Once a card is read, a
 * registration of theirs still waiting at the counter takes them to it instead of a new form.
 */
export function KioskScanScreen() {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const { visit, dispatch } = useOpenVisit();
  const cue = useScanCue();
  const [notice, setNotice] = useState<ScanNotice | null>(null);
  const [camera, setCamera] = useState(false);
  const onPending = useCallback(
    (existing: ExistingRegistration) => {
      dispatch({ type: 'existing', existing });
      navigate({ name: 'kiosk-existing' });
    },
    [dispatch, navigate],
  );
  const { checking, check } = useExistingCheck(onPending);
  const current = useRef(visit);
  useEffect(() => {
    current.current = visit;
  }, [visit]);

  useScans(
    useCallback(
      (scan: ScanEvent) => {
        const outcome = takeScan(current.current, scan);
        for (const action of outcome.actions) dispatch(action);
        setNotice(outcome.notice);
        cue(outcome.taken ? 'good' : 'bad');
        if (outcome.lookup) check(outcome.lookup);
      },
      [dispatch, cue, check],
    ),
  );

  const idCard = visit.idCard?.fields ?? null;
  const healthCard = visit.healthCard?.fields ?? null;
  return (
    <KioskScreen
      name="kiosk-scan"
      title={t('kiosk.scan.title')}
      step="scan"
      actions={
        <>
          <button
            type="button"
            className="kiosk-button"
            data-action="back"
            onClick={() => navigate({ name: 'kiosk-language' })}
          >
            {t('kiosk.back')}
          </button>
          <span className="kiosk-actions-reason" role="status">
            {checking ? t('kiosk.scan.checking') : idCard ? null : t('kiosk.scan.nextNeedsIdCard')}
          </span>
          <button
            type="button"
            className="kiosk-button kiosk-primary"
            data-action="next"
            disabled={!idCard || checking}
            onClick={() => navigate({ name: 'kiosk-form' })}
          >
            {t('kiosk.next')}
          </button>
        </>
      }
    >
      <div className={camera ? 'kiosk-scan-grid kiosk-scan-grid-camera' : 'kiosk-scan-grid'}>
        <CardPanel
          testId="id-card-status"
          number={1}
          title={t('kiosk.scan.idCardTitle')}
          state={idCard ? 'read' : 'waiting'}
          lines={
            idCard
              ? [
                  { label: t('kiosk.field.fullName'), value: idCard.fullName },
                  { label: t('kiosk.field.idNumber'), value: idCard.idNumber },
                  { label: t('kiosk.field.dateOfBirth'), value: formatIsoDate(idCard.dateOfBirth) ?? '' },
                ]
              : []
          }
        >
          {!idCard && (
            <>
              <p>{t('kiosk.scan.idCardHow')}</p>
              <p className="kiosk-hint">{t('kiosk.scan.idCardWhere')}</p>
            </>
          )}
        </CardPanel>
        <CardPanel
          testId="health-card-status"
          number={2}
          title={t('kiosk.scan.healthCardTitle')}
          state={healthCard ? 'read' : visit.noHealthCard ? 'skipped' : 'waiting'}
          lines={
            healthCard
              ? [
                  { label: t('kiosk.field.fullName'), value: healthCard.fullName },
                  { label: t('kiosk.field.socialInsuranceNumber'), value: healthCard.socialInsuranceNumber },
                ]
              : []
          }
        >
          {!healthCard && !visit.noHealthCard && (
            <>
              <p>{t('kiosk.scan.healthCardHow')}</p>
              <button
                type="button"
                className="kiosk-button"
                data-action="no-health-card"
                onClick={() => dispatch({ type: 'no-health-card', value: true })}
              >
                {t('kiosk.scan.noHealthCard')}
              </button>
            </>
          )}
          {!healthCard && visit.noHealthCard && (
            <>
              <p>{t('kiosk.scan.noHealthCardThen')}</p>
              <button
                type="button"
                className="kiosk-button"
                data-action="have-health-card"
                onClick={() => dispatch({ type: 'no-health-card', value: false })}
              >
                {t('kiosk.scan.haveHealthCard')}
              </button>
            </>
          )}
        </CardPanel>
        {camera && <CameraPanel />}
      </div>
      <div className="kiosk-scan-footer">
        <div className="kiosk-scan-notice" aria-live="assertive">
          {notice && <ScanNoticeView notice={notice} />}
        </div>
        <button
          type="button"
          className="kiosk-button kiosk-camera-toggle"
          data-action="scan-with-camera"
          aria-pressed={camera}
          onClick={() => setCamera(!camera)}
        >
          {camera ? t('kiosk.camera.close') : t('kiosk.camera.open')}
        </button>
      </div>
    </KioskScreen>
  );
}

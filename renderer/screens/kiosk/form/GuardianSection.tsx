import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraPanel } from '../scan/CameraPanel.tsx';
import { guardianRelationships, isGuardianRelationship } from '../visit/guardian-relationships.ts';
import type { KioskVisit, VisitAction } from '../visit/visit-state.ts';
import { FactRow } from './CardFacts.tsx';

/**
 * A child registers with a parent or guardian: the adult scans their own ID card here and says how
 * they are related. The stored relationship is the Vietnamese word the declaration prints; the
 * choices are shown in the citizen's language.
 */
export function GuardianSection({
  visit,
  relationshipProblem,
  dispatch,
}: {
  visit: KioskVisit;
  relationshipProblem: string | null;
  dispatch(action: VisitAction): void;
}) {
  const { t } = useTranslation();
  const [camera, setCamera] = useState(false);
  const guardian = visit.guardianCard?.fields ?? null;
  const child = visit.idCard?.fields.fullName ?? '';
  return (
    <section
      className="kiosk-guardian"
      data-testid="guardian-section"
      data-state={guardian ? 'read' : 'waiting'}
    >
      <h2>{t('kiosk.guardian.title')}</h2>
      <p>{t('kiosk.guardian.why', { name: child })}</p>
      {guardian ? (
        <dl>
          <FactRow
            fact={{
              field: 'guardian.fullName',
              label: t('kiosk.guardian.name'),
              value: guardian.fullName,
              source: 'guardian-card',
            }}
          />
          <FactRow
            fact={{
              field: 'guardian.idNumber',
              label: t('kiosk.field.idNumber'),
              value: guardian.idNumber,
              source: 'guardian-card',
            }}
          />
        </dl>
      ) : (
        <p className="kiosk-guardian-ask" role="status">
          {t('kiosk.guardian.scanNow')}
        </p>
      )}
      <div
        className={relationshipProblem ? 'kiosk-field kiosk-field-invalid' : 'kiosk-field'}
        data-field="guardian.relationship"
      >
        <label htmlFor="field-guardian-relationship" className="kiosk-label">
          {t('kiosk.guardian.relationship')}
        </label>
        <select
          id="field-guardian-relationship"
          name="guardian.relationship"
          value={visit.form.relationship ?? ''}
          aria-invalid={relationshipProblem !== null}
          onChange={(event) => {
            const value = event.target.value;
            dispatch({ type: 'form', patch: { relationship: isGuardianRelationship(value) ? value : null } });
          }}
        >
          <option value="">{t('kiosk.guardian.choose')}</option>
          {guardianRelationships.map((relationship) => (
            <option key={relationship.value} value={relationship.value}>
              {t(`kiosk.relationship.${relationship.key}`)}
            </option>
          ))}
        </select>
        {relationshipProblem && <span className="kiosk-field-problem">{relationshipProblem}</span>}
      </div>
      {guardian && <p className="kiosk-hint">{t('kiosk.guardian.scanAgain')}</p>}
      {/* The camera is for the guardian's card: once it is read, another scan still replaces it. */}
      {(!guardian || camera) && (
        <button
          type="button"
          className="kiosk-button"
          data-action="scan-with-camera"
          aria-pressed={camera}
          onClick={() => setCamera(!camera)}
        >
          {camera ? t('kiosk.camera.close') : t('kiosk.camera.open')}
        </button>
      )}
      {camera && <CameraPanel />}
    </section>
  );
}

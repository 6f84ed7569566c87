import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanEvent } from '../../../../preload/contract/areas/scan.ts';
import { useRouter } from '../../../app/router-context.tsx';
import { useScans } from '../../../scan/ScanProvider.tsx';
import { KioskScreen } from '../layout/KioskScreen.tsx';
import type { ScanNotice } from '../scan/scan-notice.ts';
import { ScanNoticeView } from '../scan/ScanNoticeView.tsx';
import { useScanCue } from '../scan/use-scan-cue.ts';
import { useOpenVisit } from '../visit/kiosk-visit-context.tsx';
import { CardFacts } from './CardFacts.tsx';
import { ContactFields } from './ContactFields.tsx';
import { editableFields, type EditableField } from './editable-fields.ts';
import { needsGuardian } from './form-problems.ts';
import { GuardianSection } from './GuardianSection.tsx';
import { KeyboardDock } from './KeyboardDock.tsx';
import { problemText } from './problem-text.ts';
import { RefusedFields } from './RefusedFields.tsx';
import { takeGuardianScan } from './take-guardian-scan.ts';
import { useFormEditing } from './use-form-editing.ts';
import { WhereFields } from './WhereFields.tsx';

/**
 * Step 2: what the cards gave (read-only, each with its card), and what only the citizen can
 * give: a mobile number, an optional e-mail, the address (prefilled from the ID card), the office,
 * and the social-insurance number when no health-insurance card was scanned; for a child, the
 * guardian. Each field says what is wrong with it as soon as that is clear, and "next" says why it
 * waits. Everything stays in the visit: back, next and a language switch keep it.
 */
export function KioskFormScreen() {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const { visit, dispatch, typedBurst } = useOpenVisit();
  const cue = useScanCue();
  const editing = useFormEditing(visit, dispatch);
  const [notice, setNotice] = useState<ScanNotice | null>(null);
  const current = useRef(visit);
  useEffect(() => {
    current.current = visit;
  }, [visit]);

  // A card scanned here is the guardian's (for a child), or one scanned again by mistake.
  useScans(
    useCallback(
      (scan: ScanEvent) => {
        // Typing the wedge capture took for a scan goes back where it was typed.
        const typed = typedKeys(scan, typedBurst);
        if (typed) {
          for (const part of typed) editing.change(part.field, current.current.form[part.field] + part.text);
          return;
        }
        const outcome = takeGuardianScan(current.current, scan);
        for (const action of outcome.actions) dispatch(action);
        setNotice(outcome.notice);
        cue(outcome.taken ? 'good' : 'bad');
      },
      [dispatch, cue, typedBurst, editing],
    ),
  );

  const { active, problems, problemOf } = editing;
  const relationship = problemOf('guardian.relationship');
  const firstProblem = problems[0];
  return (
    <KioskScreen
      name="kiosk-form"
      title={t('kiosk.form.title')}
      step="form"
      keyboard={active === null ? null : editableFields[active].layout === 'numeric' ? 'side' : 'bottom'}
      dock={
        <KeyboardDock
          field={active}
          value={active ? visit.form[active] : ''}
          onChange={(value) => active && editing.change(active, value)}
          onDone={editing.done}
        />
      }
      actions={
        <>
          <button
            type="button"
            className="kiosk-button"
            data-action="back"
            onClick={() => navigate({ name: 'kiosk-scan' })}
          >
            {t('kiosk.back')}
          </button>
          <span className="kiosk-actions-reason" data-testid="next-blocked" role="status">
            {firstProblem ? problemText(t, firstProblem) : null}
          </span>
          <button
            type="button"
            className="kiosk-button kiosk-primary"
            data-action="next"
            disabled={problems.length > 0}
            onClick={() => navigate({ name: 'kiosk-consent' })}
          >
            {t('kiosk.next')}
          </button>
        </>
      }
    >
      <RefusedFields paths={visit.refusedFields} />
      {notice && <ScanNoticeView notice={notice} />}
      <div className="kiosk-form-grid">
        <div className="kiosk-form-column">
          {needsGuardian(visit) && (
            <GuardianSection
              visit={visit}
              dispatch={dispatch}
              relationshipProblem={relationship && visit.guardianCard ? problemText(t, relationship) : null}
            />
          )}
          <CardFacts visit={visit} />
        </div>
        <ContactFields visit={visit} editing={editing} />
        <WhereFields visit={visit} editing={editing} />
      </div>
    </KioskScreen>
  );
}

/** The parts of a keyboard-wedge burst that was typing into the form's fields, not a card. */
function typedKeys(
  scan: ScanEvent,
  typedBurst: (text: string) => Array<{ field: string; text: string }> | null,
): Array<{ field: EditableField; text: string }> | null {
  if (scan.source !== 'keyboard-wedge' || scan.result.ok || scan.damage) return null;
  const parts = typedBurst(scan.raw);
  if (!parts || !parts.every((part) => Object.hasOwn(editableFields, part.field))) return null;
  return parts as Array<{ field: EditableField; text: string }>;
}

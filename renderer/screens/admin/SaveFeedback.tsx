import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatTime } from '../../format/format-date.ts';
import type { SaveState } from './use-save-state.ts';

/** Where a section says how its last save went, in the reader's language. */
export function SaveFeedback({
  saveState,
  testId,
  savedText,
}: {
  saveState: SaveState;
  /** `<section>-saved` names the success line for the end-to-end tests. */
  testId: string;
  savedText?: string;
}) {
  const { t } = useTranslation();
  switch (saveState.state) {
    case 'idle':
      return null;
    case 'saving':
      return (
        <p role="status" aria-busy="true" className="admin-saving">
          {t('admin.feedback.saving')}
        </p>
      );
    case 'saved':
      return (
        <p role="status" className="ok-message" data-testid={testId}>
          {savedText ?? t('admin.feedback.saved', { time: formatTime(saveState.at) })}
        </p>
      );
    case 'failed':
      return <ErrorMessage error={saveState.error} testId={`${testId.replace(/-saved$/, '')}-error`} />;
  }
}

/**
 * The foot of a section's form: how the last save went, then its submit button (disabled while
 * saving) with any other buttons of the form before or after it.
 */
export function SaveBar({
  saveState,
  testId,
  action,
  label,
  savedText,
  before,
  after,
}: {
  saveState: SaveState;
  testId: string;
  /** The submit button's `data-action`. */
  action: string;
  /** The submit button's text (default: "save"). */
  label?: string;
  savedText?: string;
  before?: ReactNode;
  after?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SaveFeedback
        saveState={saveState}
        testId={testId}
        {...(savedText === undefined ? {} : { savedText })}
      />
      <div className="button-row">
        {before}
        <button
          type="submit"
          className="button-primary"
          data-action={action}
          disabled={saveState.state === 'saving'}
        >
          {label ?? t('admin.save')}
        </button>
        {after}
      </div>
    </>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../preload/contract/api-result.ts';
import type { OperationResult } from '../../../preload/contract/operations.ts';
import { useApi } from '../../app/api-context.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { AdminSectionFrame } from './AdminSectionFrame.tsx';
import { SaveBar } from './SaveFeedback.tsx';
import { useSaveState } from './use-save-state.ts';

type Reason = OperationResult<'admin.rejectionReasons'>[number];
/** A row of the editor: `saved` rows keep their code (the central knows the reason by it). */
type Row = Reason & { key: number; saved: boolean };

const codePattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

export type ReasonProblem = 'none' | 'code-format' | 'code-duplicate' | 'label-missing';

/** What keeps a list from being saved, checked before the call (the backend checks the same). */
export function reasonListProblems(rows: ReadonlyArray<Pick<Reason, 'code' | 'labelVi'>>): ReasonProblem[] {
  const problems = new Set<ReasonProblem>();
  if (rows.length === 0) problems.add('none');
  const codes = rows.map((row) => row.code.trim());
  if (codes.some((code) => !codePattern.test(code))) problems.add('code-format');
  if (new Set(codes).size !== codes.length) problems.add('code-duplicate');
  if (rows.some((row) => row.labelVi.trim() === '')) problems.add('label-missing');
  return [...problems];
}

/**
 * The reasons an officer can pick when rejecting a registration at this office: add one, change a
 * label or whether a note is required, remove one. A saved reason keeps its code, since decisions
 * already taken and the central service refer to it.
 */
export function RejectionReasonsSection() {
  const { t } = useTranslation();
  const api = useApi();
  const { saveState, run } = useSaveState();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [nextKey, setNextKey] = useState(1);
  const [tried, setTried] = useState(false);

  const show = (reasons: readonly Reason[]) => {
    setRows(reasons.map((reason, index) => ({ ...reason, key: -index - 1, saved: true })));
  };
  useEffect(() => {
    void api.call('admin.rejectionReasons', {}).then((result) => {
      if (result.ok) show(result.value);
      else setLoadError(result.error);
    });
  }, [api]);

  if (!rows) {
    return (
      <AdminSectionFrame section="reasons" hint={t('admin.reasons.hint')}>
        {loadError && <ErrorMessage error={loadError} />}
      </AdminSectionFrame>
    );
  }

  const problems = reasonListProblems(rows);
  const change = (key: number, patch: Partial<Reason>) =>
    setRows(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const add = () => {
    setRows([...rows, { key: nextKey, code: '', labelVi: '', noteRequired: false, saved: false }]);
    setNextKey(nextKey + 1);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problems.length > 0) return;
    const reasons = rows.map(({ code, labelVi, noteRequired }) => ({
      code: code.trim(),
      labelVi: labelVi.trim(),
      noteRequired,
    }));
    const saved = await run(() => api.call('admin.setRejectionReasons', { reasons }));
    if (saved) {
      show(saved);
      setTried(false);
    }
  };

  return (
    <AdminSectionFrame section="reasons" hint={t('admin.reasons.hint')}>
      <form className="admin-form" data-testid="admin-reasons" onSubmit={(event) => void submit(event)}>
        <table className="data-table admin-reasons-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.reasons.code')}</th>
              <th scope="col">{t('admin.reasons.label')}</th>
              <th scope="col">{t('admin.reasons.noteRequired')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.reasons.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.key} data-reason-code={row.code}>
                <td>
                  {row.saved ? (
                    <code>{row.code}</code>
                  ) : (
                    <input
                      name="code"
                      aria-label={t('admin.reasons.codeOf', { number: index + 1 })}
                      placeholder="vd-ly-do"
                      maxLength={64}
                      value={row.code}
                      onChange={(event) => change(row.key, { code: event.target.value.toLowerCase() })}
                    />
                  )}
                </td>
                <td>
                  <input
                    name="labelVi"
                    aria-label={t('admin.reasons.labelOf', { number: index + 1 })}
                    lang="vi"
                    maxLength={300}
                    value={row.labelVi}
                    onChange={(event) => change(row.key, { labelVi: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    name="noteRequired"
                    aria-label={t('admin.reasons.noteRequiredOf', { number: index + 1 })}
                    checked={row.noteRequired}
                    onChange={(event) => change(row.key, { noteRequired: event.target.checked })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button-link"
                    data-action="remove-reason"
                    disabled={rows.length === 1}
                    onClick={() => setRows(rows.filter((other) => other.key !== row.key))}
                  >
                    {t('admin.reasons.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {tried &&
          problems.map((problem) => (
            <p key={problem} className="error-message" role="alert" data-code={`reasons-${problem}`}>
              {t(`admin.reasons.problem.${problem}`)}
            </p>
          ))}
        <SaveBar
          saveState={saveState}
          testId="reasons-saved"
          action="save-reasons"
          label={t('admin.reasons.save')}
          before={
            <button type="button" className="button-secondary" data-action="add-reason" onClick={add}>
              {t('admin.reasons.add')}
            </button>
          }
        />
      </form>
    </AdminSectionFrame>
  );
}

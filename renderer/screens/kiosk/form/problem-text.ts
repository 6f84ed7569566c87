import type { TFunction } from 'i18next';
import type { FormProblem } from './form-problems.ts';

/** What is wrong with a field, in the citizen's words (kiosk.problem.<field>.<problem>). */
export function problemText(t: TFunction, problem: FormProblem): string {
  const field = problem.field === 'guardian.relationship' ? 'relationship' : problem.field;
  return t(`kiosk.problem.${field}.${problem.problem}`);
}

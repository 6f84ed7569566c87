import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskForm, KioskVisit, VisitAction } from '../visit/visit-state.ts';
import { editableFields, type EditableField } from './editable-fields.ts';
import { emailIsValid } from './email-address.ts';
import { formProblems, type FormProblem } from './form-problems.ts';
import { normalisePhone, phoneLengthReached, phoneProblem } from './phone-number.ts';
import { problemText } from './problem-text.ts';

const keyboardCloseDelayMs = 250;

/** What a typed field of the form needs from the screen (KioskTextField's props but its label). */
export interface EditableFieldProps {
  name: EditableField;
  value: string;
  problem: string | null;
  maxLength: number;
  onChange(value: string): void;
  onFocus(element: HTMLElement): void;
  onBlur(): void;
}

/**
 * The form's editing state: which field has the keyboard, which fields the citizen has left (a
 * field's problem shows once it is left, or once enough is typed to judge it), and every change
 * written straight into the visit. Leaving the phone field writes the number in its stored form.
 */
export function useFormEditing(visit: KioskVisit, dispatch: (action: VisitAction) => void) {
  const { t } = useTranslation();
  const [active, setActive] = useState<EditableField | null>(null);
  // The keyboard closes a moment after its field lost the focus, not at once: a tap on the checkbox
  // or the select below it blurs the field first, and a keyboard vanishing under the finger would
  // move that control away before the tap's click lands on it.
  const closing = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (closing.current && clearTimeout(closing.current)), []);
  const [left, setLeft] = useState<ReadonlySet<EditableField>>(new Set());
  const form = visit.form;
  const problems = formProblems(visit);
  const problemOf = (field: FormProblem['field']) =>
    problems.find((problem) => problem.field === field) ?? null;

  const edit = (patch: Partial<Omit<KioskForm, 'submissionId'>>) => dispatch({ type: 'form', patch });
  const change = (name: EditableField, value: string) => {
    // A copy can only go to an address that works.
    if (name === 'email' && !emailIsValid(value)) edit({ email: value, sendDeclarationCopy: false });
    else edit({ [name]: value });
  };
  const judged: Record<EditableField, boolean> = {
    address: false,
    email: false,
    phone: phoneLengthReached(form.phone),
    socialInsuranceNumber: form.socialInsuranceNumber.length >= 10,
  };

  const fieldProps = (name: EditableField): EditableFieldProps => {
    const problem = problemOf(name);
    const refused = visit.refusedFields.includes(name) ? t('kiosk.form.refused') : null;
    return {
      name,
      value: form[name],
      problem: problem && (left.has(name) || judged[name]) ? problemText(t, problem) : refused,
      maxLength: editableFields[name].maxLength,
      onChange: (value) => change(name, value),
      onFocus: (element) => {
        if (closing.current) clearTimeout(closing.current);
        closing.current = null;
        setActive(name);
        // Once the keyboard has opened, the field (its label and its message too) must be in sight.
        const field = element.closest('.kiosk-field') ?? element;
        requestAnimationFrame(() => field.scrollIntoView?.({ block: 'nearest' }));
      },
      onBlur: () => {
        if (closing.current) clearTimeout(closing.current);
        closing.current = setTimeout(() => {
          closing.current = null;
          setActive((now) => (now === name ? null : now));
        }, keyboardCloseDelayMs);
        setLeft((before) => new Set(before).add(name));
        if (name === 'phone' && phoneProblem(form.phone) === null)
          edit({ phone: normalisePhone(form.phone) });
      },
    };
  };

  /** The keyboard's own Done: the field is left and the keyboard closes now. */
  const done = () => {
    (document.activeElement as HTMLElement | null)?.blur();
    if (closing.current) clearTimeout(closing.current);
    closing.current = null;
    setActive(null);
  };

  return { active, problems, problemOf, edit, change, fieldProps, done };
}

import { typedFieldAttribute } from '../visit/typing-log.ts';
import type { EditableFieldProps } from './use-form-editing.ts';

/**
 * A typed field of the kiosk form: its label, a hint of the expected shape, and what is wrong
 * with it right under it, in the citizen's language. The OS's own touch keyboard is kept closed
 * (`inputMode="none"`): the kiosk's keyboard opens instead; a physical keyboard types as usual.
 */
export function KioskTextField({
  name,
  label,
  hint,
  value,
  problem,
  multiline = false,
  maxLength,
  onChange,
  onFocus,
  onBlur,
}: EditableFieldProps & { label: string; hint?: string; multiline?: boolean }) {
  const hintId = hint ? `${name}-hint` : undefined;
  const problemId = problem ? `${name}-problem` : undefined;
  const shared = {
    id: `field-${name}`,
    name,
    value,
    maxLength,
    autoComplete: 'off',
    spellCheck: false,
    inputMode: 'none' as const,
    [typedFieldAttribute]: name,
    'aria-invalid': problem !== null,
    'aria-describedby': [hintId, problemId].filter(Boolean).join(' ') || undefined,
    onFocus: (event: { currentTarget: HTMLElement }) => onFocus(event.currentTarget),
    onBlur,
  };
  return (
    <div className={problem ? 'kiosk-field kiosk-field-invalid' : 'kiosk-field'} data-field={name}>
      <label htmlFor={`field-${name}`} className="kiosk-label">
        {label}
      </label>
      {hint && (
        <span id={hintId} className="kiosk-hint">
          {hint}
        </span>
      )}
      {multiline ? (
        <textarea {...shared} rows={2} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...shared} type="text" onChange={(event) => onChange(event.target.value)} />
      )}
      {problem && (
        <span id={problemId} className="kiosk-field-problem" data-testid={`problem-${name}`}>
          {problem}
        </span>
      )}
    </div>
  );
}

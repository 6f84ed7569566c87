import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCalendarDate } from '../../../main/core/reports/report-periods.ts';
import { formatIsoDate } from '../../format/format-date.ts';

// A day typed as dd/mm/yyyy, whatever the browser's own language: Chromium draws `<input
// type="date">` in its UI locale (mm/dd/yyyy on an English system), and the office reads dates as
// dd/MM/yyyy. The ISO form (2026-11-30) is accepted too, for a pasted date.

/** The ISO date (YYYY-MM-DD) of `text` typed as d/m/yyyy (or . or -) or YYYY-MM-DD; null if none. */
export function parseTypedDay(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const candidate = iso
    ? trimmed
    : local
      ? `${local[3]}-${local[2]!.padStart(2, '0')}-${local[1]!.padStart(2, '0')}`
      : null;
  return candidate !== null && isCalendarDate(candidate) ? candidate : null;
}

export function DayInput({
  name,
  value,
  onChange,
}: {
  name: string;
  /** The ISO date shown. */
  value: string;
  /** Called with each whole, real date typed (never with a half-typed one). */
  onChange: (iso: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatIsoDate(value) ?? value);
  const [shownValue, setShownValue] = useState(value);
  // A new value from outside (a reset, another screen's default) replaces what is shown, unless it
  // is the day being typed (React's "adjust state when a prop changes", during render).
  if (shownValue !== value) {
    setShownValue(value);
    if (parseTypedDay(text) !== value) setText(formatIsoDate(value) ?? value);
  }
  const invalid = parseTypedDay(text) === null;
  return (
    <>
      <input
        type="text"
        name={name}
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('reports.filters.datePlaceholder')}
        value={text}
        aria-invalid={invalid || undefined}
        onChange={(event) => {
          setText(event.target.value);
          const iso = parseTypedDay(event.target.value);
          if (iso !== null) onChange(iso);
        }}
        onBlur={() => setText(formatIsoDate(value) ?? value)}
      />
      {invalid && <span className="field-hint field-hint-error">{t('reports.filters.dateInvalid')}</span>}
    </>
  );
}

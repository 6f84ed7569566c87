import { useTranslation } from 'react-i18next';
import { characterDiff, type DiffPart } from '../../../../main/core/identity/character-diff.ts';
import type { IdentityRow } from '../../../../main/core/identity/compare-identity.ts';
import { tidyText } from '../../../../main/core/text/vietnamese-text.ts';
import { formatIsoDate } from '../../../format/format-date.ts';

type Side = 'registered' | 'onCard';

/** A value as people read it: dates dd/MM/yyyy, sex in words, names and addresses tidied. */
export function displayValue(row: IdentityRow, side: Side, sexLabel: (sex: string) => string): string | null {
  const value = side === 'registered' ? row.registered : row.onCard;
  if (value === null) return null;
  if (row.field === 'dateOfBirth') return formatIsoDate(value) ?? value;
  if (row.field === 'sex') return sexLabel(value);
  if (row.field === 'fullName' || row.field === 'address') return tidyText(value);
  return value;
}

/**
 * The parts of one side of a difference, on the text shown. The row's diff was made on the
 * compared forms (lower-cased names and addresses); where those have the length of the shown text,
 * its cuts are laid on the shown text, so the officer sees the card's own capitals.
 */
function sideParts(row: IdentityRow, side: Side, shown: string): DiffPart[] | null {
  if (row.field === 'sex') return [{ op: side === 'registered' ? 'delete' : 'insert', text: shown }];
  let diff = row.diff;
  if (row.field === 'dateOfBirth' && row.registered !== null && row.onCard !== null) {
    // The shown dates are reordered (dd/MM/yyyy): their difference is taken on what is shown.
    const registered = formatIsoDate(row.registered) ?? row.registered;
    const onCard = formatIsoDate(row.onCard) ?? row.onCard;
    diff =
      onCard.length === 4 ? characterDiff(registered.slice(-4), onCard) : characterDiff(registered, onCard);
    if (onCard.length === 4 && side === 'registered') {
      diff = [{ op: 'equal', text: registered.slice(0, -4) }, ...diff];
    }
  }
  if (diff === null) return null;
  const keep = side === 'registered' ? 'delete' : 'insert';
  const parts = diff.filter((part) => part.op === 'equal' || part.op === keep);
  const characters = Array.from(shown);
  const total = parts.reduce((sum, part) => sum + Array.from(part.text).length, 0);
  if (total !== characters.length) return parts;
  let at = 0;
  return parts.map((part) => {
    const length = Array.from(part.text).length;
    const text = characters.slice(at, at + length).join('');
    at += length;
    return { op: part.op, text };
  });
}

/**
 * One side of a compared pair. Characters that differ are marked (<mark>, underlined and bold, not
 * colour alone) and named for screen readers.
 */
export function DiffValue({ row, side, shown }: { row: IdentityRow; side: Side; shown: string }) {
  const { t } = useTranslation();
  // Only a mismatch is marked: a match has nothing to mark, the address is for information only.
  const parts = row.outcome === 'mismatch' ? sideParts(row, side, shown) : null;
  if (parts === null || parts.every((part) => part.op === 'equal')) return <>{shown}</>;
  return (
    <>
      {parts.map((part, index) =>
        part.op === 'equal' ? (
          <span key={index}>{part.text}</span>
        ) : (
          <mark key={index} className={`diff-${part.op}`} data-diff={part.op}>
            <span className="visually-hidden">{t('verify.diffStart')}</span>
            {part.text}
            <span className="visually-hidden">{t('verify.diffEnd')}</span>
          </mark>
        ),
      )}
    </>
  );
}

/** "Hùng ≠ Hưng": the words of two names that differ (the whole names when the words do not pair up). */
export function differingWords(registered: string, onCard: string): string {
  const left = tidyText(registered).split(' ');
  const right = tidyText(onCard).split(' ');
  if (left.length !== right.length) return `${tidyText(registered)} ≠ ${tidyText(onCard)}`;
  return left
    .map((word, index) => [word, right[index] as string] as const)
    .filter(([a, b]) => a.toLocaleLowerCase('vi') !== b.toLocaleLowerCase('vi'))
    .map(([a, b]) => `${a} ≠ ${b}`)
    .join(', ');
}

// Text helpers for Vietnamese names and addresses. Two different foldings exist on purpose:
// comparison of identities folds case and whitespace but NEVER diacritics (Hùng ≠ Hưng is a real
// difference between two people), while search folds diacritics too, because officers type
// "nguyen van hung" on a keyboard without a Vietnamese input method.

const combiningMarks = /[\u0300-\u036f]/g;
const whitespaceRuns = /\s+/g;

/** NFC, trimmed, inner whitespace collapsed to one space. Case and diacritics are kept. */
export function tidyText(text: string): string {
  return text.normalize('NFC').replace(whitespaceRuns, ' ').trim();
}

/** The key two names are compared on: tidy and lower-cased, diacritics kept. */
export function nameComparisonKey(name: string): string {
  return tidyText(name).toLocaleLowerCase('vi');
}

/** Removes every diacritic (including the stroke of đ/Đ, which Unicode does not decompose). */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(combiningMarks, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** The key a name is searched on: no diacritics, lower case, whitespace collapsed. */
export function nameSearchKey(name: string): string {
  return stripDiacritics(tidyText(name)).toLowerCase();
}

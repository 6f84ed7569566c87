// What a registration's free text may put on the printed form. The values come from citizens (the
// portal, the app, the kiosk) through the central service, so anything a string can hold may
// arrive: control characters that end a PDF string or move the pen, bidi controls that make a
// name read backwards on paper (U+202E "RLO" turns "Nguyễn" into "nễyugN"), lone surrogates that
// no font can draw, and floods of combining marks that stack upwards into the lines above. The
// result is one NFC line of text that reads the same in the PDF as in the data.

// C0 and C1 controls (NUL, tab, newline … and U+0080–U+009F), DEL included: matching them is the point.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f-\u009f]/gu;
// Bidi embeddings/overrides, isolates, marks (LRM, RLM, ALM).
const bidiControls = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogates = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Line and paragraph separators and other spaces all become a plain space, then runs collapse.
const spaces = /[\s\u2028\u2029]+/gu;
const combiningMark = /\p{M}/u;

/**
 * Combining marks kept on one base character. Vietnamese needs at most two after NFD (ệ = e + ̂ +
 * ̣) and none after NFC for its own letters; three leaves room for other scripts' names.
 */
export const maxCombiningMarksPerCharacter = 3;

const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });

function capCombiningMarks(text: string): string {
  if (!/\p{M}{4}/u.test(text)) return text;
  let result = '';
  for (const { segment } of segmenter.segment(text)) {
    let marks = 0;
    for (const character of segment) {
      if (combiningMark.test(character)) {
        marks += 1;
        if (marks > maxCombiningMarksPerCharacter) continue;
      }
      result += character;
    }
  }
  return result;
}

/**
 * A field value fit to print: controls, bidi controls and lone surrogates removed, whitespace
 * collapsed to single spaces and trimmed, at most three combining marks per character, NFC.
 */
export function sanitizeFieldText(value: string): string {
  // Whitespace controls (tab, newline) separate words; the other controls are dropped, so that a
  // NUL inside a name does not split it in two.
  const cleaned = value
    .replace(loneSurrogates, '')
    .replace(bidiControls, '')
    .replace(spaces, ' ')
    .replace(controls, '')
    .replace(spaces, ' ')
    .normalize('NFC');
  // NFC again after capping: a kept base + marks may compose differently than the flood did.
  return capCombiningMarks(cleaned).normalize('NFC').trim();
}

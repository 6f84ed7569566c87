// Line breaking for the form's boxes. pdfkit can wrap text itself, but it neither stops after a
// number of lines nor breaks a 200-letter "word" without spaces, and it adds pages when text
// runs past the bottom: the form must stay one page with every value inside its box, so lines are
// broken here, against the font's real widths, and drawn one by one.

export const ellipsis = '…';

/** The width of a string in the current font and size (pdfkit's `widthOfString`). */
export type MeasureText = (text: string) => number;

const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });

const graphemes = (text: string) => Array.from(segmenter.segment(text), (part) => part.segment);

/** The longest prefix of `text` (whole graphemes, at least one) that fits `width`. */
function fittingPrefix(text: string, width: number, measure: MeasureText): string {
  const parts = graphemes(text);
  let low = 1;
  let high = parts.length;
  // Binary search: widths grow with the prefix; a 200-grapheme word costs 8 measurements, not 200.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(parts.slice(0, middle).join('')) <= width) low = middle;
    else high = middle - 1;
  }
  return parts.slice(0, low).join('');
}

/** `line` shortened until it and a trailing "…" fit `width`. */
function withEllipsis(line: string, width: number, measure: MeasureText): string {
  let kept = line.trimEnd();
  while (kept.length > 0 && measure(kept + ellipsis) > width) {
    const parts = graphemes(kept);
    kept = parts.slice(0, -1).join('').trimEnd();
  }
  return kept + ellipsis;
}

/**
 * `text` (one line, already sanitized) broken into at most `maxLines` lines no wider than
 * `width`; when it does not fit, the last line ends with "…". Breaks at spaces, and inside a word
 * only when the word alone is wider than the box.
 */
export function wrapText(text: string, width: number, maxLines: number, measure: MeasureText): string[] {
  if (text.length === 0) return [];
  const lines: string[] = [];
  let current = '';
  let rest = text;
  while (rest.length > 0) {
    const space = rest.indexOf(' ');
    const word = space < 0 ? rest : rest.slice(0, space);
    rest = space < 0 ? '' : rest.slice(space + 1);
    const candidate = current.length === 0 ? word : `${current} ${word}`;
    if (measure(candidate) <= width) {
      current = candidate;
      continue;
    }
    if (current.length > 0) {
      lines.push(current);
      current = '';
    }
    let remaining = word;
    while (measure(remaining) > width) {
      const head = fittingPrefix(remaining, width, measure);
      lines.push(head);
      remaining = remaining.slice(head.length);
      if (lines.length > maxLines) break;
    }
    current = remaining;
    if (lines.length > maxLines) break;
  }
  if (current.length > 0) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1] as string, width, measure);
  return kept;
}

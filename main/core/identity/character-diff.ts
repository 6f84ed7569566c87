// A character-level diff for the verification screen, which highlights where a registered value
// and the card differ (REGISTRATION.md). Works on code points, so a Vietnamese letter or an emoji
// is never cut in half. Values are short (names, addresses), so a plain longest-common-subsequence
// table is fast enough and gives the most readable result; beyond `maxTableCells` it falls back to
// "all deleted, all inserted" rather than spend unbounded memory on hostile input.

export type DiffOperation = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  op: DiffOperation;
  text: string;
}

const maxTableCells = 1_000_000;

function push(parts: DiffPart[], op: DiffOperation, text: string): void {
  if (text.length === 0) return;
  const last = parts[parts.length - 1];
  if (last !== undefined && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/** Longest-common-subsequence lengths of every pair of suffixes, row-major ((n+1) × (m+1)). */
function suffixTable(from: string[], to: string[]): Uint32Array {
  const width = to.length + 1;
  const table = new Uint32Array((from.length + 1) * width);
  for (let i = from.length - 1; i >= 0; i -= 1) {
    for (let j = to.length - 1; j >= 0; j -= 1) {
      table[i * width + j] =
        from[i] === to[j]
          ? (table[(i + 1) * width + j + 1] as number) + 1
          : Math.max(table[(i + 1) * width + j] as number, table[i * width + j + 1] as number);
    }
  }
  return table;
}

function diffMiddle(parts: DiffPart[], from: string[], to: string[]): void {
  if (from.length * to.length > maxTableCells) {
    push(parts, 'delete', from.join(''));
    push(parts, 'insert', to.join(''));
    return;
  }
  const table = suffixTable(from, to);
  const width = to.length + 1;
  let i = 0;
  let j = 0;
  while (i < from.length || j < to.length) {
    if (i < from.length && j < to.length && from[i] === to[j]) {
      push(parts, 'equal', from[i] as string);
      i += 1;
      j += 1;
    } else if (
      j === to.length ||
      (i < from.length && table[(i + 1) * width + j]! >= table[i * width + j + 1]!)
    ) {
      push(parts, 'delete', from[i] as string);
      i += 1;
    } else {
      push(parts, 'insert', to[j] as string);
      j += 1;
    }
  }
}

/**
 * The edits that turn `from` into `to`: the `equal` and `delete` parts spell `from`, the `equal`
 * and `insert` parts spell `to`. Adjacent parts of the same kind are merged.
 */
export function characterDiff(from: string, to: string): DiffPart[] {
  const a = Array.from(from);
  const b = Array.from(to);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  const parts: DiffPart[] = [];
  push(parts, 'equal', a.slice(0, prefix).join(''));
  diffMiddle(parts, a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix));
  push(parts, 'equal', a.slice(a.length - suffix).join(''));
  return parts;
}

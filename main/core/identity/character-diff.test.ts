import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterDiff } from './character-diff.ts';
import type { DiffPart } from './character-diff.ts';

const spell = (parts: DiffPart[], side: 'from' | 'to') =>
  parts
    .filter((part) => part.op === 'equal' || part.op === (side === 'from' ? 'delete' : 'insert'))
    .map((part) => part.text)
    .join('');

function longestCommonSubsequence(a: string[], b: string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const character of a) {
    const current = [0];
    for (const [j, other] of b.entries()) {
      current.push(character === other ? previous[j]! + 1 : Math.max(previous[j + 1]!, current[j]!));
    }
    previous = current;
  }
  return previous[b.length]!;
}

const vietnamese = fc.string({ unit: fc.constantFrom(...'aăâeêuưoôơ hnHNgùúụũủừứựữửđĐ😀'), maxLength: 30 });

describe('character diff', () => {
  it('shows the one letter that differs', () => {
    expect(characterDiff('nguyễn văn hùng', 'nguyễn văn hưng')).toEqual([
      { op: 'equal', text: 'nguyễn văn h' },
      { op: 'delete', text: 'ù' },
      { op: 'insert', text: 'ư' },
      { op: 'equal', text: 'ng' },
    ]);
  });

  it('handles empty sides and equal strings', () => {
    expect(characterDiff('', '')).toEqual([]);
    expect(characterDiff('abc', 'abc')).toEqual([{ op: 'equal', text: 'abc' }]);
    expect(characterDiff('', 'ab')).toEqual([{ op: 'insert', text: 'ab' }]);
    expect(characterDiff('ab', '')).toEqual([{ op: 'delete', text: 'ab' }]);
  });

  it('never splits a character made of two UTF-16 units', () => {
    expect(characterDiff('a😀', 'a😁')).toEqual([
      { op: 'equal', text: 'a' },
      { op: 'delete', text: '😀' },
      { op: 'insert', text: '😁' },
    ]);
  });

  it('reconstructs both strings, with merged, non-empty parts and a minimal edit', () => {
    fc.assert(
      fc.property(
        fc.oneof(vietnamese, fc.string({ unit: 'binary', maxLength: 30 })),
        vietnamese,
        (from, to) => {
          const parts = characterDiff(from, to);
          expect(spell(parts, 'from')).toBe(from);
          expect(spell(parts, 'to')).toBe(to);
          for (const [index, part] of parts.entries()) {
            expect(part.text.length).toBeGreaterThan(0);
            if (index > 0) expect(parts[index - 1]!.op).not.toBe(part.op);
          }
          // The kept characters are a longest common subsequence: the edit is minimal.
          const kept = Array.from(
            spell(
              parts.filter((part) => part.op === 'equal'),
              'from',
            ),
          ).length;
          expect(kept).toBe(longestCommonSubsequence(Array.from(from), Array.from(to)));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('falls back to delete-all, insert-all on inputs too large to compare', () => {
    const from = 'a'.repeat(1500);
    const to = 'b'.repeat(1500);
    expect(characterDiff(`x${from}y`, `x${to}y`)).toEqual([
      { op: 'equal', text: 'x' },
      { op: 'delete', text: from },
      { op: 'insert', text: to },
      { op: 'equal', text: 'y' },
    ]);
  });
});

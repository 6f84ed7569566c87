import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WedgeRecognizer, type BurstEnd, type KeyVerdict } from './wedge-recognizer.ts';

const options = { maxKeyIntervalMs: 40, minLength: 12, idleEndMs: 200 };
const payload = '079094540543|212252479|Võ Hữu Nhân|03091994|Nam|Hà Nội|18082021';

interface Typed {
  verdicts: Array<KeyVerdict['verdict']>;
  ends: BurstEnd[];
  /** What was given back to the input when a burst turned out to be a person. */
  released: string[];
}

/** Types `text` with the given intervals, then (optionally) a suffix or a quiet period. */
function type(
  text: string,
  interval: (index: number) => number,
  end: 'enter' | 'idle' | 'none' = 'enter',
  recognizer = new WedgeRecognizer(options),
): Typed {
  const typed: Typed = { verdicts: [], ends: [], released: [] };
  let time = 1000;
  for (const [index, character] of [...text].entries()) {
    if (index > 0) time += interval(index);
    const expired = recognizer.expire(time);
    if (expired) typed.ends.push(expired);
    const verdict = recognizer.character(character, time);
    typed.verdicts.push(verdict.verdict);
    if (verdict.verdict === 'released') typed.released.push(verdict.text);
  }
  if (end === 'enter') {
    const ended = recognizer.terminator();
    if (ended) typed.ends.push(ended);
  } else if (end === 'idle') {
    const deadline = recognizer.idleDeadline();
    const ended = deadline === null ? null : recognizer.expire(deadline);
    if (ended) typed.ends.push(ended);
  }
  return typed;
}

describe('WedgeRecognizer', () => {
  it('recognises a payload typed at scanner speed, from its second character on', () => {
    const typed = type(payload, () => 8);
    expect(typed.verdicts.slice(0, 3)).toEqual(['pass', 'burst-started', 'captured']);
    expect(typed.ends).toEqual([{ kind: 'scan', text: payload }]);
  });

  it.each([8, 12, 20])('recognises the realistic scanner gap of %i ms', (gap) => {
    expect(type(payload, () => gap).ends).toEqual([{ kind: 'scan', text: payload }]);
  });

  it('keeps a scan whole when a few keys are delayed by a busy PC', () => {
    expect(type(payload, (index) => (index % 15 === 7 ? 90 : 6)).ends).toEqual([
      { kind: 'scan', text: payload },
    ]);
  });

  it('ends a scan without a suffix at the idle end', () => {
    expect(type(payload, () => 10, 'idle').ends).toEqual([{ kind: 'scan', text: payload }]);
  });

  it('lets a person type: every key passes', () => {
    const typed = type('nguyen van hung', () => 150);
    expect(typed.verdicts.every((verdict) => verdict === 'pass')).toBe(true);
    expect(typed.ends).toEqual([]);
  });

  it('gives back a short fast run of a person (key rollover) instead of eating it', () => {
    const typed = type('ab', () => 25, 'idle');
    expect(typed.verdicts).toEqual(['pass', 'burst-started']);
    expect(typed.ends).toEqual([{ kind: 'not-a-scan', text: 'ab' }]);
  });

  it('gives a person their keys back at once when a rollover started a burst', () => {
    // "ng" rolled over in 25 ms, then the usual 90–120 ms of a typist.
    const gaps = [0, 25, 95, 110, 90, 120, 100];
    const typed = type('nguyen ', (index) => gaps[index] ?? 100, 'none');
    expect(typed.verdicts).toEqual(['pass', 'burst-started', 'captured', 'released', 'pass', 'pass', 'pass']);
    // The first key was taken back when the burst started: it is given back too.
    expect(typed.released).toEqual(['nguy']);
    expect(typed.ends).toEqual([]);
  });

  it('splits at a long pause: two halves typed with a break are not one scan', () => {
    const typed = type(payload, (index) => (index === 30 ? 500 : 8));
    expect(typed.ends.map((end) => end.kind)).toEqual(['scan', 'scan']);
    expect(typed.ends.map((end) => (end as { text: string }).text).join('')).toBe(payload);
  });

  it('leaves Enter to the page when no burst is going on', () => {
    const recognizer = new WedgeRecognizer(options);
    expect(recognizer.terminator()).toBeNull();
    recognizer.character('a', 0);
    expect(recognizer.terminator()).toBeNull();
  });

  it('never reports a scan for human-speed typing, whatever is typed', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 80 }),
        fc.integer({ min: 45, max: 400 }),
        (text, gap) => {
          const typed = type(text, () => gap);
          return typed.ends.every((end) => end.kind !== 'scan');
        },
      ),
    );
  });

  it('always reports what a scanner typed, whole and in order', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 12, maxLength: 300 }),
        fc.integer({ min: 2, max: 30 }),
        (text, gap) => {
          const ends = type(text, () => gap).ends;
          return ends.length === 1 && ends[0]?.kind === 'scan' && ends[0].text === text;
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WedgeDetector } from './wedge-detector.ts';

const options = { maxKeyIntervalMs: 40, minLength: 12 };
const payload = '079094540543|212252479|Võ Hữu Nhân|03091994|Nam|Hà Nội|18082021';

function typeText(
  detector: WedgeDetector,
  text: string,
  intervals: (index: number) => number,
): string | null {
  let time = 1000;
  for (const [index, character] of [...text].entries()) {
    time += intervals(index);
    detector.character(character, time);
  }
  return detector.terminator(time + intervals(text.length));
}

describe('WedgeDetector', () => {
  it('reports a payload typed at scanner speed (8 ms per key)', () => {
    expect(typeText(new WedgeDetector(options), payload, () => 8)).toBe(payload);
  });

  it('keeps a scan whole when a few keys are delayed by a busy PC', () => {
    const detector = new WedgeDetector(options);
    expect(typeText(detector, payload, (index) => (index % 15 === 7 ? 90 : 6))).toBe(payload);
  });

  it('does not mistake a person typing (about 150 ms per key) for a scanner', () => {
    expect(typeText(new WedgeDetector(options), payload, () => 150)).toBeNull();
  });

  it('does not mistake a fast typist (70-110 ms per key) for a scanner', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 70, max: 110 }), { minLength: 80, maxLength: 80 }), (gaps) => {
        const detector = new WedgeDetector(options);
        return typeText(detector, payload, (index) => gaps[index % gaps.length] as number) === null;
      }),
    );
  });

  it('ignores bursts shorter than the minimum length (a short barcode)', () => {
    expect(typeText(new WedgeDetector(options), '12345', () => 5)).toBeNull();
  });

  it('drops what was typed before a long pause and still reports the scan after it', () => {
    const detector = new WedgeDetector(options);
    detector.character('a', 0);
    detector.character('b', 100);
    expect(typeText(detector, payload, () => 8)).toBe(payload);
  });

  it('does not report a scan whose Enter arrives long after the last key', () => {
    const detector = new WedgeDetector(options);
    let time = 0;
    for (const character of payload) detector.character(character, (time += 8));
    expect(detector.terminator(time + 1000)).toBeNull();
  });

  it('is ready for the next scan after one is reported', () => {
    const detector = new WedgeDetector(options);
    expect(typeText(detector, payload, () => 8)).toBe(payload);
    expect(typeText(detector, payload, () => 8)).toBe(payload);
  });
});

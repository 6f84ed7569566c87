import { describe, expect, it } from 'vitest';
import type { GrayImage } from './gray-image.ts';
import {
  codeRegions,
  findFinderCandidates,
  finderTriples,
  missingFinderHypotheses,
  paintFinder,
  refineHypothesis,
  spotContrast,
} from './finder-repair.ts';

// A QR-like picture without a QR library: 41 modules (version 6) of seeded noise, three finder
// patterns with their light separators, 5 px per module, 20 px of quiet zone.
const size = 41;
const modulePx = 5;
const margin = 20;
const side = size * modulePx + 2 * margin;

function finderAt(row: number, column: number, top: number, left: number): boolean | null {
  const i = row - top;
  const j = column - left;
  if (i < -1 || j < -1 || i > 7 || j > 7) return null;
  if (i === -1 || j === -1 || i === 7 || j === 7) return false;
  const ring = Math.max(Math.abs(i - 3), Math.abs(j - 3));
  return ring !== 2;
}

function qrLike(): GrayImage {
  let state = 12345;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const data = new Float32Array(side * side).fill(255);
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      const finder =
        finderAt(row, column, 0, 0) ??
        finderAt(row, column, 0, size - 7) ??
        finderAt(row, column, size - 7, 0);
      const dark = finder ?? random() < 0.5;
      if (!dark) continue;
      for (let y = 0; y < modulePx; y += 1)
        for (let x = 0; x < modulePx; x += 1)
          data[(margin + row * modulePx + y) * side + margin + column * modulePx + x] = 0;
    }
  }
  return { data, width: side, height: side };
}

const center = (row: number, column: number) => ({
  x: margin + (column + 3.5) * modulePx,
  y: margin + (row + 3.5) * modulePx,
});
const topLeft = center(0, 0);
const topRight = center(0, size - 7);
const bottomLeft = center(size - 7, 0);

/** Light over a disc: glare washing out part of the code. */
function washOut(image: GrayImage, at: { x: number; y: number }, radius: number): GrayImage {
  const data = new Float32Array(image.data);
  for (let y = 0; y < image.height; y += 1)
    for (let x = 0; x < image.width; x += 1)
      if (Math.hypot(x + 0.5 - at.x, y + 0.5 - at.y) <= radius) data[y * image.width + x] = 255;
  return { ...image, data };
}

const near = (point: { x: number; y: number }, target: { x: number; y: number }, tolerance: number) =>
  Math.hypot(point.x - target.x, point.y - target.y) <= tolerance;

describe('finder repair', () => {
  it('finds the three finder patterns of a clean code', () => {
    const found = findFinderCandidates(qrLike()).filter((candidate) => candidate.hits >= 3);
    for (const expected of [topLeft, topRight, bottomLeft]) {
      const match = found.find((candidate) => near(candidate, expected, 1.5));
      expect(match, JSON.stringify(expected)).toBeDefined();
      expect(match!.module).toBeCloseTo(modulePx, 0);
    }
  });

  it('puts a hypothesis where a washed-out finder was, with the grid’s module vectors', () => {
    const washed = washOut(qrLike(), topRight, 6 * modulePx);
    const found = findFinderCandidates(washed).filter((candidate) => candidate.hits >= 3);
    expect(found.some((candidate) => near(candidate, topRight, 4 * modulePx))).toBe(false);
    const hypotheses = missingFinderHypotheses(found, side, side);
    const right = hypotheses.find((hypothesis) => near(hypothesis.center, topRight, modulePx));
    expect(right).toBeDefined();
    const lengths = [Math.hypot(right!.u.x, right!.u.y), Math.hypot(right!.v.x, right!.v.y)];
    for (const length of lengths) expect(length).toBeCloseTo(modulePx, 0);
    // Nothing is proposed on top of a finder that is still visible.
    expect(hypotheses.some((hypothesis) => near(hypothesis.center, topLeft, 2 * modulePx))).toBe(false);
  });

  it('refines a hypothesis onto what is left of the pattern, and paints an ideal one', () => {
    const original = qrLike();
    // The centre of the finder is gone (clipped to white), its outer ring survives.
    const washed = washOut(original, topRight, 2 * modulePx);
    const offset = {
      center: { x: topRight.x + 2 * modulePx, y: topRight.y - modulePx },
      u: { x: modulePx, y: 0 },
      v: { x: 0, y: modulePx },
      corners: [topLeft, topRight, bottomLeft],
      score: 0,
    };
    const refined = refineHypothesis(washed, washed, offset);
    expect(near(refined.center, topRight, 0.6 * modulePx)).toBe(true);
    const painted = paintFinder(washed, { ...refined, center: topRight });
    const box = { x0: topRight.x - 4 * modulePx, y0: topRight.y - 4 * modulePx };
    let differences = 0;
    for (let y = box.y0 + 1; y < box.y0 + 8 * modulePx - 1; y += 1)
      for (let x = box.x0 + 1; x < box.x0 + 8 * modulePx - 1; x += 1)
        if (painted.data[y * side + x] !== original.data[y * side + x]) differences += 1;
    expect(differences).toBe(0);
    expect(spotContrast(washed, topRight, modulePx)).toBe(0);
    expect(spotContrast(original, topRight, 3 * modulePx)).toBeGreaterThan(50);
  });

  it('groups three visible finders into a code, in the code’s own orientation, with its grid', () => {
    const found = findFinderCandidates(qrLike()).filter((candidate) => candidate.hits >= 3);
    const [best] = finderTriples(found);
    expect(best).toBeDefined();
    const [corner, right, down] = best!.finders;
    expect(near(corner.center, topLeft, 1.5)).toBe(true);
    expect(near(right.center, topRight, 1.5)).toBe(true);
    expect(near(down.center, bottomLeft, 1.5)).toBe(true);
    // 34 modules between finder centres (41 − 7): the module vectors are one module along each side.
    expect(corner.u.x).toBeCloseTo(modulePx, 0);
    expect(Math.abs(corner.u.y)).toBeLessThan(0.2);
    expect(corner.v.y).toBeCloseTo(modulePx, 0);
    expect(near(best!.corners[3]!, center(size - 7, size - 7), 2)).toBe(true);
    // Painting the three ideal finders over the picture changes nothing: they were ideal already.
    let painted = qrLike();
    for (const finder of best!.finders) painted = paintFinder(painted, finder);
    const original = qrLike();
    let differences = 0;
    for (let index = 0; index < original.data.length; index += 1)
      if (painted.data[index] !== original.data[index]) differences += 1;
    expect(differences).toBeLessThan(0.01 * original.data.length);

    // The same code turned a quarter (columns become rows): the corner keeps its role.
    const source = qrLike();
    const turned = new Float32Array(source.data.length);
    for (let y = 0; y < side; y += 1)
      for (let x = 0; x < side; x += 1) turned[x * side + (side - 1 - y)] = source.data[y * side + x]!;
    const turnedFound = findFinderCandidates({ data: turned, width: side, height: side }).filter(
      (candidate) => candidate.hits >= 3,
    );
    const [turnedBest] = finderTriples(turnedFound);
    const rotate = (point: { x: number; y: number }) => ({ x: side - point.y, y: point.x });
    expect(near(turnedBest!.finders[0].center, rotate(topLeft), 1.5)).toBe(true);
    expect(near(turnedBest!.finders[1].center, rotate(topRight), 1.5)).toBe(true);
    // Two finders alone, or three that are not a code's corners, make no triple.
    expect(finderTriples(found.slice(0, 2))).toEqual([]);
    expect(
      finderTriples([
        { x: 10, y: 10, module: 5, hits: 5 },
        { x: 180, y: 10, module: 5, hits: 5 },
        { x: 95, y: 40, module: 5, hits: 5 },
      ]),
    ).toEqual([]);
  });

  it('says where a code may be from its finders: three, or two of them', () => {
    const contains = (region: { x: number; y: number; width: number; height: number }) =>
      region.x <= margin &&
      region.y <= margin &&
      region.x + region.width >= side - margin &&
      region.y + region.height >= side - margin;
    const found = findFinderCandidates(qrLike()).filter((candidate) => candidate.hits >= 3);
    const [first] = codeRegions(found);
    expect(contains(first!)).toBe(true);
    // Not much more than the code and its quiet zone.
    expect(first!.width).toBeLessThan(side + 8 * modulePx);
    const washed = findFinderCandidates(washOut(qrLike(), bottomLeft, 6 * modulePx)).filter(
      (candidate) => candidate.hits >= 3,
    );
    expect(washed).toHaveLength(2);
    const regions = codeRegions(washed);
    expect(regions.length).toBeGreaterThan(0);
    expect(contains(regions[0]!)).toBe(true);
    expect(codeRegions([])).toEqual([]);
  });
});

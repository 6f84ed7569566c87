// Finder patterns found by this module's own scan of a binarized frame, for codes the reader's
// detector misses. Glare on a laminated card usually lands on a corner and washes a finder out:
// the two still visible say where the missing one must be, and an ideal one is painted there, so
// that the reader, which needs all three, can sample the code. Blur or glare can also leave all
// three visible to this scan but too damaged for the reader's: three that make a code are painted
// over with ideal ones. And the finders say where a code may be, for cropping before an upscale.
// Reed–Solomon still checks every bit of data: a wrong guess does not decode, it only costs an
// attempt.
import type { GrayImage } from './gray-image.ts';

export interface FinderCandidate {
  x: number;
  y: number;
  /** Module size in pixels. */
  module: number;
  /** How many scan lines crossed it. */
  hits: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A finder pattern to paint: its centre and the two module vectors of the code's grid. */
export interface FinderHypothesis {
  center: Point;
  u: Point;
  v: Point;
  /** The code's four corner points (finder centres, and the fourth corner), for cropping. */
  corners: Point[];
  /** How well the finder model matches the image there (set by `refineHypothesis`). */
  score: number;
}

const isDark = (value: number) => value < 128;

/** 1:1:3:1:1 within half a module; returns the module size or 0. */
function finderRatio(counts: Int32Array): number {
  let total = 0;
  for (let index = 0; index < 5; index += 1) {
    if ((counts[index] as number) === 0) return 0;
    total += counts[index] as number;
  }
  if (total < 7) return 0;
  const module = total / 7;
  const slack = module / 2;
  return Math.abs(module - (counts[0] as number)) < slack &&
    Math.abs(module - (counts[1] as number)) < slack &&
    Math.abs(3 * module - (counts[2] as number)) < 3 * slack &&
    Math.abs(module - (counts[3] as number)) < slack &&
    Math.abs(module - (counts[4] as number)) < slack
    ? module
    : 0;
}

/**
 * From a dark pixel, the runs dark–light–dark both ways along (dx, dy): the centre of the middle
 * run along that axis and the total length, or null when they are not a finder's.
 */
function crossCheck(
  image: GrayImage,
  x: number,
  y: number,
  dx: number,
  dy: number,
  maxRun: number,
  expected: number,
) {
  const { data, width, height } = image;
  const counts = new Int32Array(5);
  const inside = (px: number, py: number) => px >= 0 && py >= 0 && px < width && py < height;
  const dark = (px: number, py: number) => isDark(data[py * width + px] as number);
  if (!inside(x, y) || !dark(x, y)) return null;
  let px = x;
  let py = y;
  // Backwards: the centre run, the light ring, the outer dark ring.
  while (inside(px, py) && dark(px, py)) {
    counts[2] = (counts[2] as number) + 1;
    px -= dx;
    py -= dy;
  }
  for (const [slot, wantDark] of [
    [1, false],
    [0, true],
  ] as const) {
    while (inside(px, py) && dark(px, py) === wantDark && (counts[slot] as number) <= maxRun) {
      counts[slot] = (counts[slot] as number) + 1;
      px -= dx;
      py -= dy;
    }
    if ((counts[slot] as number) > maxRun || (counts[slot] as number) === 0) return null;
  }
  px = x + dx;
  py = y + dy;
  while (inside(px, py) && dark(px, py)) {
    counts[2] = (counts[2] as number) + 1;
    px += dx;
    py += dy;
  }
  for (const [slot, wantDark] of [
    [3, false],
    [4, true],
  ] as const) {
    while (inside(px, py) && dark(px, py) === wantDark && (counts[slot] as number) <= maxRun) {
      counts[slot] = (counts[slot] as number) + 1;
      px += dx;
      py += dy;
    }
    if ((counts[slot] as number) > maxRun || (counts[slot] as number) === 0) return null;
  }
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (Math.abs(total - expected) * 5 > 2 * expected) return null;
  if (finderRatio(counts) === 0) return null;
  // The end of the last run along the axis, minus the outer runs and half the centre.
  const end = dx !== 0 ? px : py;
  const step = dx !== 0 ? dx : dy;
  const center = end - step * ((counts[4] as number) + (counts[3] as number) + (counts[2] as number) / 2);
  return { center, total };
}

/** Finder-pattern candidates of a binarized image (0 dark, 255 light), seen on at least two lines. */
export function findFinderCandidates(image: GrayImage): FinderCandidate[] {
  const { data, width, height } = image;
  const found: FinderCandidate[] = [];
  const counts = new Int32Array(5);
  const consider = (endX: number, y: number) => {
    const module = finderRatio(counts);
    if (module === 0) return false;
    const total = counts.reduce((sum, count) => sum + count, 0);
    const centerX = endX - (counts[4] as number) - (counts[3] as number) - (counts[2] as number) / 2;
    const maxRun = Math.ceil(3 * module) + 2;
    const vertical = crossCheck(image, Math.floor(centerX), y, 0, 1, maxRun, total);
    if (!vertical) return false;
    const centerY = vertical.center;
    const horizontal = crossCheck(image, Math.floor(centerX), Math.floor(centerY), 1, 0, maxRun, total);
    if (!horizontal) return false;
    const x = horizontal.center;
    const size = (horizontal.total + vertical.total) / 14;
    const near = found.find(
      (candidate) =>
        Math.abs(candidate.x - x) <= Math.max(size, candidate.module) * 1.5 &&
        Math.abs(candidate.y - centerY) <= Math.max(size, candidate.module) * 1.5 &&
        Math.abs(candidate.module - size) <= Math.max(1, candidate.module * 0.4),
    );
    if (near) {
      const hits = near.hits + 1;
      near.x = (near.x * near.hits + x) / hits;
      near.y = (near.y * near.hits + centerY) / hits;
      near.module = (near.module * near.hits + size) / hits;
      near.hits = hits;
    } else found.push({ x, y: centerY, module: size, hits: 1 });
    return true;
  };
  // Row by row, as runs of dark and light pixels: every five runs starting with a dark one
  // (dark–light–dark–light–dark) are a possible finder crossing, considered where they end. After a
  // finder is found, the next window starts past it.
  const runs = new Int32Array(width + 1);
  const ends = new Int32Array(width + 1);
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    let runCount = 0;
    let dark = isDark(data[row] as number);
    const firstDark = dark ? 0 : 1;
    let length = 0;
    for (let x = 0; x < width; x += 1) {
      if (isDark(data[row + x] as number) === dark) length += 1;
      else {
        runs[runCount] = length;
        ends[runCount] = x;
        runCount += 1;
        dark = !dark;
        length = 1;
      }
    }
    runs[runCount] = length;
    ends[runCount] = width;
    runCount += 1;
    for (let first = firstDark; first + 4 < runCount;) {
      for (let slot = 0; slot < 5; slot += 1) counts[slot] = runs[first + slot] as number;
      first += consider(ends[first + 4] as number, y) ? 6 : 2;
    }
  }
  return found.filter((candidate) => candidate.hits >= 2);
}

/** Rounds a module count between finder centres to a QR size: 4k + 1 − 7, versions 1–40. */
function gridSpan(modules: number): number | null {
  const size = Math.round((modules + 7 - 1) / 4) * 4 + 1;
  if (size < 21 || size > 177) return null;
  if (Math.abs(size - 7 - modules) > Math.max(2, 0.08 * modules)) return null;
  return size - 7;
}

const add = (a: Point, b: Point): Point => ({ x: a.x + b.x, y: a.y + b.y });
const sub = (a: Point, b: Point): Point => ({ x: a.x - b.x, y: a.y - b.y });
const scale = (a: Point, factor: number): Point => ({ x: a.x * factor, y: a.y * factor });
/** Rotated by +90° or −90°. */
const turn = (a: Point, sign: 1 | -1): Point => ({ x: -sign * a.y, y: sign * a.x });

/**
 * Where a third finder could be, for every pair of visible ones that could belong to one code:
 * the pair being two adjacent corners (the third at a right angle from either, on either side)
 * or opposite corners (the third on either side of the diagonal). Hypotheses on top of a visible
 * candidate, or outside the image, are dropped.
 */
export function missingFinderHypotheses(
  candidates: FinderCandidate[],
  width: number,
  height: number,
): FinderHypothesis[] {
  const hypotheses: FinderHypothesis[] = [];
  for (let i = 0; i < candidates.length; i += 1) {
    for (let j = i + 1; j < candidates.length; j += 1) {
      const a = candidates[i] as FinderCandidate;
      const b = candidates[j] as FinderCandidate;
      const ratio = a.module / b.module;
      if (ratio < 0.7 || ratio > 1.43) continue;
      const module = (a.module + b.module) / 2;
      const ab = sub(b, a);
      const distance = Math.hypot(ab.x, ab.y);
      const push = (c: Point, u: Point, v: Point, corners: Point[]) => {
        const margin = 4.5 * module;
        if (c.x < -margin || c.y < -margin || c.x > width + margin || c.y > height + margin) return;
        const occupied = candidates.some((other) => Math.hypot(other.x - c.x, other.y - c.y) < 4 * module);
        if (occupied) return;
        hypotheses.push({ center: c, u, v, corners, score: 0 });
      };
      const adjacent = gridSpan(distance / module);
      if (adjacent !== null) {
        for (const [corner, other] of [
          [a, b],
          [b, a],
        ] as const) {
          for (const sign of [1, -1] as const) {
            const side = sub(other, corner);
            const c = add(corner, turn(side, sign));
            const u = scale(side, 1 / adjacent);
            const v = scale(turn(side, sign), 1 / adjacent);
            push(c, u, v, [corner, other, c, add(other, turn(side, sign))]);
          }
        }
      }
      const diagonal = gridSpan(distance / module / Math.SQRT2);
      if (diagonal !== null) {
        const middle = scale(add(a, b), 0.5);
        for (const sign of [1, -1] as const) {
          const c = add(middle, scale(turn(ab, sign), 0.5));
          push(c, scale(sub(a, c), 1 / diagonal), scale(sub(b, c), 1 / diagonal), [
            c,
            a,
            b,
            add(a, sub(b, c)),
          ]);
        }
      }
    }
  }
  return hypotheses;
}

/**
 * Three visible finder patterns that can be one code's: one of them (the corner) sees the other
 * two at about a right angle and about the same distance, a QR size away. A finder that is
 * visible to this scan but that blur or glare has damaged enough to defeat the reader's own
 * detector is painted over with an ideal one, the three sharing the grid's module vectors.
 */
export interface FinderTriple {
  /** The three finders (top-left, top-right, bottom-left in the code's own frame), to paint. */
  finders: [FinderHypothesis, FinderHypothesis, FinderHypothesis];
  /** The code's four corner points (finder centres and the fourth corner), for cropping. */
  corners: Point[];
  /** Higher is better: scan lines that crossed the three, less a penalty for a skewed angle. */
  score: number;
}

export function finderTriples(candidates: FinderCandidate[]): FinderTriple[] {
  const triples: FinderTriple[] = [];
  for (const [i, corner] of candidates.entries()) {
    for (let j = 0; j < candidates.length; j += 1) {
      for (let k = j + 1; k < candidates.length; k += 1) {
        if (j === i || k === i) continue;
        const a = candidates[j] as FinderCandidate;
        const b = candidates[k] as FinderCandidate;
        const modules = [corner.module, a.module, b.module];
        if (Math.max(...modules) > 1.5 * Math.min(...modules)) continue;
        const module = (corner.module + a.module + b.module) / 3;
        const toA = sub(a, corner);
        const toB = sub(b, corner);
        const lengthA = Math.hypot(toA.x, toA.y);
        const lengthB = Math.hypot(toB.x, toB.y);
        if (lengthA > 1.33 * lengthB || lengthB > 1.33 * lengthA) continue;
        const cosine = (toA.x * toB.x + toA.y * toB.y) / (lengthA * lengthB);
        if (Math.abs(cosine) > 0.3) continue;
        const span = gridSpan((lengthA + lengthB) / 2 / module);
        if (span === null) continue;
        // In image coordinates (y down) the code's u × v is positive: top-right × bottom-left.
        const [right, down] = toA.x * toB.y - toA.y * toB.x > 0 ? [a, b] : [b, a];
        const u = scale(sub(right, corner), 1 / span);
        const v = scale(sub(down, corner), 1 / span);
        const fourth = add(right, sub(down, corner));
        const corners = [corner, right, down, fourth].map(({ x, y }) => ({ x, y }));
        const finder = ({ x, y }: Point): FinderHypothesis => ({ center: { x, y }, u, v, corners, score: 0 });
        triples.push({
          finders: [finder(corner), finder(right), finder(down)],
          corners,
          score: corner.hits + a.hits + b.hits - 20 * Math.abs(cosine),
        });
      }
    }
  }
  return triples.sort((first, second) => second.score - first.score);
}

/** An axis-aligned rectangle of the image. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

function regionAround(points: Point[], margin: number): Region {
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const x = Math.min(...xs) - margin;
  const y = Math.min(...ys) - margin;
  return { x, y, width: Math.max(...xs) + margin - x, height: Math.max(...ys) + margin - y };
}

/**
 * Where a code may be, best first, from the finder candidates: the square of each triple, then,
 * for each pair a QR size apart, every square the pair can be two corners of (both sides of an
 * edge, or the diagonal), with 8 modules of margin. For cropping before an upscale.
 */
export function codeRegions(candidates: FinderCandidate[]): Region[] {
  const regions: Array<{ region: Region; score: number }> = [];
  for (const triple of finderTriples(candidates)) {
    const module = Math.hypot(triple.finders[0].u.x, triple.finders[0].u.y);
    regions.push({ region: regionAround(triple.corners, 8 * module), score: 1000 + triple.score });
  }
  for (let i = 0; i < candidates.length; i += 1) {
    for (let j = i + 1; j < candidates.length; j += 1) {
      const a = candidates[i] as FinderCandidate;
      const b = candidates[j] as FinderCandidate;
      const ratio = a.module / b.module;
      if (ratio < 0.7 || ratio > 1.43) continue;
      const module = (a.module + b.module) / 2;
      const ab = sub(b, a);
      const distance = Math.hypot(ab.x, ab.y);
      const across = turn(ab, 1);
      let points: Point[] | null = null;
      if (gridSpan(distance / module) !== null) {
        points = [a, b, add(a, across), add(b, across), sub(a, across), sub(b, across)];
      } else if (gridSpan(distance / module / Math.SQRT2) !== null) {
        const middle = scale(add(a, b), 0.5);
        points = [a, b, add(middle, scale(across, 0.5)), sub(middle, scale(across, 0.5))];
      }
      if (points) regions.push({ region: regionAround(points, 8 * module), score: a.hits + b.hits });
    }
  }
  return regions.sort((first, second) => second.score - first.score).map((entry) => entry.region);
}

/** Standard deviation of the image over a disc, a measure of how washed-out that spot is. */
export function spotContrast(image: GrayImage, center: Point, radius: number): number {
  let sum = 0;
  let squares = 0;
  let count = 0;
  const r = Math.max(1, Math.round(radius));
  for (let y = Math.round(center.y) - r; y <= Math.round(center.y) + r; y += 1) {
    if (y < 0 || y >= image.height) continue;
    for (let x = Math.round(center.x) - r; x <= Math.round(center.x) + r; x += 1) {
      if (x < 0 || x >= image.width) continue;
      const value = image.data[y * image.width + x] as number;
      sum += value;
      squares += value * value;
      count += 1;
    }
  }
  if (count === 0) return Infinity;
  const mean = sum / count;
  return Math.sqrt(Math.max(0, squares / count - mean * mean));
}

/** A copy of a binarized image with an ideal finder pattern (and its light border) painted in. */
export function paintFinder(binary: GrayImage, hypothesis: FinderHypothesis): GrayImage {
  const { width, height } = binary;
  const out = new Float32Array(binary.data);
  const { center, u, v } = hypothesis;
  const det = u.x * v.y - u.y * v.x;
  if (Math.abs(det) < 1e-6) return { data: out, width, height };
  const reach = 4.5 * (Math.hypot(u.x, u.y) + Math.hypot(v.x, v.y));
  const x0 = Math.max(0, Math.floor(center.x - reach));
  const x1 = Math.min(width - 1, Math.ceil(center.x + reach));
  const y0 = Math.max(0, Math.floor(center.y - reach));
  const y1 = Math.min(height - 1, Math.ceil(center.y + reach));
  for (let y = y0; y <= y1; y += 1) {
    for (let x = x0; x <= x1; x += 1) {
      const px = x + 0.5 - center.x;
      const py = y + 0.5 - center.y;
      const i = (px * v.y - py * v.x) / det;
      const j = (py * u.x - px * u.y) / det;
      const ring = Math.max(Math.abs(i), Math.abs(j));
      if (ring > 4.5) continue;
      out[y * width + x] = ring <= 1.5 || (ring > 2.5 && ring <= 3.5) ? 0 : 255;
    }
  }
  return { data: out, width, height };
}

/** The ideal finder pattern with its light border at module coordinates (i, j) from its centre. */
function finderModel(i: number, j: number): number {
  const ring = Math.max(Math.abs(i), Math.abs(j));
  return ring <= 1.5 || (ring > 2.5 && ring <= 3.5) ? 0 : 255;
}

const clipLevel = 250;
const sampleOffsets = Array.from(
  { length: 18 },
  (_, index) => Math.floor(index / 2) - 4 + (index % 2 === 0 ? -0.25 : 0.25),
);

/** Inside a clipped (glare) area: the pixel and its neighbours a module away all at the top. */
function isClipped(gray: GrayImage, x: number, y: number, u: Point, v: Point): boolean {
  const at = (px: number, py: number) => {
    const cx = Math.min(gray.width - 1, Math.max(0, Math.round(px)));
    const cy = Math.min(gray.height - 1, Math.max(0, Math.round(py)));
    return (gray.data[cy * gray.width + cx] as number) >= clipLevel;
  };
  return (
    at(x, y) && at(x + u.x, y + u.y) && at(x - u.x, y - u.y) && at(x + v.x, y + v.y) && at(x - v.x, y - v.y)
  );
}

/**
 * Moves a hypothesis to where the finder model best matches what is left of the pattern (the
 * outer ring usually survives a glare that washes out the centre): offsets up to ±3 modules along
 * the grid, half a module apart, scored on the binarized image outside clipped (glare) areas.
 */
export function refineHypothesis(
  binary: GrayImage,
  gray: GrayImage,
  hypothesis: FinderHypothesis,
): FinderHypothesis {
  const { width, height } = binary;
  const { u, v } = hypothesis;
  let best: FinderHypothesis = { ...hypothesis, score: -Infinity };
  let bestScore = -Infinity;
  for (let a = -3; a <= 3; a += 0.5) {
    for (let b = -3; b <= 3; b += 0.5) {
      const cx = hypothesis.center.x + a * u.x + b * v.x;
      const cy = hypothesis.center.y + a * u.y + b * v.y;
      let score = 0;
      let count = 0;
      // Two samples across each module of the 9 × 9 (a quarter module either side of its centre),
      // never on a module boundary; each looks at the pixel the point falls in.
      for (const i of sampleOffsets) {
        for (const j of sampleOffsets) {
          const x = Math.floor(cx + i * u.x + j * v.x);
          const y = Math.floor(cy + i * u.y + j * v.y);
          if (x < 0 || y < 0 || x >= width || y >= height) continue;
          const index = y * width + x;
          if (isClipped(gray, x, y, u, v)) continue;
          score += (binary.data[index] as number) < 128 === (finderModel(i, j) === 0) ? 1 : -1;
          count += 1;
        }
      }
      // Unclipped evidence counts; an offset with almost none left to compare is not preferred.
      const normalized = count < 40 ? -Infinity : score / Math.sqrt(count);
      if (normalized > bestScore) {
        bestScore = normalized;
        best = { ...hypothesis, center: { x: cx, y: cy }, score: normalized };
      }
    }
  }
  return best;
}

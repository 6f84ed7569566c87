// How the app reads an ID card's QR code from a webcam frame: one fast pass that reads nearly
// every frame, then, only when it fails, fallbacks aimed at what defeats it on a card held up to a
// webcam. Chosen by measuring on tests/bench/qr-corpus (tests/bench/qr-decode.bench.ts):
//   fast                 the frame as it is: QR only, one symbol, UTF-8, no rotation or inversion
//                        passes (the QR detector is rotation-invariant; card codes are never
//                        inverted). About 96 % of corpus frames, at a fifth of zxing's default cost.
//   local-mean           sharpened, then binarized against a 17×17 local mean: defocus, motion
//                        blur and glare gradients that zxing's coarser threshold averages away.
//   finder-repair        glare washing out a finder pattern: the two visible ones say where the
//                        third must be, an ideal one is painted there (finder-repair.ts).
//   stretch-sharpen      1.5× across, sharpened: strong perspective (foreshortened modules).
//   upscale-sharpen      1.5×, sharpened: small and blurred codes.
//   upscale-smooth(-more) 2×, smoothed: small and noisy codes.
// The same module runs in the browser worker and in Node; the reader is passed in.
import {
  crop,
  meanThreshold,
  rescale,
  smooth,
  toGray,
  toRgba,
  unsharp,
  type GrayImage,
  type RgbaFrame,
} from './gray-image.ts';
import {
  findFinderCandidates,
  missingFinderHypotheses,
  paintFinder,
  refineHypothesis,
  type FinderHypothesis,
} from './finder-repair.ts';
import type { QrReaderOptions, QrReadResult, ReadBarcodes } from './qr-reader-port.ts';

export interface QrDecodeResult {
  /** The decoded text (UTF-8), exactly as encoded. */
  text: string;
  /** The raw bytes of the code's data, for callers that parse bytes. */
  bytes: Uint8Array;
  /** Time spent on this frame, all attempts included, in milliseconds. */
  ms: number;
  /** Which attempt read it. */
  attempt: QrDecodeAttempt;
}

export const qrDecodeAttempts = [
  'fast',
  'local-mean',
  'finder-repair',
  'stretch-sharpen',
  'upscale-sharpen',
  'upscale-smooth',
  'upscale-smooth-more',
] as const;
export type QrDecodeAttempt = (typeof qrDecodeAttempts)[number];

export interface QrDecodeOptions {
  /**
   * Stop starting fallbacks once this much time has gone on the frame (ms). The fast pass always
   * runs. A live camera passes a budget so that an empty scene costs little; a file decode need not.
   */
  budgetMs?: number;
  /** The attempts to make, in order; all of them by default. */
  attempts?: readonly QrDecodeAttempt[];
  /** The clock, for tests. */
  now?: () => number;
  /** Called after each attempt (the benchmark's per-attempt figures). */
  onAttempt?: (attempt: QrDecodeAttempt, ms: number, decoded: boolean) => void;
}

const fastOptions: QrReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryRotate: false,
  tryInvert: false,
  tryDownscale: true,
  binarizer: 'LocalAverage',
  maxNumberOfSymbols: 1,
  characterSet: 'UTF8',
};

/** For images the strategy has binarized itself (0 or 255): no threshold to find. */
const binaryOptions: QrReaderOptions = { ...fastOptions, binarizer: 'FixedThreshold' };

/**
 * Hypotheses tried per frame by finder-repair, best-matching first. On the corpus every repair
 * that worked was the best match; the next few cover a frame with stray finder-like print.
 */
const maxRepairs = 4;

/** The intermediate images of one frame, computed once, when an attempt first needs them. */
class FrameImages {
  readonly frame: RgbaFrame;
  #gray: GrayImage | null = null;
  #sharpLocal: GrayImage | null = null;
  #wideLocal: GrayImage | null = null;

  constructor(frame: RgbaFrame) {
    this.frame = frame;
  }

  get gray(): GrayImage {
    this.#gray ??= toGray(this.frame);
    return this.#gray;
  }

  /** Unsharp-masked (two 7×7 box passes, amount 2), then a 17×17 local mean threshold. */
  get sharpLocal(): GrayImage {
    this.#sharpLocal ??= meanThreshold(unsharp(this.gray, 3, 2), 8);
    return this.#sharpLocal;
  }

  /** A 33×33 local mean threshold: keeps finder centres whole, for finding the patterns. */
  get wideLocal(): GrayImage {
    this.#wideLocal ??= meanThreshold(this.gray, 16);
    return this.#wideLocal;
  }
}

const isCardQr = (result: QrReadResult) => result.isValid && result.format === 'QRCode';

async function readFirst(read: ReadBarcodes, image: RgbaFrame, options: QrReaderOptions) {
  return (await read(image, options)).find(isCardQr) ?? null;
}

/** The repaired code cropped to its own area (8 modules of margin), which reads faster. */
function repairedCrop(images: FrameImages, hypothesis: FinderHypothesis): RgbaFrame {
  const module = Math.max(
    Math.hypot(hypothesis.u.x, hypothesis.u.y),
    Math.hypot(hypothesis.v.x, hypothesis.v.y),
  );
  const margin = 8 * module;
  const xs = hypothesis.corners.map((point) => point.x);
  const ys = hypothesis.corners.map((point) => point.y);
  const left = Math.floor(Math.min(...xs) - margin);
  const top = Math.floor(Math.min(...ys) - margin);
  const right = Math.ceil(Math.max(...xs) + margin);
  const bottom = Math.ceil(Math.max(...ys) + margin);
  const binary = images.wideLocal;
  const x0 = Math.max(0, left);
  const y0 = Math.max(0, top);
  const region = crop(
    binary,
    x0,
    y0,
    Math.min(binary.width, right) - x0,
    Math.min(binary.height, bottom) - y0,
  );
  const shifted: FinderHypothesis = {
    ...hypothesis,
    center: { x: hypothesis.center.x - x0, y: hypothesis.center.y - y0 },
  };
  return toRgba(paintFinder(region, shifted));
}

async function finderRepair(images: FrameImages, read: ReadBarcodes): Promise<QrReadResult | null> {
  const candidates = findFinderCandidates(images.wideLocal).filter(
    (candidate) => candidate.module >= 1.8 && candidate.hits >= 3,
  );
  if (candidates.length < 2) return null;
  const hypotheses = missingFinderHypotheses(candidates, images.gray.width, images.gray.height)
    .map((hypothesis) => refineHypothesis(images.wideLocal, images.gray, hypothesis))
    .sort((a, b) => b.score - a.score)
    .slice(0, maxRepairs);
  for (const hypothesis of hypotheses) {
    const found = await readFirst(read, repairedCrop(images, hypothesis), binaryOptions);
    if (found) return found;
  }
  return null;
}

const attemptRunners: Record<
  QrDecodeAttempt,
  (images: FrameImages, read: ReadBarcodes) => Promise<QrReadResult | null>
> = {
  fast: (images, read) => readFirst(read, images.frame, fastOptions),
  'local-mean': (images, read) => readFirst(read, toRgba(images.sharpLocal), binaryOptions),
  'finder-repair': finderRepair,
  'stretch-sharpen': (images, read) =>
    readFirst(read, toRgba(unsharp(rescale(images.gray, 1.5, 1), 4, 2)), fastOptions),
  'upscale-sharpen': (images, read) =>
    readFirst(read, toRgba(unsharp(rescale(images.gray, 1.5), 4, 2)), fastOptions),
  'upscale-smooth': (images, read) =>
    readFirst(read, toRgba(smooth(rescale(images.gray, 2), 1)), fastOptions),
  'upscale-smooth-more': (images, read) =>
    readFirst(read, toRgba(smooth(rescale(images.gray, 2), 2)), fastOptions),
};

/** Reads the card QR code in an RGBA frame, or null when no attempt finds one. */
export async function decodeQrFrame(
  frame: RgbaFrame,
  read: ReadBarcodes,
  options: QrDecodeOptions = {},
): Promise<QrDecodeResult | null> {
  const now = options.now ?? (() => performance.now());
  const budget = options.budgetMs ?? Infinity;
  const attempts = options.attempts ?? qrDecodeAttempts;
  const started = now();
  const images = new FrameImages(frame);
  for (const [index, attempt] of attempts.entries()) {
    if (index > 0 && now() - started > budget) break;
    const before = now();
    const found = await attemptRunners[attempt](images, read);
    options.onAttempt?.(attempt, now() - before, found !== null);
    if (found) return { text: found.text, bytes: found.bytes, ms: now() - started, attempt };
  }
  return null;
}

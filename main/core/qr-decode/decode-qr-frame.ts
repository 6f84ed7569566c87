// How the app reads an ID card's QR code from a webcam frame: one fast pass that reads nearly
// every frame, then, only when it fails, fallbacks aimed at what defeats it on a card held up to a
// webcam, the ones that rescue most frames first (a live camera gives each frame a time budget,
// and the attempts after it are skipped). Chosen by measuring on the tuning rounds of
// tests/bench/qr-corpus (tests/bench/qr-decode.bench.ts), judged on rounds never looked at:
//   fast            the frame as it is: QR only, one symbol, UTF-8, no rotation or inversion passes
//                   (the QR detector is rotation-invariant; card codes are never inverted). About
//                   95 % of corpus frames, at a fifth of zxing's default cost.
//   sharpened       unsharp-masked, for the reader's own binarizer: defocus and motion blur.
//   sharp-finders   the sharpened frame binarized against a 25×25 local mean (glare gradients,
//                   uneven light), read as it is, then with ideal finder patterns painted over the
//                   ones this module's scan finds: over all three when they make a code (blur or
//                   glare can leave a finder too damaged for the reader's detector), or a third
//                   where the two visible ones say it must be (glare washing one out;
//                   finder-repair.ts).
//   crop-upscale    where the finders say a code may be, cropped, upscaled 2×, lightly smoothed
//                   and sharpened: small, blurred or compressed codes.
//   smooth-finders  as sharp-finders on the frame smoothed instead: sensor noise, in low contrast.
//   upscale-sharpen 1.5×, sharpened: small and blurred codes the finders did not locate.
//   upscale-smooth  2×, smoothed: small and noisy codes.
//   stretch-sharpen 1.5× across, sharpened: strong perspective (foreshortened modules).
//   upscale-smooth-more  2×, smoothed more: noisier still.
// zxing-wasm's own options (GlobalHistogram binarizer, tryDenoise, downscale factors, tryRotate,
// tryInvert) were tried as fallbacks on the frame and rescued next to nothing; isPure is for
// generated images, not camera frames.
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
  codeRegions,
  findFinderCandidates,
  finderTriples,
  missingFinderHypotheses,
  paintFinder,
  refineHypothesis,
  type FinderCandidate,
  type FinderHypothesis,
  type Point,
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
  'sharpened',
  'sharp-finders',
  'crop-upscale',
  'smooth-finders',
  'upscale-sharpen',
  'upscale-smooth',
  'stretch-sharpen',
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
const binaryOptions: QrReaderOptions = { ...fastOptions, binarizer: 'FixedThreshold', tryDownscale: false };

/** Finder candidates considered per binarized frame (those crossed by most scan lines). */
const maxCandidates = 8;
/** Three-finder codes tried per binarized frame, best first. */
const maxTriples = 2;
/** Missing-finder hypotheses tried per binarized frame, best-matching first. */
const maxRepairs = 4;
/** Code regions cropped and upscaled per frame, best first. */
const maxCropRegions = 2;

/** The intermediate images of one frame, computed once, when an attempt first needs them. */
class FrameImages {
  readonly frame: RgbaFrame;
  #gray: GrayImage | null = null;
  #sharpened: GrayImage | null = null;
  #sharpBinary: GrayImage | null = null;
  #smoothBinary: GrayImage | null = null;
  readonly #candidates = new Map<GrayImage, FinderCandidate[]>();

  constructor(frame: RgbaFrame) {
    this.frame = frame;
  }

  get gray(): GrayImage {
    this.#gray ??= toGray(this.frame);
    return this.#gray;
  }

  /** Unsharp-masked: two 7×7 box passes, amount 2. */
  get sharpened(): GrayImage {
    this.#sharpened ??= unsharp(this.gray, 3, 2);
    return this.#sharpened;
  }

  /** The sharpened frame against a 25×25 local mean: blur, glare gradients, uneven light. */
  get sharpBinary(): GrayImage {
    this.#sharpBinary ??= meanThreshold(this.sharpened, 12);
    return this.#sharpBinary;
  }

  /** Smoothed (two 3×3 box passes), against a 25×25 local mean: sensor noise. */
  get smoothBinary(): GrayImage {
    this.#smoothBinary ??= meanThreshold(smooth(this.gray, 1), 12);
    return this.#smoothBinary;
  }

  /** The finder-pattern candidates of one of the binarized images above. */
  candidates(binary: GrayImage): FinderCandidate[] {
    let found = this.#candidates.get(binary);
    if (!found) {
      found = findFinderCandidates(binary);
      this.#candidates.set(binary, found);
    }
    return found;
  }
}

const isCardQr = (result: QrReadResult) => result.isValid && result.format === 'QRCode';

async function readFirst(read: ReadBarcodes, image: RgbaFrame, options: QrReaderOptions) {
  return (await read(image, options)).find(isCardQr) ?? null;
}

const moduleOf = (finder: FinderHypothesis) =>
  Math.max(Math.hypot(finder.u.x, finder.u.y), Math.hypot(finder.v.x, finder.v.y));

/**
 * The code's area of a binarized frame (8 modules of margin around its corners), with ideal
 * finder patterns painted over the given ones: a crop reads faster than the frame.
 */
function paintedCrop(binary: GrayImage, finders: readonly FinderHypothesis[], corners: Point[]): RgbaFrame {
  const margin = 8 * Math.max(...finders.map(moduleOf));
  const xs = corners.map((point) => point.x);
  const ys = corners.map((point) => point.y);
  const x0 = Math.max(0, Math.floor(Math.min(...xs) - margin));
  const y0 = Math.max(0, Math.floor(Math.min(...ys) - margin));
  const x1 = Math.min(binary.width, Math.ceil(Math.max(...xs) + margin));
  const y1 = Math.min(binary.height, Math.ceil(Math.max(...ys) + margin));
  let region = crop(binary, x0, y0, x1 - x0, y1 - y0);
  for (const finder of finders) {
    region = paintFinder(region, { ...finder, center: { x: finder.center.x - x0, y: finder.center.y - y0 } });
  }
  return toRgba(region);
}

/**
 * Finder patterns this module's own scan sees, on a binarized frame: the frame itself first;
 * then, for three finders that make a code, the code with all three painted ideal (blur or glare
 * can leave a finder visible here but too damaged for the reader's detector); then, for two, a
 * third painted where it must be (finder-repair.ts): where the refinement puts it, and where the
 * other two alone say it is (the refinement can be pulled off by what glare left).
 */
async function finderAttempt(
  images: FrameImages,
  read: ReadBarcodes,
  binary: GrayImage,
): Promise<QrReadResult | null> {
  const plain = await readFirst(read, toRgba(binary), binaryOptions);
  if (plain) return plain;
  const candidates = images
    .candidates(binary)
    .filter((candidate) => candidate.module >= 1.8 && candidate.hits >= 3)
    .sort((a, b) => b.hits - a.hits)
    .slice(0, maxCandidates);
  if (candidates.length < 2) return null;
  for (const triple of finderTriples(candidates).slice(0, maxTriples)) {
    const found = await readFirst(read, paintedCrop(binary, triple.finders, triple.corners), binaryOptions);
    if (found) return found;
  }
  const hypotheses = missingFinderHypotheses(candidates, binary.width, binary.height)
    .map((hypothesis) => ({ raw: hypothesis, refined: refineHypothesis(binary, images.gray, hypothesis) }))
    .sort((a, b) => b.refined.score - a.refined.score)
    .slice(0, maxRepairs);
  for (const { raw, refined } of hypotheses) {
    const apart = Math.hypot(raw.center.x - refined.center.x, raw.center.y - refined.center.y);
    const tries = apart > 0.7 * moduleOf(raw) ? [refined, raw] : [refined];
    for (const hypothesis of tries) {
      const found = await readFirst(
        read,
        paintedCrop(binary, [hypothesis], hypothesis.corners),
        binaryOptions,
      );
      if (found) return found;
    }
  }
  return null;
}

/**
 * Small, blurred or noisy codes: where the finder candidates of the sharpened and the smoothed
 * binarizations say a code may be, that area of the frame, upscaled 2×, lightly smoothed (noise)
 * then sharpened (blur), for the reader's own binarizer.
 */
async function cropUpscale(images: FrameImages, read: ReadBarcodes): Promise<QrReadResult | null> {
  const candidates = [images.sharpBinary, images.smoothBinary].flatMap((binary) =>
    images.candidates(binary).filter((candidate) => candidate.module >= 1.5),
  );
  const regions = codeRegions(candidates).slice(0, maxCropRegions);
  for (const region of regions) {
    const part = crop(images.gray, region.x, region.y, region.width, region.height);
    const found = await readFirst(read, toRgba(unsharp(smooth(rescale(part, 2), 1), 5, 2)), fastOptions);
    if (found) return found;
  }
  return null;
}

const attemptRunners: Record<
  QrDecodeAttempt,
  (images: FrameImages, read: ReadBarcodes) => Promise<QrReadResult | null>
> = {
  fast: (images, read) => readFirst(read, images.frame, fastOptions),
  sharpened: (images, read) => readFirst(read, toRgba(images.sharpened), fastOptions),
  'sharp-finders': (images, read) => finderAttempt(images, read, images.sharpBinary),
  'smooth-finders': (images, read) => finderAttempt(images, read, images.smoothBinary),
  'crop-upscale': cropUpscale,
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

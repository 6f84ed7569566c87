// The webcam QR corpus: every valid card payload of tests/fixtures/id-payloads.json, rendered as
// its QR code (qrcode, error correction M, the version qrcode picks: 6–13 for these payloads) on
// an ID card in 1280×720 frames, through one distortion each (or a combination), with seeded
// randomness: the same corpus on every run. Frames are generated in memory; nothing is written
// into the repository. The ranges below were set from what a webcam does to a card, before any
// decoder was run on them, and are not tuned to a decoder.
import QRCode from 'qrcode';
import { idFixtures } from '../../support/id-fixtures.ts';
import {
  renderCardScene,
  qrCornersInFrame,
  frameHeight,
  frameWidth,
  type CameraPose,
  type CardLook,
  type QrModules,
} from './card-scene.ts';
import {
  addSensorNoise,
  gaussianBlur,
  jpegRoundTrip,
  motionBlur,
  toRgba,
  type FloatImage,
  type RgbaFrame,
} from './image-ops.ts';
import { createRandom, hashSeed, type Random } from './seeded-random.ts';

/** The distortions a frame can carry; `clean` still has a webcam's mild softness and noise. */
export const distortionKinds = [
  'clean',
  'small',
  'rotated-quarter',
  'rotated-free',
  'perspective',
  'defocus',
  'motion-blur',
  'noise',
  'low-contrast',
  'uneven-light',
  'glare',
  'jpeg',
  'combo-2',
  'combo-3',
] as const;
export type DistortionKind = (typeof distortionKinds)[number];

/** The distortions a combination draws from. */
const combinable = [
  'small',
  'rotated-free',
  'perspective',
  'defocus',
  'motion-blur',
  'noise',
  'low-contrast',
  'uneven-light',
  'glare',
  'jpeg',
] as const;
type Combinable = (typeof combinable)[number];

export interface QrCorpusSpec {
  /** `<fixture>/<kind>`. */
  id: string;
  fixture: string;
  payload: string;
  kind: DistortionKind;
  seed: number;
}

/** Everything that decides a frame's pixels, drawn from its seed. */
export interface FrameParameters {
  pose: CameraPose;
  look: CardLook;
  /** The distortions applied, with combinations spelled out. */
  applied: Combinable[];
  exposure: number;
  /** Brightness falling off across the frame (0 = none, 0.7 = the far side at 30 %) and towards the corners. */
  gradient: number;
  gradientAngle: number;
  vignette: number;
  /** Scene contrast squeezed into [mid − range/2, mid + range/2]; null = full contrast. */
  contrast: { mid: number; range: number } | null;
  /** An additive bright blob centred on the code (fractions of the code), sigma in code sides. */
  glare: { x: number; y: number; sigma: number; amplitude: number } | null;
  /** Total Gaussian blur, px (lens softness, plus defocus when applied). */
  blurSigma: number;
  motion: { length: number; angle: number } | null;
  noiseSigma: number;
  jpegQuality: number | null;
}

export interface QrCorpusFrame {
  spec: QrCorpusSpec;
  parameters: FrameParameters;
  frame: RgbaFrame;
}

/** The card payloads the corpus is made of (fixtures whose parse is expected to succeed). */
export function corpusPayloads(): Array<{ fixture: string; payload: string }> {
  return idFixtures()
    .filter((fixture) => fixture.expect.ok)
    .map((fixture) => ({ fixture: fixture.name, payload: fixture.payload }));
}

/**
 * One frame per payload and distortion kind. `round` draws another corpus of the same make-up
 * (other poses, other distortion strengths): round 0 is the benchmark's, the others are for
 * checking that a decoder's figures hold on frames it was not tuned on.
 */
export function qrCorpusSpecs(round = 0): QrCorpusSpec[] {
  return corpusPayloads().flatMap(({ fixture, payload }) =>
    distortionKinds.map((kind) => {
      const name = `${fixture}/${kind}`;
      const id = round === 0 ? name : `${name}#${round}`;
      return { id, fixture, payload, kind, seed: hashSeed(id) };
    }),
  );
}

const moduleCache = new Map<string, QrModules>();

/** The QR code of a payload, as qrcode writes it (byte mode, UTF-8, no ECI, EC level M). */
export function qrModules(payload: string): QrModules {
  let modules = moduleCache.get(payload);
  if (!modules) {
    const code = QRCode.create(payload, { errorCorrectionLevel: 'M' });
    const size = code.modules.size;
    const bits = new Uint8Array(size * size);
    for (let row = 0; row < size; row += 1)
      for (let column = 0; column < size; column += 1)
        bits[row * size + column] = code.modules.get(row, column) ? 1 : 0;
    modules = { size, bits };
    moduleCache.set(payload, modules);
  }
  return modules;
}

/** A severity in [0, 1) for a distortion alone, milder in combinations. */
const severity = (random: Random, combined: boolean) => random.range(0, combined ? 0.6 : 1);
const lerp = (low: number, high: number, t: number) => low + (high - low) * t;

export function frameParameters(spec: QrCorpusSpec): FrameParameters {
  const random = createRandom(spec.seed);
  const modules = qrModules(spec.payload).size;
  const parameters: FrameParameters = {
    pose: {
      modulePx: random.range(3.5, 6),
      rollDeg: random.range(-12, 12),
      tiltXDeg: random.range(-10, 10),
      tiltYDeg: random.range(-10, 10),
      centerX: 0.5,
      centerY: 0.5,
    },
    look: { qrSideMm: random.range(15, 19), seed: random.int(0, 2 ** 31) },
    applied: [],
    exposure: random.range(0.8, 1.05),
    gradient: random.range(0, 0.2),
    gradientAngle: random.range(0, 2 * Math.PI),
    vignette: random.range(0.1, 0.25),
    contrast: null,
    glare: null,
    blurSigma: random.range(0.5, 0.8),
    motion: null,
    noiseSigma: random.range(2, 4),
    jpegQuality: null,
  };
  const combined = spec.kind.startsWith('combo');
  const applied: Combinable[] =
    spec.kind === 'clean'
      ? []
      : spec.kind === 'rotated-quarter'
        ? []
        : spec.kind === 'combo-2'
          ? random.sample(combinable, 2)
          : spec.kind === 'combo-3'
            ? random.sample(combinable, 3)
            : [spec.kind as Combinable];
  if (spec.kind === 'rotated-quarter')
    parameters.pose.rollDeg = random.pick([90, 180, 270]) + random.range(-6, 6);
  parameters.applied = applied;
  let defocus = 0;
  for (const distortion of applied) {
    const s = severity(random, combined);
    const pose = parameters.pose;
    switch (distortion) {
      case 'small':
        pose.modulePx = lerp(3.2, 2.4, s);
        break;
      case 'rotated-free':
        pose.rollDeg = random.range(0, 360);
        break;
      case 'perspective': {
        const tilt = lerp(25, 40, s);
        const azimuth = random.range(0, 2 * Math.PI);
        pose.tiltXDeg = tilt * Math.cos(azimuth);
        pose.tiltYDeg = tilt * Math.sin(azimuth);
        break;
      }
      case 'defocus':
        defocus = lerp(0.25, 0.5, s);
        break;
      case 'motion-blur':
        parameters.motion = { length: lerp(0.6, 1.3, s), angle: random.range(0, Math.PI) };
        break;
      case 'noise':
        parameters.noiseSigma = lerp(10, 22, s);
        break;
      case 'low-contrast':
        parameters.contrast = { mid: random.range(70, 180), range: lerp(70, 40, s) };
        break;
      case 'uneven-light':
        parameters.gradient = lerp(0.5, 0.75, s);
        parameters.vignette = lerp(0.3, 0.5, s);
        break;
      case 'glare':
        parameters.glare = {
          x: random.range(0, 1),
          y: random.range(0, 1),
          sigma: lerp(0.06, 0.14, s),
          amplitude: lerp(150, 300, s),
        };
        break;
      case 'jpeg':
        parameters.jpegQuality = Math.round(lerp(25, 10, s));
        break;
    }
  }
  // Blur and motion are relative to the module size, so they are resolved once the size is known.
  parameters.blurSigma = Math.hypot(parameters.blurSigma, defocus * parameters.pose.modulePx);
  if (parameters.motion) parameters.motion.length *= parameters.pose.modulePx;
  // Anywhere the whole code (and its quiet zone) stays 8 px inside the frame.
  for (let attempt = 0; attempt < 50; attempt += 1) {
    parameters.pose.centerX = random.range(0.15, 0.85);
    parameters.pose.centerY = random.range(0.15, 0.85);
    const corners = qrCornersInFrame(parameters.pose, parameters.look, modules);
    const inside = corners.every(([x, y]) => x >= 8 && y >= 8 && x <= frameWidth - 8 && y <= frameHeight - 8);
    if (inside) break;
    if (attempt === 49) {
      parameters.pose.centerX = 0.5;
      parameters.pose.centerY = 0.5;
    }
  }
  return parameters;
}

/** Lighting, glare and contrast act on the scene, before the lens. */
function light(image: FloatImage, parameters: FrameParameters, corners: Array<[number, number]>): void {
  const { width, height } = image;
  const [red, green, blue] = image.channels;
  const dx = Math.cos(parameters.gradientAngle);
  const dy = Math.sin(parameters.gradientAngle);
  const halfDiagonal = Math.hypot(width, height) / 2;
  const contrast = parameters.contrast;
  const glare = parameters.glare;
  let glareX = 0;
  let glareY = 0;
  let glareSigma = 1;
  if (glare) {
    // Bilinear position inside the code's quadrilateral; sigma relative to its mean side.
    const [a, b, c, d] = corners as [[number, number], [number, number], [number, number], [number, number]];
    const top = [a[0] + (b[0] - a[0]) * glare.x, a[1] + (b[1] - a[1]) * glare.x];
    const bottom = [d[0] + (c[0] - d[0]) * glare.x, d[1] + (c[1] - d[1]) * glare.x];
    glareX = top[0]! + (bottom[0]! - top[0]!) * glare.y;
    glareY = top[1]! + (bottom[1]! - top[1]!) * glare.y;
    const side = (Math.hypot(b[0] - a[0], b[1] - a[1]) + Math.hypot(d[0] - a[0], d[1] - a[1])) / 2;
    glareSigma = glare.sigma * side;
  }
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const index = y * width + x;
      const rx = (x - width / 2) / halfDiagonal;
      const ry = (y - height / 2) / halfDiagonal;
      const along = 0.5 + 0.5 * (rx * dx + ry * dy);
      let gain =
        parameters.exposure *
        (1 - parameters.gradient * along) *
        (1 - parameters.vignette * (rx * rx + ry * ry));
      let offset = 0;
      if (contrast) {
        gain *= contrast.range / 255;
        offset = (contrast.mid - contrast.range / 2) * parameters.exposure;
      }
      if (glare) {
        const gx = x - glareX;
        const gy = y - glareY;
        offset += glare.amplitude * Math.exp(-(gx * gx + gy * gy) / (2 * glareSigma * glareSigma));
      }
      red[index] = red[index]! * gain + offset;
      green[index] = green[index]! * gain + offset;
      blue[index] = blue[index]! * gain + offset;
    }
  }
}

export function renderQrCorpusFrame(spec: QrCorpusSpec): QrCorpusFrame {
  const parameters = frameParameters(spec);
  const modules = qrModules(spec.payload);
  const image = renderCardScene(modules, parameters.pose, parameters.look);
  light(image, parameters, qrCornersInFrame(parameters.pose, parameters.look, modules.size));
  gaussianBlur(image, parameters.blurSigma);
  if (parameters.motion) motionBlur(image, parameters.motion.length, parameters.motion.angle);
  addSensorNoise(image, parameters.noiseSigma, createRandom(spec.seed ^ 0x9e3779b9));
  let frame = toRgba(image);
  if (parameters.jpegQuality !== null) frame = jpegRoundTrip(frame, parameters.jpegQuality);
  return { spec, parameters, frame };
}

/** Any text as a corpus frame of a given kind (for tests: payloads that are not in the fixtures). */
export function renderPayloadFrame(
  payload: string,
  kind: DistortionKind = 'clean',
  name = 'test',
): RgbaFrame {
  const id = `${name}/${kind}`;
  return renderQrCorpusFrame({ id, fixture: name, payload, kind, seed: hashSeed(id) }).frame;
}

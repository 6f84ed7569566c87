// A webcam's view of an ID card: the card (85.6 × 54 mm, QR code top right, photo, text lines,
// emblem, a faint guilloche) lying on a desk, seen through a pinhole camera (f = 1000 px, about
// 65° across a 1280 px frame) from a pose: in-plane rotation, tilt of the card, distance (given as
// the size of one QR module in pixels at the code's centre) and where the code's centre lands.
import { createFloatImage, type FloatImage } from './image-ops.ts';
import { createRandom } from './seeded-random.ts';

export const frameWidth = 1280;
export const frameHeight = 720;
const focalPx = 1000;
const cardWidthMm = 85.6;
const cardHeightMm = 54;
const cardCornerMm = 3;
const quietModules = 4;

export interface QrModules {
  size: number;
  /** 1 for a dark module, row-major. */
  bits: Uint8Array;
}

export interface CameraPose {
  /** Size of a module at the code's centre, in pixels. */
  modulePx: number;
  /** In-plane rotation of the card, degrees. */
  rollDeg: number;
  /** Tilt of the card about the camera's horizontal and vertical axes, degrees. */
  tiltXDeg: number;
  tiltYDeg: number;
  /** Where the centre of the code lands in the frame, as fractions of its width and height (0–1). */
  centerX: number;
  centerY: number;
}

export interface CardLook {
  qrSideMm: number;
  /** Seed of the card's decoration and the desk. */
  seed: number;
}

type Matrix3 = [number, number, number, number, number, number, number, number, number];

function multiply(a: Matrix3, b: Matrix3): Matrix3 {
  const out = new Array<number>(9) as Matrix3;
  for (let row = 0; row < 3; row += 1)
    for (let column = 0; column < 3; column += 1) {
      let sum = 0;
      for (let k = 0; k < 3; k += 1) sum += (a[row * 3 + k] as number) * (b[k * 3 + column] as number);
      out[row * 3 + column] = sum;
    }
  return out;
}

function invert(m: Matrix3): Matrix3 {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [
    A / det,
    -(b * i - c * h) / det,
    (b * f - c * e) / det,
    B / det,
    (a * i - c * g) / det,
    -(a * f - c * d) / det,
    C / det,
    -(a * h - b * g) / det,
    (a * e - b * d) / det,
  ];
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

function rotation(pose: CameraPose): Matrix3 {
  const roll = radians(pose.rollDeg);
  const tx = radians(pose.tiltXDeg);
  const ty = radians(pose.tiltYDeg);
  const rz: Matrix3 = [Math.cos(roll), -Math.sin(roll), 0, Math.sin(roll), Math.cos(roll), 0, 0, 0, 1];
  const rx: Matrix3 = [1, 0, 0, 0, Math.cos(tx), -Math.sin(tx), 0, Math.sin(tx), Math.cos(tx)];
  const ry: Matrix3 = [Math.cos(ty), 0, Math.sin(ty), 0, 1, 0, -Math.sin(ty), 0, Math.cos(ty)];
  return multiply(rx, multiply(ry, rz));
}

/** Where the QR code sits on the card (top right, 4 mm from the edges). */
export function qrPlacement(look: CardLook, modules: number) {
  const moduleMm = look.qrSideMm / modules;
  const left = cardWidthMm - 4 - look.qrSideMm;
  const top = 4;
  return { moduleMm, left, top, centerX: left + look.qrSideMm / 2, centerY: top + look.qrSideMm / 2 };
}

/** The homography from card millimetres to frame pixels for a pose. */
export function cardToFrame(pose: CameraPose, look: CardLook, modules: number): Matrix3 {
  const qr = qrPlacement(look, modules);
  const r = rotation(pose);
  const distance = (focalPx * qr.moduleMm) / pose.modulePx;
  const cx = frameWidth / 2;
  const cy = frameHeight / 2;
  const t = [
    ((pose.centerX * frameWidth - cx) * distance) / focalPx,
    ((pose.centerY * frameHeight - cy) * distance) / focalPx,
    distance,
  ];
  // camera = X·r1 + Y·r2 + (t − cX·r1 − cY·r2), then the intrinsics.
  const t0 = [0, 1, 2].map(
    (row) =>
      (t[row] as number) - qr.centerX * (r[row * 3] as number) - qr.centerY * (r[row * 3 + 1] as number),
  );
  const extrinsic: Matrix3 = [r[0], r[1], t0[0]!, r[3], r[4], t0[1]!, r[6], r[7], t0[2]!];
  const intrinsic: Matrix3 = [focalPx, 0, cx, 0, focalPx, cy, 0, 0, 1];
  return multiply(intrinsic, extrinsic);
}

export function project(h: Matrix3, x: number, y: number): [number, number] {
  const w = h[6] * x + h[7] * y + h[8];
  return [(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w];
}

/** The four corners (with the quiet zone) of the code in the frame. */
export function qrCornersInFrame(pose: CameraPose, look: CardLook, modules: number): Array<[number, number]> {
  const h = cardToFrame(pose, look, modules);
  const qr = qrPlacement(look, modules);
  const margin = quietModules * qr.moduleMm;
  const x0 = qr.left - margin;
  const y0 = qr.top - margin;
  const x1 = qr.left + look.qrSideMm + margin;
  const y1 = qr.top + look.qrSideMm + margin;
  return [project(h, x0, y0), project(h, x1, y0), project(h, x1, y1), project(h, x0, y1)];
}

const decorationPxPerMm = 6;

/** The card's printing, except the QR code: a small RGB texture sampled bilinearly. */
function cardDecoration(seed: number, qrLeft: number, qrBottom: number) {
  const random = createRandom(seed ^ 0x5eed);
  const width = Math.ceil(cardWidthMm * decorationPxPerMm) + 1;
  const height = Math.ceil(cardHeightMm * decorationPxPerMm) + 1;
  const texture = new Float32Array(width * height * 3);
  const tint = random.pick([
    [222, 234, 240],
    [236, 230, 214],
    [226, 238, 226],
  ]);
  const phase = random.range(0, 10);
  const set = (x: number, y: number, color: readonly number[]) => {
    const index = (y * width + x) * 3;
    texture[index] = color[0] as number;
    texture[index + 1] = color[1] as number;
    texture[index + 2] = color[2] as number;
  };
  const fillRect = (x0: number, y0: number, x1: number, y1: number, color: readonly number[]) => {
    for (
      let y = Math.max(0, Math.round(y0 * decorationPxPerMm));
      y < Math.min(height, y1 * decorationPxPerMm);
      y += 1
    )
      for (
        let x = Math.max(0, Math.round(x0 * decorationPxPerMm));
        x < Math.min(width, x1 * decorationPxPerMm);
        x += 1
      )
        set(x, y, color);
  };
  const fillEllipse = (cx: number, cy: number, rx: number, ry: number, color: readonly number[]) => {
    for (let y = Math.round((cy - ry) * decorationPxPerMm); y <= (cy + ry) * decorationPxPerMm; y += 1)
      for (let x = Math.round((cx - rx) * decorationPxPerMm); x <= (cx + rx) * decorationPxPerMm; x += 1) {
        const dx = (x / decorationPxPerMm - cx) / rx;
        const dy = (y / decorationPxPerMm - cy) / ry;
        if (x >= 0 && y >= 0 && x < width && y < height && dx * dx + dy * dy <= 1) set(x, y, color);
      }
  };
  // Background: a pale tint with a faint guilloche of wavy lines.
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const mmX = x / decorationPxPerMm;
      const mmY = y / decorationPxPerMm;
      const wave = Math.sin(mmY * 1.7 + 2.2 * Math.sin(mmX * 0.35 + phase)) * Math.sin(mmX * 0.9 + mmY * 0.2);
      const shade = 7 * wave - 0.08 * mmX;
      set(x, y, [tint[0]! + shade, tint[1]! + shade, tint[2]! + shade * 0.6]);
    }
  // The emblem, the header, the photo.
  fillEllipse(9, 9, 6, 6, [196, 48, 44]);
  fillEllipse(9, 9, 2.6, 2.6, [236, 200, 60]);
  const ink = [48, 44, 70];
  const words = (x0: number, x1: number, y: number, tall: number, color: readonly number[]) => {
    for (let x = x0; x < x1;) {
      const length = random.range(2, 9);
      fillRect(x, y, Math.min(x1, x + length), y + tall, color);
      x += length + random.range(0.8, 1.6);
    }
  };
  words(18, qrLeft - 3, 4.5, 1.8, [150, 40, 40]);
  words(22, qrLeft - 6, 8, 1.5, [150, 40, 40]);
  fillRect(3, 17, 23, 44, [180, 196, 214]);
  fillEllipse(13, 26, 5, 6.5, [120, 96, 84]);
  fillEllipse(13, 41, 9, 5, [60, 64, 80]);
  // Text lines; those level with the code stop before it.
  for (let y = 14; y < 50; y += random.range(4.2, 5.2)) {
    const right = y < qrBottom + 2 ? qrLeft - 2.5 : cardWidthMm - 4;
    words(26, right, y, 1.7, ink);
  }
  const sample = (mmX: number, mmY: number, out: Float32Array) => {
    const x = Math.min(width - 1.001, Math.max(0, mmX * decorationPxPerMm));
    const y = Math.min(height - 1.001, Math.max(0, mmY * decorationPxPerMm));
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    const fx = x - x0;
    const fy = y - y0;
    const i00 = (y0 * width + x0) * 3;
    const i10 = i00 + 3;
    const i01 = i00 + width * 3;
    const i11 = i01 + 3;
    for (let c = 0; c < 3; c += 1) {
      const top = texture[i00 + c]! * (1 - fx) + texture[i10 + c]! * fx;
      const bottom = texture[i01 + c]! * (1 - fx) + texture[i11 + c]! * fx;
      out[c] = top * (1 - fy) + bottom * fy;
    }
  };
  return sample;
}

function insideCard(x: number, y: number): boolean {
  if (x < 0 || y < 0 || x > cardWidthMm || y > cardHeightMm) return false;
  const cx = Math.min(Math.max(x, cardCornerMm), cardWidthMm - cardCornerMm);
  const cy = Math.min(Math.max(y, cardCornerMm), cardHeightMm - cardCornerMm);
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= cardCornerMm * cardCornerMm;
}

/** Renders the scene (before lighting, optics and sensor) as a float RGB image. */
export function renderCardScene(modules: QrModules, pose: CameraPose, look: CardLook): FloatImage {
  const random = createRandom(look.seed);
  const image = createFloatImage(frameWidth, frameHeight);
  const [red, green, blue] = image.channels;
  const n = modules.size;
  const qr = qrPlacement(look, n);
  const toCard = invert(cardToFrame(pose, look, n));
  const decoration = cardDecoration(look.seed, qr.left, qr.top + look.qrSideMm);
  const inkLevel = random.range(22, 45);
  const ink = [inkLevel, inkLevel, inkLevel + random.range(0, 12)];
  const paperLevel = random.range(224, 242);
  const paper = [paperLevel, paperLevel, paperLevel - random.range(0, 8)];
  const quiet = quietModules * qr.moduleMm;
  const plainLeft = qr.left - quiet;
  const plainTop = qr.top - quiet;
  const plainRight = qr.left + look.qrSideMm + quiet;
  const plainBottom = qr.top + look.qrSideMm + quiet;

  // The desk: a base colour with slow waves along both axes.
  const desk = random.pick([
    [92, 92, 98],
    [122, 88, 62],
    [44, 44, 50],
    [178, 176, 170],
  ]);
  const rowWave = new Float32Array(frameHeight);
  const columnWave = new Float32Array(frameWidth);
  const [fx, fy, px, py] = [
    random.range(0.004, 0.02),
    random.range(0.004, 0.02),
    random.range(0, 6),
    random.range(0, 6),
  ];
  for (let x = 0; x < frameWidth; x += 1) columnWave[x] = 14 * Math.sin(x * fx + px);
  for (let y = 0; y < frameHeight; y += 1) rowWave[y] = 10 * Math.sin(y * fy + py);

  // Pixels near the code are supersampled 3×3 (its edges must be antialiased like a lens does);
  // the rest of the frame, smooth print and desk, takes one sample.
  const corners = qrCornersInFrame(pose, look, n);
  const minX = Math.floor(Math.min(...corners.map((corner) => corner[0]))) - 2;
  const maxX = Math.ceil(Math.max(...corners.map((corner) => corner[0]))) + 2;
  const minY = Math.floor(Math.min(...corners.map((corner) => corner[1]))) - 2;
  const maxY = Math.ceil(Math.max(...corners.map((corner) => corner[1]))) + 2;

  const color = new Float32Array(3);
  const sampleAt = (u: number, v: number, x: number, y: number) => {
    const w = toCard[6] * u + toCard[7] * v + toCard[8];
    const cardX = (toCard[0] * u + toCard[1] * v + toCard[2]) / w;
    const cardY = (toCard[3] * u + toCard[4] * v + toCard[5]) / w;
    if (w <= 0 || !insideCard(cardX, cardY)) {
      const level = (columnWave[x] as number) + (rowWave[y] as number);
      color[0] = desk[0]! + level;
      color[1] = desk[1]! + level;
      color[2] = desk[2]! + level;
    } else if (cardX >= plainLeft && cardX < plainRight && cardY >= plainTop && cardY < plainBottom) {
      const column = Math.floor((cardX - qr.left) / qr.moduleMm);
      const row = Math.floor((cardY - qr.top) / qr.moduleMm);
      const dark = row >= 0 && column >= 0 && row < n && column < n && modules.bits[row * n + column] === 1;
      const tone = dark ? ink : paper;
      color[0] = tone[0]!;
      color[1] = tone[1]!;
      color[2] = tone[2]!;
    } else decoration(cardX, cardY, color);
  };

  const sub = [1 / 6, 3 / 6, 5 / 6];
  for (let y = 0; y < frameHeight; y += 1) {
    for (let x = 0; x < frameWidth; x += 1) {
      const index = y * frameWidth + x;
      if (x >= minX && x <= maxX && y >= minY && y <= maxY) {
        let r = 0;
        let g = 0;
        let b = 0;
        for (const dy of sub)
          for (const dx of sub) {
            sampleAt(x + dx, y + dy, x, y);
            r += color[0]!;
            g += color[1]!;
            b += color[2]!;
          }
        red[index] = r / 9;
        green[index] = g / 9;
        blue[index] = b / 9;
      } else {
        sampleAt(x + 0.5, y + 0.5, x, y);
        red[index] = color[0]!;
        green[index] = color[1]!;
        blue[index] = color[2]!;
      }
    }
  }
  return image;
}

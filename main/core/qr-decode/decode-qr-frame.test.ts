import { describe, expect, it } from 'vitest';
import { decodeQrFrame, qrDecodeAttempts, type QrDecodeAttempt } from './decode-qr-frame.ts';
import type { RgbaFrame } from './gray-image.ts';
import type { QrReaderOptions, QrReadResult, ReadBarcodes } from './qr-reader-port.ts';

const frame: RgbaFrame = { width: 32, height: 24, data: new Uint8ClampedArray(32 * 24 * 4).fill(200) };
const position = {
  topLeft: { x: 0, y: 0 },
  topRight: { x: 1, y: 0 },
  bottomLeft: { x: 0, y: 1 },
  bottomRight: { x: 1, y: 1 },
};
const payload = '060067086171|186059021|Nguyễn Thành Tuấn|26061967|Nam|Tiền Giang|12062021';
const read = (text: string, extra: Partial<QrReadResult> = {}): QrReadResult => ({
  isValid: true,
  format: 'QRCode',
  text,
  bytes: new TextEncoder().encode(text),
  position,
  ...extra,
});

/** A reader that answers the n-th call with `answers[n]` and records what it was given. */
function scriptedReader(answers: QrReadResult[][]) {
  const calls: Array<{ image: RgbaFrame; options: QrReaderOptions }> = [];
  const reader: ReadBarcodes = async (image, options) => {
    calls.push({ image, options });
    return answers[calls.length - 1] ?? [];
  };
  return { reader, calls };
}

describe('decodeQrFrame', () => {
  it('reads with the fast pass on the frame itself: QR only, one symbol, UTF-8, no rotation or inversion', async () => {
    const { reader, calls } = scriptedReader([[read(payload)]]);
    const found = await decodeQrFrame(frame, reader);
    expect(found).toMatchObject({ text: payload, attempt: 'fast' });
    expect(new TextDecoder().decode(found!.bytes)).toBe(payload);
    expect(found!.ms).toBeGreaterThanOrEqual(0);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.image).toBe(frame);
    expect(calls[0]!.options).toEqual({
      formats: ['QRCode'],
      tryHarder: true,
      tryRotate: false,
      tryInvert: false,
      tryDownscale: true,
      binarizer: 'LocalAverage',
      maxNumberOfSymbols: 1,
      characterSet: 'UTF8',
    });
  });

  it('makes every attempt on a frame without a code, and never hands the reader an option whose value is undefined', async () => {
    const { reader, calls } = scriptedReader([]);
    const seen: QrDecodeAttempt[] = [];
    expect(await decodeQrFrame(frame, reader, { onAttempt: (attempt) => seen.push(attempt) })).toBeNull();
    expect(seen).toEqual([...qrDecodeAttempts]);
    // A blank frame has no finder patterns: the attempts that paint or crop around them read nothing
    // more than the binarized frame (or nothing at all).
    expect(calls.length).toBeGreaterThanOrEqual(qrDecodeAttempts.length - 2);
    for (const { options } of calls) {
      for (const [key, value] of Object.entries(options)) expect(value, key).not.toBeUndefined();
    }
  });

  it('ignores invalid results and other symbologies, and falls back to the next attempt', async () => {
    const { reader, calls } = scriptedReader([
      [read('garbled', { isValid: false }), read('micro', { format: 'MicroQRCode' })],
      [read(payload)],
    ]);
    const found = await decodeQrFrame(frame, reader);
    expect(found).toMatchObject({ text: payload, attempt: 'sharpened' });
    // The first fallback gives the reader a sharpened gray copy, for its own binarizer.
    const second = calls[1]!;
    expect(second.options.binarizer).toBe('LocalAverage');
    expect(second.image).not.toBe(frame);
    expect([second.image.width, second.image.height]).toEqual([32, 24]);
  });

  it('hands a binarized copy (0 or 255, gray) to the reader without a threshold of its own', async () => {
    const { reader, calls } = scriptedReader([[], [], [read(payload)]]);
    const found = await decodeQrFrame(frame, reader);
    expect(found).toMatchObject({ text: payload, attempt: 'sharp-finders' });
    const third = calls[2]!;
    expect(third.options.binarizer).toBe('FixedThreshold');
    expect([third.image.width, third.image.height]).toEqual([32, 24]);
    expect(third.image.data.every((value) => value === 0 || value === 255)).toBe(true);
  });

  it('stops starting fallbacks once the budget is spent, but always makes the fast pass', async () => {
    let clock = 0;
    const slowReader: ReadBarcodes = async () => {
      clock += 100;
      return [];
    };
    const seen: QrDecodeAttempt[] = [];
    const found = await decodeQrFrame(frame, slowReader, {
      budgetMs: 150,
      now: () => clock,
      onAttempt: (attempt, ms, decoded) => {
        seen.push(attempt);
        expect(decoded).toBe(false);
        expect(ms).toBeGreaterThan(0);
      },
    });
    expect(found).toBeNull();
    expect(seen).toEqual(['fast', 'sharpened']);
    expect(
      await decodeQrFrame(frame, slowReader, { budgetMs: 0, now: () => clock, onAttempt: () => undefined }),
    ).toBeNull();
  });

  it('makes only the attempts asked for', async () => {
    const { reader, calls } = scriptedReader([[], [read(payload)]]);
    const found = await decodeQrFrame(frame, reader, { attempts: ['fast', 'upscale-smooth'] });
    expect(found?.attempt).toBe('upscale-smooth');
    expect(calls[1]!.image.width).toBe(64);
    expect(calls[1]!.options.binarizer).toBe('LocalAverage');
  });
});

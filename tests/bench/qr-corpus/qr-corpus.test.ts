import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { qrCornersInFrame, frameHeight, frameWidth } from './card-scene.ts';
import { qrCorpusVersion } from './corpus-cache.ts';
import { decodeFrame, encodeFrame } from './frame-codec.ts';
import { generateQrCorpus } from './generate-corpus.ts';
import {
  corpusPayloads,
  distortionKinds,
  frameParameters,
  qrCorpusSpecs,
  qrModules,
  renderQrCorpusFrame,
} from './qr-corpus.ts';

const digest = (data: Uint8ClampedArray) => createHash('sha256').update(data).digest('hex');

describe('QR corpus', () => {
  it('has one frame per valid card payload and distortion kind, each with its own seed', () => {
    const specs = qrCorpusSpecs();
    expect(corpusPayloads().length).toBeGreaterThanOrEqual(20);
    expect(specs).toHaveLength(corpusPayloads().length * distortionKinds.length);
    expect(new Set(specs.map((spec) => spec.id)).size).toBe(specs.length);
    expect(new Set(specs.map((spec) => spec.seed)).size).toBe(specs.length);
    expect(qrCorpusSpecs()).toEqual(specs);
    const other = qrCorpusSpecs(1);
    expect(other.map((spec) => spec.payload)).toEqual(specs.map((spec) => spec.payload));
    expect(other.some((spec, index) => spec.seed === specs[index]?.seed)).toBe(false);
  });

  it('draws the same parameters for a spec every time, within the documented ranges', () => {
    for (const spec of qrCorpusSpecs()) {
      const parameters = frameParameters(spec);
      expect(frameParameters(spec)).toEqual(parameters);
      expect(parameters.pose.modulePx).toBeGreaterThanOrEqual(2.4);
      expect(parameters.pose.modulePx).toBeLessThanOrEqual(6);
      if (spec.kind === 'small') expect(parameters.pose.modulePx).toBeLessThanOrEqual(3.2);
      if (spec.kind === 'glare') expect(parameters.glare).not.toBeNull();
      if (spec.kind === 'jpeg') expect(parameters.jpegQuality).toBeLessThanOrEqual(25);
      if (spec.kind === 'combo-3') expect(parameters.applied).toHaveLength(3);
      // The whole code and its quiet zone are in the frame.
      for (const [x, y] of qrCornersInFrame(parameters.pose, parameters.look, qrModules(spec.payload).size)) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(frameWidth);
        expect(y).toBeLessThanOrEqual(frameHeight);
      }
    }
  });

  it('renders the same pixels for the same spec, in-process and in worker threads', async () => {
    const specs = qrCorpusSpecs().filter((spec) =>
      ['cccd-2021-0/motion-blur', 'bhyt-2021-0/jpeg', 'cancuoc-2024-adult-1/combo-3'].includes(spec.id),
    );
    expect(specs).toHaveLength(3);
    const first = specs.map((spec) => renderQrCorpusFrame(spec));
    const again = specs.map((spec) => renderQrCorpusFrame(spec));
    const threaded = await generateQrCorpus(specs, { workers: 2 });
    for (const [index, frame] of first.entries()) {
      expect(frame.frame.width).toBe(1280);
      expect(frame.frame.height).toBe(720);
      expect(digest(again[index]!.frame.data)).toBe(digest(frame.frame.data));
      expect(digest(threaded[index]!.frame.data)).toBe(digest(frame.frame.data));
      expect(threaded[index]!.spec.id).toBe(frame.spec.id);
      expect(threaded[index]!.parameters).toEqual(frame.parameters);
    }
    // Different specs are different pictures.
    expect(new Set(first.map((frame) => digest(frame.frame.data))).size).toBe(3);
  });

  it('stores a frame losslessly for the on-disk cache, and names the cache by the generator version', () => {
    const { frame } = renderQrCorpusFrame(qrCorpusSpecs().find((spec) => spec.kind === 'jpeg')!);
    const bytes = encodeFrame(frame);
    expect(bytes.length).toBeLessThan(frame.data.length);
    const back = decodeFrame(bytes);
    expect([back.width, back.height]).toEqual([frame.width, frame.height]);
    expect(digest(back.data)).toBe(digest(frame.data));
    // A tiny frame with extreme neighbours (the left-difference wraps around 255).
    const tiny = {
      width: 3,
      height: 2,
      data: new Uint8ClampedArray([
        0, 255, 1, 255, 255, 0, 254, 255, 7, 7, 7, 255, 9, 8, 7, 255, 0, 0, 0, 255, 255, 255, 255, 255,
      ]),
    };
    expect(Array.from(decodeFrame(encodeFrame(tiny)).data)).toEqual(Array.from(tiny.data));
    expect(() => encodeFrame({ width: 1, height: 1, data: new Uint8ClampedArray([1, 2, 3, 0]) })).toThrow();
    expect(() => decodeFrame(new Uint8Array(20))).toThrow();
    expect(qrCorpusVersion()).toMatch(/^[0-9a-f]{16}$/);
    expect(qrCorpusVersion()).toBe(qrCorpusVersion());
  });
});

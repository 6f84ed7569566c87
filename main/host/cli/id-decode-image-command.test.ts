import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { idFixture } from '../../../tests/support/id-fixtures.ts';
import { makeTemporaryDirectory } from '../../../tests/support/temporary-directory.ts';
import { renderPayloadFrame } from '../../../tests/bench/qr-corpus/qr-corpus.ts';
import { run } from './id-decode-image-command.ts';

class Collector extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

async function cli(args: string[]) {
  const stdout = new Collector();
  const stderr = new Collector();
  const code = await run(args, { stdin: Readable.from([]), stdout, stderr });
  const lines = stdout.text.split('\n').filter((line) => line.length > 0);
  return { code, results: lines.map((line) => JSON.parse(line)), stderr: stderr.text };
}

const directory = makeTemporaryDirectory('decode-image');
afterAll(() => directory.remove());

function writePng(name: string, frame: { width: number; height: number; data: Uint8ClampedArray }): string {
  const png = new PNG({ width: frame.width, height: frame.height });
  png.data = Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.data.byteLength);
  const file = path.join(directory.path, name);
  writeFileSync(file, PNG.sync.write(png));
  return file;
}

function writeJpeg(name: string, frame: { width: number; height: number; data: Uint8ClampedArray }): string {
  const file = path.join(directory.path, name);
  writeFileSync(file, jpeg.encode({ width: frame.width, height: frame.height, data: frame.data }, 85).data);
  return file;
}

const cccd = idFixture('cccd-2021-0');
const bhyt = idFixture('bhyt-2021-0');
const cccdPng = writePng('cccd.png', renderPayloadFrame(cccd.payload, 'rotated-free'));
const bhytJpeg = writeJpeg('bhyt.jpg', renderPayloadFrame(bhyt.payload, 'perspective'));
const urlPng = writePng('url.png', renderPayloadFrame('https://vssid.vn/install'));
const blank = { width: 64, height: 48, data: new Uint8ClampedArray(64 * 48 * 4).fill(200) };
const blankPng = writePng('blank.png', blank);
const brokenPng = path.join(directory.path, 'broken.png');
writeFileSync(brokenPng, Buffer.concat([PNG.sync.write(new PNG({ width: 8, height: 8 })).subarray(0, 40)]));
const notAnImage = path.join(directory.path, 'notes.txt');
writeFileSync(notAnImage, 'not an image at all\n');

describe('id decode-image command', () => {
  it('prints, per file in order, the card parse with the raw QR text and the decode time', async () => {
    const { code, results } = await cli(['--today', '2025-06-01', cccdPng, bhytJpeg]);
    expect(code).toBe(0);
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({ file: cccdPng, ok: true, kind: 'cccd', raw: cccd.payload });
    expect(results[0].fields.fullName).toBe('Nguyễn Thành Tuấn');
    expect(results[1]).toMatchObject({ file: bhytJpeg, ok: true, kind: 'bhyt', raw: bhyt.payload });
    for (const result of results) expect(result.ms).toBeGreaterThan(0);
  });

  it('gives every file its line, unreadable ones with raw null and an error code, and exits 2', async () => {
    const missing = path.join(directory.path, 'missing.png');
    const { code, results } = await cli([missing, notAnImage, brokenPng, blankPng, urlPng, cccdPng]);
    expect(code).toBe(2);
    expect(results.map((result) => result.file)).toEqual([
      missing,
      notAnImage,
      brokenPng,
      blankPng,
      urlPng,
      cccdPng,
    ]);
    expect(results.map((result) => (result.ok ? 'ok' : result.error.code))).toEqual([
      'file-unreadable',
      'not-an-image',
      'image-corrupt',
      'qr-not-found',
      'not-an-id-payload',
      'ok',
    ]);
    expect(results.map((result) => result.raw)).toEqual([
      null,
      null,
      null,
      null,
      'https://vssid.vn/install',
      cccd.payload,
    ]);
    for (const result of results.slice(0, 4)) expect(result.error.message).toMatch(/\S/);
  });

  it('uses --today for BHYT validity', async () => {
    const before = await cli(['--today', '2025-06-01', bhytJpeg]);
    const earlier = await cli(['--today=2020-01-01', bhytJpeg]);
    expect(before.results[0].warnings).toEqual([]);
    expect(earlier.results[0].warnings.map((warning: { code: string }) => warning.code)).toEqual([
      'card-not-yet-valid',
    ]);
  });

  it('answers a usage error with 64 and the usage on stderr', async () => {
    for (const args of [[], ['--today', 'tomorrow', cccdPng], ['--frobnicate', cccdPng], ['--today']]) {
      const { code, results, stderr } = await cli(args);
      expect(code, args.join(' ')).toBe(64);
      expect(results).toEqual([]);
      expect(stderr).toContain('id decode-image');
    }
    expect((await cli(['--help'])).code).toBe(0);
  });
});

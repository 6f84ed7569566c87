import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { idFixture } from '../../../tests/support/id-fixtures.ts';
import { encodeHidPosReports, reportHex } from '../../devices/hid-pos/encode-hid-pos-reports.ts';
import { hidPosLayouts, type HidPosLayout } from '../../devices/hid-pos/hid-pos-layouts.ts';
import { run } from './scan-hid-decode-command.ts';

class Collector extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

async function cli(args: string[], input: string | Readable = '', stdout = new Collector()) {
  const stderr = new Collector();
  const stdin = typeof input === 'string' ? Readable.from([Buffer.from(input)]) : input;
  const code = await run(args, { stdin, stdout, stderr });
  const lines = stdout.text.split('\n').filter((line) => line.length > 0);
  return { code, results: lines.map((line) => JSON.parse(line)), stderr: stderr.text };
}

const hexLines = (payload: string | Uint8Array, layout: HidPosLayout) =>
  encodeHidPosReports(payload, layout).map((report) => `${reportHex(report)}\n`);

const cccd = idFixture('cccd-2021-0');
const bhyt = idFixture('bhyt-2021-0');

describe('scan hid-decode command', () => {
  it.each(hidPosLayouts)('decodes a multi-report %s scan and parses it', async (layout) => {
    const input = hexLines(cccd.payload, layout).join('');
    for (const args of [[], ['--layout', layout], [`--layout=${layout}`]]) {
      const { code, results } = await cli(args, input);
      expect(code, args.join(' ')).toBe(0);
      expect(results).toEqual([
        {
          layout,
          symbology: layout === 'plain' ? null : ']Q1',
          symbologyName: layout === 'plain' ? null : 'QR Code',
          raw: cccd.payload,
          parse: expect.objectContaining({
            ok: true,
            kind: 'cccd',
            fields: expect.objectContaining(cccd.expect.fields),
          }),
          line: 3,
        },
      ]);
    }
  });

  it('reads hex in either case, spaced or not, CRLF, blank lines, no final newline', async () => {
    const [first, ...rest] = encodeHidPosReports(bhyt.payload, 'zebra');
    const input = [
      '',
      Buffer.from(first!).toString('hex').toUpperCase(),
      '   ',
      ...rest.map((report) => `\t${reportHex(report)}  `),
    ].join('\r\n');
    const { code, results } = await cli(['--today', '2025-06-01'], input);
    expect(code).toBe(0);
    expect(results).toMatchObject([
      { layout: 'zebra', raw: bhyt.payload, parse: { ok: true, kind: 'bhyt' }, line: 6 },
    ]);
  });

  it('reports a bad line with its number and goes on', async () => {
    const good = hexLines(cccd.payload, 'honeywell');
    const wrongId = `01${reportHex(encodeHidPosReports('x', 'honeywell')[0]!).slice(2)}\n`;
    const input = [
      'not hex at all\n',
      '0 2 0\n', // an odd number of digits
      `${'02 '.repeat(63)}\n`,
      wrongId,
      '\n',
      ...good,
      `${'ab'.repeat(2000)}\n`,
      ...good,
    ].join('');
    const { code, results } = await cli([], input);
    expect(code).toBe(2);
    expect(results.map((result) => result.error?.code ?? `scan:${result.line}`)).toEqual([
      'not-hex',
      'not-hex',
      'bad-report-size',
      'bad-report-id',
      'scan:8',
      'line-too-long',
      'scan:12',
    ]);
    expect(results[0]).toEqual({ error: { code: 'not-hex', message: expect.any(String) }, line: 1 });
    expect(results[2]).toMatchObject({ line: 3 });
  });

  it('a bad line in the middle of a scan spoils that scan only', async () => {
    const [first, second, third] = hexLines(cccd.payload, 'plain');
    const next = hexLines(idFixture('cccd-2021-1').payload, 'plain');
    const { results } = await cli([], [first, 'zz\n', second, third, ...next].join(''));
    expect(results).toHaveLength(3);
    expect(results[0]).toMatchObject({ error: { code: 'not-hex' }, line: 2 });
    // The tail of the spoiled scan cannot be told from a scan (plain has no AIM id): it is read on
    // its own, and is no card.
    expect(results[1].error?.code ?? results[1].parse.error.code).toMatch(/^(bad-utf8|not-an-id-payload)$/);
    expect(results[2]).toMatchObject({ raw: idFixture('cccd-2021-1').payload, parse: { ok: true } });
  });

  it('reports a scan the input ends in the middle of', async () => {
    const lines = hexLines(cccd.payload, 'honeywell');
    const { code, results } = await cli([], lines.slice(0, 2).join(''));
    expect(code).toBe(2);
    expect(results).toMatchObject([{ error: { code: 'truncated-scan' }, line: 2 }]);
  });

  it('reports bytes that are not UTF-8 and a scan that is not a card', async () => {
    const input = [
      ...hexLines(Uint8Array.of(0xc3, 0x28), 'plain'),
      ...hexLines('https://vssid.vn', 'plain'),
    ].join('');
    const { code, results } = await cli(['--layout', 'plain'], input);
    expect(code).toBe(2);
    expect(results).toMatchObject([
      { error: { code: 'bad-utf8' }, line: 1 },
      { raw: 'https://vssid.vn', parse: { ok: false, error: { code: 'not-an-id-payload' } }, line: 2 },
    ]);
  });

  it('decodes a letter split between two reports, with input one byte at a time', async () => {
    const payload = idFixture('cccd-2021-1').payload;
    const split = new TextEncoder().encode(payload).findIndex((byte) => byte >= 0xc0) + 1;
    const input = encodeHidPosReports(payload, 'honeywell', { chunkBytes: split })
      .map((report) => `${reportHex(report)}\n`)
      .join('');
    const bytes = Buffer.from(input);
    const { code, results } = await cli([], Readable.from(Array.from(bytes, (byte) => Buffer.from([byte]))));
    expect(code).toBe(0);
    expect(results).toMatchObject([{ raw: payload, parse: { fields: { fullName: 'Vũ Thành Đạt' } } }]);
  });

  it('uses --today for card validity', async () => {
    const expiring =
      '2002965140|54e1baa1204b696d2048e1bb936e67|18/11/1964|2|-|33 - 065|01/10/2023|31/12/2025|14/10/2023|33232002965140|-|4| 01/02/2016|2ca5e5865f590f09-7102|4|-|$';
    const input = hexLines(expiring, 'plain').join('');
    const warnings = async (today: string) =>
      (await cli(['--today', today], input)).results[0].parse.warnings.map((w: { code: string }) => w.code);
    expect(await warnings('2025-12-31')).toEqual([]);
    expect(await warnings('2026-01-01')).toEqual(['card-expired']);
  });

  it('streams: answers a scan before the input ends', async () => {
    const stdin = new PassThrough();
    const stdout = new Collector();
    const done = run([], { stdin, stdout, stderr: new Collector() });
    stdin.write(hexLines(cccd.payload, 'honeywell').join(''));
    await new Promise<void>((resolve) => {
      const poll = () => (stdout.text.includes('\n') ? resolve() : setTimeout(poll, 5));
      poll();
    });
    expect(JSON.parse(stdout.text)).toMatchObject({ raw: cccd.payload });
    stdin.end(hexLines(cccd.payload, 'zebra').join(''));
    expect(await done).toBe(0);
    expect(stdout.text.trim().split('\n')).toHaveLength(2);
  });

  it('stops when nobody reads the answers any more', async () => {
    const stdout = new Collector();
    const scan = hexLines('x', 'plain').join('');
    const lines = function* () {
      for (let index = 0; index < 100_000; index += 1) {
        if (index === 10) stdout.destroy();
        yield scan;
      }
    };
    const code = await run([], { stdin: Readable.from(lines()), stdout, stderr: new Collector() });
    expect(code).toBe(74);
  });

  it('answers a usage error with 64 and the usage on stderr', async () => {
    for (const args of [
      ['--layout'],
      ['--layout', 'symbol'],
      ['--layout='],
      ['--today', 'tomorrow'],
      ['--frobnicate'],
      ['-'],
      ['reports.txt'],
    ]) {
      const { code, results, stderr } = await cli(args, hexLines('x', 'plain').join(''));
      expect(code, args.join(' ')).toBe(64);
      expect(results).toEqual([]);
      expect(stderr).toContain('scan hid-decode');
    }
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stderr).toContain('--layout auto|honeywell|zebra|plain');
  });

  it('the example of the usage decodes', async () => {
    const { stderr } = await cli(['--help']);
    const example = stderr.split('\n').at(-2)!.trim();
    const { code, results } = await cli([], `${example}\n`);
    expect(code).toBe(2); // not a card
    expect(results).toMatchObject([{ layout: 'honeywell', raw: 'xin chào' }]);
  });
});

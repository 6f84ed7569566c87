import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { maxPayloadBytes } from '../../core/id-card/normalise-payload.ts';
import { run } from './id-parse-command.ts';

const cccd = '060067086171|186059021|Nguyễn Thành Tuấn|26061967|Nam|Tiền Giang|12062021';
const bhyt =
  '2002965140|54e1baa1204b696d2048e1bb936e67|18/11/1964|2|-|33 - 065|01/10/2023|31/12/2025|14/10/2023|33232002965140|-|4| 01/02/2016|2ca5e5865f590f09-7102|4|-|$';

class Collector extends Writable {
  text = '';
  readonly delayMs: number;
  constructor(delayMs = 0) {
    super({ highWaterMark: 64 });
    this.delayMs = delayMs;
  }
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    if (this.delayMs > 0) setTimeout(done, this.delayMs);
    else done();
  }
}

async function cli(args: string[], stdin: Readable = Readable.from([]), stdout = new Collector()) {
  const stderr = new Collector();
  const code = await run(args, { stdin, stdout, stderr });
  const lines = stdout.text.split('\n').filter((line) => line.length > 0);
  return { code, lines, results: lines.map((line) => JSON.parse(line)), stderr: stderr.text };
}

const jsonLines = (...payloads: unknown[]) =>
  payloads.map((payload) => `${JSON.stringify(payload)}\n`).join('');

describe('id parse command', () => {
  it('prints one line of canonical JSON for a payload argument, exit 0 when ok', async () => {
    const { code, lines } = await cli([cccd]);
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\{"ok":true,"kind":"cccd","format":"cccd-2021","fields":\{"idNumber":"060067086171"/,
    );
  });

  it('exits 2 when the payload is not a card', async () => {
    const { code, results } = await cli(['https://vssid.vn/install']);
    expect(code).toBe(2);
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'not-an-id-payload' } });
  });

  it('reads the payload from standard input with "-", as bytes', async () => {
    const bytes = Buffer.from(`${cccd}\r\n`, 'utf8');
    const stdin = Readable.from([bytes.subarray(0, 20), bytes.subarray(20)]);
    const { code, results } = await cli(['-'], stdin);
    expect(code).toBe(0);
    expect(results[0].fields.fullName).toBe('Nguyễn Thành Tuấn');
  });

  it('stops reading standard input once it is over the limit', async () => {
    const chunks = function* () {
      for (let index = 0; index < 1000; index += 1) yield Buffer.alloc(maxPayloadBytes, 0x41);
      throw new Error('read too far');
    };
    const { code, results } = await cli(['-'], Readable.from(chunks()));
    expect(code).toBe(2);
    expect(results[0].error.code).toBe('payload-too-large');
  });

  it('uses --today for card validity', async () => {
    expect((await cli(['--today', '2025-12-31', bhyt])).results[0].warnings).toEqual([]);
    expect(
      (await cli([`--today=2026-01-01`, bhyt])).results[0].warnings.map((w: { code: string }) => w.code),
    ).toEqual(['card-expired']);
  });

  it('answers a usage error with 64 and the usage on stderr', async () => {
    for (const args of [
      [],
      [cccd, cccd],
      ['--batch', '-'],
      ['--today', 'tomorrow', cccd],
      ['--frobnicate'],
    ]) {
      const { code, lines, stderr } = await cli(args);
      expect(code, args.join(' ')).toBe(64);
      expect(lines).toEqual([]);
      expect(stderr).toContain('id parse');
    }
    expect((await cli(['--help'])).code).toBe(0);
    expect((await cli(['--', '--not-an-option'])).code).toBe(2);
  });

  describe('--batch', () => {
    it('answers every line in order, one bad line never stopping the batch', async () => {
      const input = `${jsonLines(cccd, 'garbage', bhyt)}42\n{"payload":"x"}\n\nnot json\n${jsonLines(cccd)}`;
      const { code, results } = await cli(['--batch', '--today', '2025-06-01'], Readable.from([input]));
      expect(results.map((result) => (result.ok ? result.format : result.error.code))).toEqual([
        'cccd-2021',
        'not-an-id-payload',
        'bhyt-2021',
        'not-a-json-string',
        'not-a-json-string',
        'not-a-json-string',
        'not-a-json-string',
        'cccd-2021',
      ]);
      expect(code).toBe(2);
    });

    it('exits 0 when every line is a card, with or without a final newline, CRLF or LF', async () => {
      const input = `${JSON.stringify(cccd)}\r\n${JSON.stringify(bhyt)}`;
      const { code, results } = await cli(['--batch'], Readable.from([input]));
      expect(code).toBe(0);
      expect(results).toHaveLength(2);
      expect((await cli(['--batch'], Readable.from([]))).lines).toEqual([]);
    });

    it('cuts lines across chunk boundaries, even inside a character', async () => {
      const bytes = Buffer.from(jsonLines(cccd, bhyt, cccd), 'utf8');
      const oneByteAtATime = Readable.from(Array.from(bytes, (byte) => Buffer.from([byte])));
      const { results } = await cli(['--batch'], oneByteAtATime);
      expect(results.map((result) => result.fields.fullName)).toEqual([
        'Nguyễn Thành Tuấn',
        'Tạ Kim Hồng',
        'Nguyễn Thành Tuấn',
      ]);
    });

    it('answers a huge line without holding it, and goes on', async () => {
      const huge = function* () {
        yield Buffer.from('"');
        for (let index = 0; index < 200; index += 1) yield Buffer.alloc(64 * 1024, 0x41);
        yield Buffer.from(`"\n${jsonLines(cccd)}`);
      };
      const { results } = await cli(['--batch'], Readable.from(huge()));
      expect(results.map((result) => (result.ok ? result.format : result.error.code))).toEqual([
        'payload-too-large',
        'cccd-2021',
      ]);
    });

    it('streams: answers a line before the input ends', async () => {
      const stdin = new PassThrough();
      const stdout = new Collector();
      const done = run(['--batch'], { stdin, stdout, stderr: new Collector() });
      stdin.write(jsonLines(cccd));
      await new Promise<void>((resolve) => {
        const poll = () => (stdout.text.includes('\n') ? resolve() : setTimeout(poll, 5));
        poll();
      });
      expect(stdout.text).toMatch(/^\{"ok":true/);
      stdin.end(jsonLines(bhyt));
      expect(await done).toBe(0);
      expect(stdout.text.trim().split('\n')).toHaveLength(2);
    });

    it('stops when nobody reads the answers any more', async () => {
      const stdout = new Collector();
      const lines = function* () {
        for (let index = 0; index < 100_000; index += 1) {
          if (index === 10) stdout.destroy();
          yield jsonLines(cccd);
        }
      };
      const code = await run(['--batch'], { stdin: Readable.from(lines()), stdout, stderr: new Collector() });
      expect(code).toBe(74);
      expect(stdout.text.split('\n').length).toBeLessThan(20);
    });

    it('keeps every line and the order when the reader is slow', async () => {
      const count = 600;
      const payloads = Array.from({ length: count }, (_, index) =>
        index % 3 === 0 ? cccd : index % 3 === 1 ? bhyt : `x${index}`,
      );
      // One chunk per line, so that results are written one by one into a full buffer.
      const input = Readable.from(payloads.map((payload) => jsonLines(payload)));
      const { results } = await cli(['--batch'], input, new Collector(1));
      expect(results).toHaveLength(count);
      expect(results.map((result) => result.ok)).toEqual(payloads.map((_, index) => index % 3 !== 2));
    });
  });
});

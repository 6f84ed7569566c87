import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idFixture, idFixtures } from '../../../tests/support/id-fixtures.ts';
import { encodeHidPosReports } from './encode-hid-pos-reports.ts';
import { HidPosAssembler, type HidPosOutcome } from './hid-pos-assembler.ts';
import { hidPosLayouts, type HidPosLayout, type HidPosLayoutOption } from './hid-pos-layouts.ts';

const utf8 = new TextEncoder();

/** Pushes reports 5 ms apart from `start`; returns every outcome. */
function feed(assembler: HidPosAssembler, reports: Uint8Array[], start = 0): HidPosOutcome[] {
  return reports.flatMap((report, index) => [...assembler.push(report, start + index * 5)]);
}

const decode = (reports: Uint8Array[], layout: HidPosLayoutOption = 'auto') =>
  feed(new HidPosAssembler({ layout }), reports);

const summary = (outcomes: HidPosOutcome[]) =>
  outcomes.map((outcome) => (outcome.kind === 'scan' ? `scan:${outcome.text}` : `error:${outcome.code}`));

/** A copy of `report` with some bytes changed. */
function patched(report: Uint8Array, changes: Record<number, number>): Uint8Array {
  const copy = Uint8Array.from(report);
  for (const [offset, value] of Object.entries(changes)) copy[Number(offset)] = value;
  return copy;
}

const multiReport = idFixtures().filter((fixture) => utf8.encode(fixture.payload).length > 61);

describe('HidPosAssembler', () => {
  describe.each(hidPosLayouts)('%s layout', (layout) => {
    it('decodes a single-report scan', () => {
      for (const name of ['url-not-an-id', 'cccd-too-few-fields']) {
        const payload = idFixture(name).payload;
        const reports = encodeHidPosReports(payload, layout);
        expect(reports).toHaveLength(1);
        const outcomes = decode(reports, layout);
        expect(outcomes).toEqual([
          {
            kind: 'scan',
            layout,
            symbology: layout === 'plain' ? null : ']Q1',
            symbologyName: layout === 'plain' ? null : 'QR Code',
            bytes: utf8.encode(payload),
            text: payload,
          },
        ]);
      }
    });

    it('joins the reports of every multi-report fixture, one assembler for all of them', () => {
      const assembler = new HidPosAssembler({ layout });
      let at = 0;
      for (const fixture of multiReport) {
        const reports = encodeHidPosReports(fixture.payload, layout);
        expect(reports.length).toBeGreaterThan(1);
        expect(summary(feed(assembler, reports, (at += 1000)))).toEqual([`scan:${fixture.payload}`]);
      }
    });

    it('decodes a letter whose bytes are split between two reports', () => {
      const payload = idFixture('cccd-2021-1').payload; // …|Vũ Thành Đạt|…
      const bytes = utf8.encode(payload);
      const lead = bytes.findIndex((byte) => byte >= 0xc0);
      const reports = encodeHidPosReports(payload, layout, { chunkBytes: lead + 1 });
      const dataOffset = { honeywell: 5, zebra: 6, plain: 2 }[layout];
      // The first report ends with the lead byte of "ũ": it alone is not UTF-8.
      expect(reports[0]?.[dataOffset + lead]).toBe(bytes[lead]);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, lead + 1))).toThrow();
      expect(summary(decode(reports, layout))).toEqual([`scan:${payload}`]);
    });

    it('round-trips any Unicode text up to 500 characters, in reports of any size', () => {
      const assembler = new HidPosAssembler({ layout });
      let at = 0;
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 500 }),
            fc.string({ unit: fc.constantFrom(...'aăâđêôơư ĐỗỹẠ|😀\r\n\0'), maxLength: 500 }),
          ),
          fc.integer({ min: 1, max: 56 }),
          (text, chunkBytes) => {
            const reports = encodeHidPosReports(text, layout, { chunkBytes });
            const outcomes = feed(assembler, reports, (at += 1000));
            expect(outcomes).toHaveLength(1);
            expect(outcomes[0]).toMatchObject({ kind: 'scan', layout, text });
          },
        ),
      );
    });
  });

  describe('auto layout', () => {
    it('tells the layout from the first report', () => {
      const payload = idFixture('cccd-2021-0').payload;
      for (const layout of hidPosLayouts) {
        const outcomes = decode(encodeHidPosReports(payload, layout), 'auto');
        expect(outcomes).toMatchObject([{ kind: 'scan', layout, text: payload }]);
      }
    });

    it('reads the symbology of other codes', () => {
      const [scan] = decode(encodeHidPosReports('12345', 'zebra', { symbology: ']d2' }));
      expect(scan).toMatchObject({ layout: 'zebra', symbology: ']d2', symbologyName: 'Data Matrix' });
      const [other] = decode(encodeHidPosReports('12345', 'honeywell', { symbology: ']X0' }));
      expect(other).toMatchObject({ layout: 'honeywell', symbology: ']X0', symbologyName: null });
    });

    it('keeps the layout of a scan for its later reports', () => {
      // Plain data that happens to hold "]Q1" at the start of a later report is still data.
      const payload = `${'x'.repeat(61)}]Q1 tail`;
      expect(summary(decode(encodeHidPosReports(payload, 'plain')))).toEqual([`scan:${payload}`]);
    });
  });

  it('accepts a scanner with AIM transmission off in a configured AIM layout', () => {
    const payload = idFixture('cccd-2021-2').payload;
    for (const layout of ['honeywell', 'zebra'] as const) {
      const outcomes = decode(encodeHidPosReports(payload, layout, { symbology: null }), layout);
      expect(outcomes).toMatchObject([{ kind: 'scan', layout, symbology: null, text: payload }]);
    }
  });

  describe('garbage never stops the stream nor spoils the next scan', () => {
    const good = idFixture('cccd-2021-0').payload;
    const goodReports = (layout: HidPosLayout) => encodeHidPosReports(good, layout);

    it.each([
      [
        'a report with another report id',
        'bad-report-id',
        patched(goodReports('honeywell')[0]!, { 0: 0x01 }),
      ],
      ['a short report', 'bad-report-size', goodReports('honeywell')[0]!.subarray(0, 63)],
      ['an empty report', 'bad-report-size', new Uint8Array(0)],
      ['a long report', 'bad-report-size', new Uint8Array(65).fill(2)],
      ['a length beyond the report', 'bad-length', patched(goodReports('honeywell')[0]!, { 1: 59, 63: 0 })],
      ['a length of 255', 'bad-length', patched(goodReports('honeywell')[0]!, { 1: 255, 63: 0 })],
      [
        'an AIM slot that is not one',
        'layout-mismatch',
        patched(goodReports('honeywell')[0]!, { 2: 0x41, 63: 0 }),
      ],
    ])('%s (%s)', (_name, code, garbage) => {
      const assembler = new HidPosAssembler({ layout: 'honeywell' });
      expect(summary(feed(assembler, [garbage]))).toEqual([`error:${code}`]);
      expect(summary(feed(assembler, goodReports('honeywell'), 10))).toEqual([`scan:${good}`]);
    });

    it('a zebra report read as honeywell contradicts the layout', () => {
      const outcomes = decode([...goodReports('zebra'), ...goodReports('honeywell')], 'honeywell');
      // The first zebra report is refused; its flag says more follow, so the rest of that scan is
      // dropped with it rather than refused report by report.
      expect(summary(outcomes)).toEqual(['error:layout-mismatch', `scan:${good}`]);
      const zebra = decode([patched(goodReports('zebra')[0]!, { 2: 7, 63: 0 })], 'zebra');
      expect(summary(zebra)).toEqual(['error:layout-mismatch']);
    });

    it('accepts a length up to the byte before the flag byte', () => {
      const full = patched(goodReports('honeywell')[0]!, { 1: 58, 63: 0 });
      const [scan] = decode([full], 'honeywell');
      expect(scan).toMatchObject({ kind: 'scan' });
      expect(scan?.kind === 'scan' && scan.bytes.length).toBe(58);
    });

    it('drops the rest of a scan spoiled by a bad report, then reads the next one', () => {
      const spoiled = goodReports('honeywell');
      spoiled[0] = patched(spoiled[0]!, { 1: 60 });
      const outcomes = decode([...spoiled, ...goodReports('honeywell')], 'honeywell');
      expect(summary(outcomes)).toEqual(['error:bad-length', `scan:${good}`]);
    });

    it('a report with another AIM id starts a new scan', () => {
      const first = encodeHidPosReports(good, 'honeywell', { symbology: ']d2' });
      const outcomes = decode([first[0]!, ...goodReports('honeywell')]);
      expect(summary(outcomes)).toEqual(['error:truncated-scan', `scan:${good}`]);
    });

    it('gives up a continuation that never ends', () => {
      const assembler = new HidPosAssembler({ layout: 'auto', maxScanBytes: 1000 });
      const endless = Array.from({ length: 40 }, () => patched(goodReports('plain')[0]!, { 63: 1 }));
      expect(summary(feed(assembler, endless))).toEqual(['error:scan-too-long']);
      expect(summary(feed(assembler, goodReports('plain'), 1000))).toEqual([`scan:${good}`]);
      const huge = encodeHidPosReports('x'.repeat(8193), 'honeywell');
      expect(summary(decode([...huge, ...goodReports('honeywell')]))).toEqual([
        'error:scan-too-long',
        `scan:${good}`,
      ]);
    });

    it('refuses bytes that are not UTF-8, never with replacement characters', () => {
      const bad = encodeHidPosReports(Uint8Array.of(0x4e, 0xc3, 0x28, 0xff), 'zebra');
      expect(summary(decode([...bad, ...goodReports('zebra')]))).toEqual(['error:bad-utf8', `scan:${good}`]);
      // A letter cut short at the very end of a scan.
      const cut = encodeHidPosReports(utf8.encode('Đạ').subarray(0, 4), 'plain');
      expect(summary(decode(cut))).toEqual(['error:bad-utf8']);
    });

    it('never throws on random reports, and reads a good scan after a pause', () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.oneof(
              fc.uint8Array({ minLength: 64, maxLength: 64 }),
              fc.uint8Array({ maxLength: 80 }),
              fc.uint8Array({ minLength: 64, maxLength: 64 }).map((bytes) => patched(bytes, { 0: 2 })),
            ),
            { maxLength: 20 },
          ),
          fc.constantFrom<HidPosLayoutOption>('auto', ...hidPosLayouts),
          (garbage, option) => {
            const assembler = new HidPosAssembler({ layout: option });
            feed(assembler, garbage);
            const layout = option === 'auto' ? 'zebra' : option;
            const outcomes = feed(assembler, encodeHidPosReports(good, layout), 10_000);
            expect(summary(outcomes).at(-1)).toBe(`scan:${good}`);
          },
        ),
      );
    });
  });

  describe('unfinished scans', () => {
    const reports = encodeHidPosReports(idFixture('bhyt-2021-0').payload, 'honeywell');
    const next = idFixture('cccd-2021-3').payload;

    it('abandons a scan after a gap longer than maxGapMs', () => {
      const assembler = new HidPosAssembler({ layout: 'auto' });
      expect(assembler.push(reports[0]!, 1000)).toEqual([]);
      expect(assembler.deadline).toBe(1300);
      expect(assembler.push(reports[1]!, 1300)).toEqual([]); // 300 ms is still the same scan
      const outcomes = feed(assembler, encodeHidPosReports(next, 'honeywell'), 1601);
      expect(summary(outcomes)).toEqual(['error:truncated-scan', `scan:${next}`]);
      expect(assembler.deadline).toBeNull();
    });

    it('honours a configured gap', () => {
      const assembler = new HidPosAssembler({ layout: 'auto', maxGapMs: 50 });
      assembler.push(reports[0]!, 0);
      expect(summary([...assembler.push(reports[1]!, 51)])).toEqual(['error:truncated-scan']);
    });

    it('expire() and end() abandon a scan with no report after it', () => {
      const assembler = new HidPosAssembler({ layout: 'honeywell' });
      assembler.push(reports[0]!, 0);
      expect(assembler.expire(300)).toEqual([]);
      expect(summary([...assembler.expire(301)])).toEqual(['error:truncated-scan']);
      expect(assembler.expire(10_000)).toEqual([]);
      assembler.push(reports[0]!, 20_000);
      expect(summary([...assembler.end()])).toEqual(['error:truncated-scan']);
      expect(assembler.end()).toEqual([]);
    });

    it('a pause also ends the dropping of a spoiled scan', () => {
      const assembler = new HidPosAssembler({ layout: 'honeywell' });
      const spoiled = patched(reports[0]!, { 1: 60 });
      expect(summary([...assembler.push(spoiled, 0)])).toEqual(['error:bad-length']);
      // Within the gap a report with the same AIM id still belongs to the spoiled scan.
      expect(assembler.push(patched(reports[1]!, { 63: 1 }), 10)).toEqual([]);
      expect(summary(feed(assembler, encodeHidPosReports(next, 'honeywell'), 1000))).toEqual([
        `scan:${next}`,
      ]);
    });
  });

  it('an empty scan is an empty text', () => {
    for (const layout of hidPosLayouts) {
      expect(decode(encodeHidPosReports('', layout), layout)).toMatchObject([{ kind: 'scan', text: '' }]);
    }
  });

  it('copies the report: a reused buffer does not change a scan in progress', () => {
    const payload = idFixture('cccd-2021-4').payload;
    const assembler = new HidPosAssembler({ layout: 'auto' });
    const buffer = new Uint8Array(64);
    const outcomes: HidPosOutcome[] = [];
    encodeHidPosReports(payload, 'honeywell').forEach((report, index) => {
      buffer.set(report);
      outcomes.push(...assembler.push(buffer, index));
    });
    expect(summary(outcomes)).toEqual([`scan:${payload}`]);
  });
});

describe('encodeHidPosReports', () => {
  it('writes the documented report layouts', () => {
    const [honeywell] = encodeHidPosReports('AB', 'honeywell');
    expect(Array.from(honeywell!.subarray(0, 8))).toEqual([2, 2, 0x5d, 0x51, 0x31, 0x41, 0x42, 0]);
    const [zebra] = encodeHidPosReports('AB', 'zebra');
    expect(Array.from(zebra!.subarray(0, 8))).toEqual([2, 2, 0, 0x5d, 0x51, 0x31, 0x41, 0x42]);
    const [plain] = encodeHidPosReports('AB', 'plain');
    expect(Array.from(plain!.subarray(0, 4))).toEqual([2, 2, 0x41, 0x42]);
    const long = encodeHidPosReports('x'.repeat(57), 'honeywell');
    expect(long.map((report) => [report[1], report[63]])).toEqual([
      [56, 1],
      [1, 0],
    ]);
    expect(encodeHidPosReports('x'.repeat(61), 'plain')).toHaveLength(1);
  });

  it('refuses options it cannot encode', () => {
    expect(() => encodeHidPosReports('x', 'honeywell', { chunkBytes: 57 })).toThrow(RangeError);
    expect(() => encodeHidPosReports('x', 'plain', { chunkBytes: 0 })).toThrow(RangeError);
    expect(() => encodeHidPosReports('x', 'zebra', { symbology: 'QR' })).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { vietnamToday } from '../time/vietnam-time.ts';
import { maxPayloadBytes } from './normalise-payload.ts';
import { parseIdPayload } from './parse-id-payload.ts';

const cccd = '060067086171|186059021|Nguyễn Thành Tuấn|26061967|Nam|Ấp Bình Thạnh, Tiền Giang|12062021';
const bhyt =
  '2002965140|54e1baa1204b696d2048e1bb936e67|18/11/1964|2|-|33 - 065|01/10/2023|31/12/2025|14/10/2023|33232002965140|-|4| 01/02/2016|2ca5e5865f590f09-7102|4|-|$';
const codeOf = (input: unknown) => {
  const result = parseIdPayload(input as string);
  return result.ok ? result.format : result.error.code;
};

describe('parseIdPayload', () => {
  it('prints the canonical JSON of ID-CARDS.md §7, keys in a stable order', () => {
    expect(JSON.stringify(parseIdPayload(cccd))).toBe(
      '{"ok":true,"kind":"cccd","format":"cccd-2021","fields":{"idNumber":"060067086171","oldIdNumber":"186059021",' +
        '"fullName":"Nguyễn Thành Tuấn","dateOfBirth":"1967-06-26","sex":"male","address":"Ấp Bình Thạnh, Tiền Giang",' +
        '"issueDate":"2021-06-12","fatherName":null,"motherName":null,"extra":[]},"warnings":[]}',
    );
    expect(JSON.stringify(parseIdPayload('nope'))).toBe(
      '{"ok":false,"error":{"code":"not-an-id-payload","message":"Mã QR này không phải của thẻ căn cước/CCCD hay thẻ BHYT."}}',
    );
  });

  it('reads bytes from HID-POS/serial scanners as UTF-8, a BOM included', () => {
    const bytes = new TextEncoder().encode(`\ufeff${cccd}\r\n`);
    expect(parseIdPayload(bytes)).toEqual(parseIdPayload(cccd));
    expect(codeOf(new Uint8Array([0x30, 0xff, 0x7c]))).toBe('bad-encoding');
  });

  it('strips what scanners add around a payload', () => {
    for (const padded of [`${cccd}\r\n`, `${cccd}\t`, `\0${cccd}\0\0`, `\ufeff${cccd}`, `\n${cccd}\n`]) {
      expect(parseIdPayload(padded)).toEqual(parseIdPayload(cccd));
    }
  });

  it('normalises NFD payloads to NFC and tolerates upper-casing scanners', () => {
    expect(parseIdPayload(cccd.normalize('NFD'))).toEqual(parseIdPayload(cccd));
    const upper = parseIdPayload(cccd.toUpperCase());
    expect(upper.ok && upper.fields).toMatchObject({ fullName: 'NGUYỄN THÀNH TUẤN', sex: 'male' });
    expect(upper.ok && upper.warnings).toEqual([]);
  });

  it('refuses payloads over 4 KB before looking at them, however large', () => {
    expect(codeOf('|'.repeat(maxPayloadBytes + 1))).toBe('payload-too-large');
    expect(codeOf('ệ'.repeat(1366))).toBe('payload-too-large');
    expect(codeOf(new Uint8Array(maxPayloadBytes + 1))).toBe('payload-too-large');
    const started = performance.now();
    expect(codeOf('|'.repeat(64 * 1024 * 1024))).toBe('payload-too-large');
    expect(codeOf(new Uint8Array(64 * 1024 * 1024))).toBe('payload-too-large');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(codeOf(`${cccd}${' '.repeat(maxPayloadBytes - cccd.length - 40)}`)).toBe('cccd-2021');
  });

  it('answers anything that is not a payload with a code, never an exception', () => {
    for (const input of ['', '\r\n', '||||||', null, undefined, 42, {}, ['a|b'], new ArrayBuffer(4)]) {
      expect(codeOf(input)).toBe('not-an-id-payload');
    }
  });

  it('checks BHYT validity against `today`, or today in Vietnam', () => {
    const on = (today?: string) => {
      const result = parseIdPayload(bhyt, today === undefined ? undefined : { today });
      return result.ok ? result.warnings.map((warning) => warning.code) : result.error.code;
    };
    expect(on('2025-12-31')).toEqual([]);
    expect(on('2026-01-01')).toEqual(['card-expired']);
    expect(on('2023-09-30')).toEqual(['card-not-yet-valid']);
    expect(on()).toEqual(on(vietnamToday()));
    expect(on('yesterday')).toEqual(on());
  });
});

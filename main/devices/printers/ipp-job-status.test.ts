import { describe, expect, it } from 'vitest';
import { decodeIppResponse, encodeGetJobAttributes, jobStatusOf, parseCupsServer } from './ipp-job-status.ts';

function attribute(tag: number, name: string, value: Buffer): Buffer {
  const nameBytes = Buffer.from(name);
  const head = Buffer.alloc(3 + nameBytes.length + 2);
  head.writeUInt8(tag, 0);
  head.writeUInt16BE(nameBytes.length, 1);
  nameBytes.copy(head, 3);
  head.writeUInt16BE(value.length, 3 + nameBytes.length);
  return Buffer.concat([head, value]);
}
const int = (value: number): Buffer => {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value, 0);
  return bytes;
};

function response(status: number, ...attributes: Buffer[]): Buffer {
  const head = Buffer.from([1, 1, status >> 8, status & 0xff, 0, 0, 0, 1, 0x01]);
  const operation = attribute(0x47, 'attributes-charset', Buffer.from('utf-8'));
  return Buffer.concat([head, operation, Buffer.of(0x02), ...attributes, Buffer.of(0x03)]);
}

describe('IPP Get-Job-Attributes', () => {
  it('encodes the request CUPS expects', () => {
    const request = encodeGetJobAttributes(42, 'kiosk');
    expect([...request.subarray(0, 8)]).toEqual([1, 1, 0, 9, 0, 0, 0, 1]);
    const text = request.toString('latin1');
    expect(text).toContain('ipp://localhost/jobs/42');
    expect(text).toContain('requesting-user-name');
    expect(request.at(-1)).toBe(0x03);
  });

  it('decodes a cancelled job with its reasons and message', () => {
    const bytes = response(
      0x0000,
      attribute(0x23, 'job-state', int(7)),
      attribute(0x44, 'job-state-reasons', Buffer.from('job-canceled-by-user')),
      attribute(0x44, '', Buffer.from('processing-to-stop-point')),
      attribute(0x41, 'job-printer-state-message', Buffer.from('Hết giấy')),
    );
    expect(jobStatusOf(decodeIppResponse(bytes))).toEqual({
      state: 'canceled',
      reasons: ['job-canceled-by-user', 'processing-to-stop-point'],
      message: 'Hết giấy',
    });
  });

  it('says not-found for a job the server does not know, and rejects garbage', () => {
    expect(jobStatusOf(decodeIppResponse(response(0x0406)))).toBe('not-found');
    expect(() => jobStatusOf(decodeIppResponse(response(0x0000)))).toThrow(/job-state/);
    expect(() => decodeIppResponse(Buffer.from([1, 1, 0]))).toThrow(/too short/);
    expect(() =>
      decodeIppResponse(Buffer.concat([response(0), Buffer.of(0x23, 0, 9)]).subarray(0, 30)),
    ).toThrow();
  });

  it('reads where lpstat -H says the server is', () => {
    expect(parseCupsServer('/run/cups/cups.sock\n')).toEqual({ socketPath: '/run/cups/cups.sock' });
    expect(parseCupsServer('localhost:631\n')).toEqual({ host: 'localhost', port: 631 });
    expect(parseCupsServer('printserver')).toEqual({ host: 'printserver', port: 631 });
    expect(parseCupsServer('[::1]:8631')).toEqual({ host: '::1', port: 8631 });
    expect(parseCupsServer('')).toBeNull();
  });
});

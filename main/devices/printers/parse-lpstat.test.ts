import { describe, expect, it } from 'vitest';
import {
  classifyLpstatMessage,
  jobNumberOf,
  parseAcceptingStatus,
  parseDefaultDestination,
  parseJobIds,
  parsePrinterStatus,
  parseRequestId,
} from './parse-lpstat.ts';

// Recorded from CUPS 2.4.2 (Debian 12) with LANG=C.
const longListing = [
  'printer Quay1 is idle.  enabled since Tue Dec  1 13:26:41 2026',
  '\tForm mounted:',
  '\tContent types: any',
  '\tDescription: Máy in quầy 1',
  '\tAlerts: none',
  '\tLocation: ',
  'printer Quay2 disabled since Tue Dec  1 13:27:16 2026 -',
  '\tHết giấy',
  '\tForm mounted:',
  '\tDescription: Quay2',
  '\tAlerts: paused',
  'printer Quay3 now printing Quay3-3.  enabled since Tue Dec  1 13:28:03 2026',
  '\tForm mounted:',
  '\tDescription: ',
  '\tAlerts: media-low',
  'printer Quay4 disabled since Tue Dec  1 13:28:03 2026 -',
  '\treason unknown',
  '\tForm mounted:',
  '\tAlerts: none',
  '',
].join('\n');

describe('parsePrinterStatus', () => {
  it('reads state, message and description from `lpstat -l -p`', () => {
    expect(parsePrinterStatus(longListing)).toEqual([
      { name: 'Quay1', state: 'idle', stateReason: null, description: 'Máy in quầy 1' },
      { name: 'Quay2', state: 'stopped', stateReason: 'Hết giấy', description: 'Quay2' },
      { name: 'Quay3', state: 'printing', stateReason: 'media-low', description: null },
      { name: 'Quay4', state: 'stopped', stateReason: null, description: null },
    ]);
  });

  it('reads the short form, where every indented line is the message', () => {
    const output =
      'printer T2 disabled since Tue Dec  1 13:28:03 2026 -\n\tPaused\nprinter T1 is idle.  enabled since x\n';
    expect(parsePrinterStatus(output)).toEqual([
      { name: 'T2', state: 'stopped', stateReason: 'Paused', description: null },
      { name: 'T1', state: 'idle', stateReason: null, description: null },
    ]);
  });

  it('says unknown for words it does not know and ignores noise between printers', () => {
    const output =
      'lpstat: avertissement\nprinter X est inactif.  activée depuis mardi\n\tPrêt\nrandom line\n';
    expect(parsePrinterStatus(output)).toEqual([
      { name: 'X', state: 'unknown', stateReason: 'Prêt', description: null },
    ]);
    expect(parsePrinterStatus('')).toEqual([]);
  });
});

describe('parseAcceptingStatus', () => {
  it('reads accepting and not accepting queues with their reasons', () => {
    const output = [
      'Quay1 accepting requests since Tue Dec  1 13:28:03 2026',
      'Quay2 not accepting requests since Tue Dec  1 13:27:16 2026 -',
      '\tĐang bảo trì',
      'Quay3 not accepting requests since Tue Dec  1 13:27:16 2026 -',
      '\treason unknown',
    ].join('\n');
    expect(parseAcceptingStatus(output)).toEqual([
      { name: 'Quay1', accepting: true, reason: null },
      { name: 'Quay2', accepting: false, reason: 'Đang bảo trì' },
      { name: 'Quay3', accepting: false, reason: null },
    ]);
  });
});

describe('parseDefaultDestination', () => {
  it('reads the default, its absence, and nothing from other words', () => {
    expect(parseDefaultDestination('system default destination: Quay1\n')).toBe('Quay1');
    expect(parseDefaultDestination('system default destination: Quay1/draft\n')).toBe('Quay1');
    expect(parseDefaultDestination('no system default destination\n')).toBeNull();
    expect(parseDefaultDestination('No system default destination\n')).toBeNull();
    expect(parseDefaultDestination('destination par défaut : Quay1\n')).toBeUndefined();
  });
});

describe('lp and job ids', () => {
  it('reads the request id lp prints', () => {
    expect(parseRequestId('request id is Quay1-12 (1 file(s))\n')).toBe('Quay1-12');
    expect(parseRequestId('request id is bhxh-test-1-ab-1-7 (1 file(s))')).toBe('bhxh-test-1-ab-1-7');
    expect(parseRequestId('lp: Error - The printer or class does not exist.')).toBeNull();
  });

  it('takes the job number from an id', () => {
    expect(jobNumberOf('Quay1-12')).toBe(12);
    expect(jobNumberOf('bhxh-test-1-ab-1-7')).toBe(7);
    expect(jobNumberOf('12')).toBe(12);
    expect(jobNumberOf('Quay1')).toBeNull();
    expect(jobNumberOf('Quay1-0')).toBeNull();
  });

  it('lists job ids from `lpstat -o`', () => {
    const output =
      'Quay1-4                 root              7168   Tue Dec  1 13:27:02 2026\n\tAlerts: none\nQuay2-5 root 1 x\n';
    expect(parseJobIds(output)).toEqual(['Quay1-4', 'Quay2-5']);
    expect(parseJobIds('')).toEqual([]);
  });
});

describe('classifyLpstatMessage', () => {
  it('knows the messages of an unknown printer, a dead scheduler and an empty server', () => {
    expect(classifyLpstatMessage('lpstat: Invalid destination name in list "NOPE".')).toBe(
      'printer-not-found',
    );
    expect(classifyLpstatMessage('lp: Error - The printer or class does not exist.')).toBe(
      'printer-not-found',
    );
    expect(classifyLpstatMessage('lpstat: Scheduler is not running.')).toBe('no-spooler');
    expect(classifyLpstatMessage('lpstat: No destinations added.')).toBe('no-printers');
    expect(classifyLpstatMessage('lpstat: Forbidden')).toBeNull();
  });
});

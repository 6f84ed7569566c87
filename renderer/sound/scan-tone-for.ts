import type { ScanEvent } from '../../preload/contract/areas/scan.ts';
import type { ScanTone } from './scan-tones.ts';

/**
 * Which cue a scan deserves: a card read well is good; a scan the parser could not read, or a
 * keyboard-wedge scan damaged by a layout or an input method, is bad. The QR code of a printed
 * declaration is not a card but a good read too: its text is exactly a registration code
 * (CounterHomeScreen opens it).
 */
export function scanToneFor(scan: ScanEvent): ScanTone {
  if (scan.damage !== null) return 'bad';
  if (scan.result.ok) return 'good';
  const formCode = /^[A-Za-z0-9][A-Za-z0-9-]{3,63}$/.test(scan.raw.trim());
  return scan.result.error.code === 'not-an-id-payload' && formCode ? 'good' : 'bad';
}

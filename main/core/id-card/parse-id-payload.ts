// The entry point for everything a scanner reads: text from a keyboard-wedge scanner, or bytes
// from HID-POS/serial. The input is untrusted — the CCCD QR is unsigned and any QR code can be
// held to the scanner — so this never throws: every outcome is an `IdParseResult`.

import { vietnamToday } from '../time/vietnam-time.ts';
import { isIsoDate } from './card-dates.ts';
import { detectPayloadKind } from './detect-payload-kind.ts';
import { failure } from './id-card-codes.ts';
import type { IdParseOptions, IdParseResult } from './id-card-types.ts';
import {
  decodePayloadBytes,
  exceedsPayloadLimit,
  maxPayloadBytes,
  payloadEnd,
  payloadStart,
} from './normalise-payload.ts';
import { parseBhyt } from './parse-bhyt.ts';
import { parseCccd } from './parse-cccd.ts';
import { PayloadFields } from './payload-fields.ts';

// One field table for every parse: parsing is synchronous, so no two parses can share it at once.
const fields = new PayloadFields();

function payloadText(input: unknown): string | IdParseResult {
  if (typeof input === 'string') return exceedsPayloadLimit(input) ? failure('payload-too-large') : input;
  if (input instanceof Uint8Array) {
    if (input.length > maxPayloadBytes) return failure('payload-too-large');
    return decodePayloadBytes(input) ?? failure('bad-encoding');
  }
  return failure('not-an-id-payload');
}

/**
 * Reads a CCCD, Căn cước or BHYT QR payload into the canonical result of ID-CARDS.md §7.
 * `options.today` (YYYY-MM-DD) is the day BHYT validity is checked against; today in Vietnam when
 * omitted. Results are plain data; their error and warning objects are shared and frozen.
 */
export function parseIdPayload(input: string | Uint8Array, options?: IdParseOptions): IdParseResult {
  const text = payloadText(input);
  if (typeof text !== 'string') return text;
  const start = payloadStart(text);
  const end = payloadEnd(text, start);
  if (start === end) return failure('not-an-id-payload');
  fields.load(text, start, end);
  switch (detectPayloadKind(fields)) {
    case 'cccd':
      return parseCccd(fields);
    case 'bhyt': {
      const today = options?.today;
      return parseBhyt(fields, typeof today === 'string' && isIsoDate(today) ? today : vietnamToday());
    }
    default:
      return failure('not-an-id-payload');
  }
}

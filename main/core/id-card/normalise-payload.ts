// What a scanner delivers around the QR text: keyboard-wedge scanners append Enter (CR, LF or
// both) and sometimes Tab, serial links pad with NUL, Windows tools prepend a BOM. Those are
// stripped around the payload; everything inside is kept as read (ID-CARDS.md §6).

/** Anything longer is not a card QR (the longest real payloads are well under 1 KB). */
export const maxPayloadBytes = 4096;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isAroundPayload(code: number): boolean {
  // NUL, Tab, LF, CR, space, BOM.
  return code === 0 || code === 9 || code === 10 || code === 13 || code === 32 || code === 0xfeff;
}

/** Where the payload begins once the scanner's padding is skipped. */
export function payloadStart(text: string): number {
  let start = 0;
  while (start < text.length && isAroundPayload(text.charCodeAt(start))) start += 1;
  return start;
}

/** Where the payload ends (exclusive) once the scanner's padding is dropped. */
export function payloadEnd(text: string, start: number): number {
  let end = text.length;
  while (end > start && isAroundPayload(text.charCodeAt(end - 1))) end -= 1;
  return end;
}

/** The payload without the scanner's padding around it. */
export function trimPayload(text: string): string {
  const start = payloadStart(text);
  const end = payloadEnd(text, start);
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * True when `text` takes more than `maxPayloadBytes` in UTF-8. Decided from the length alone in
 * the usual cases (a UTF-16 unit is 1 to 3 UTF-8 bytes), so a huge input is refused at once.
 */
export function exceedsPayloadLimit(text: string): boolean {
  if (text.length > maxPayloadBytes) return true;
  if (text.length * 3 <= maxPayloadBytes) return false;
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) {
      bytes += 4;
      index += 1;
    } else bytes += 3; // includes a lone surrogate, which UTF-8 encoding turns into U+FFFD
  }
  return bytes > maxPayloadBytes;
}

/** Raw bytes (HID-POS, serial, stdin) → text, or null when they are not UTF-8. */
export function decodePayloadBytes(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

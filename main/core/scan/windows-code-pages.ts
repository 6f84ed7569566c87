// The two Windows code pages a keyboard-wedge scanner's Alt codes refer to: Alt+0NNN types byte
// NNN of the "ANSI" page (Windows-1252 on a Western-configured PC) and Alt+NNN without the zero
// types byte NNN of the "OEM" page (437, the IBM PC set). A scanner that sends UTF-8 bytes as
// Alt+0NNN therefore delivers each byte as a Windows-1252 character ("Nguyá»…n"): the reverse
// tables are what tell such a scan apart and read it back.

// 0x80–0x9F; the five bytes Windows-1252 leaves undefined come out as the C1 control of the same
// number, as Windows' own conversion does (so nothing is lost on the way back).
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

// 0x01–0x1F and 0x7F: the glyphs the IBM PC drew for control codes (Alt+1 types ☺).
const cp437Low = '☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼';
// 0x80–0xFF.
const cp437High =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00A0';

/** Byte → character of Windows-1252; null for the C0 controls and DEL (they type no text). */
export function windows1252Character(byte: number): string | null {
  if (!Number.isInteger(byte) || byte < 32 || byte === 127 || byte > 255) return null;
  if (byte >= 0x80 && byte <= 0x9f) return windows1252High[byte - 0x80] as string;
  return String.fromCharCode(byte);
}

/** Byte → character of code page 437 (1–31 and 127 as their glyphs); null for 0 and outside 0–255. */
export function cp437Character(byte: number): string | null {
  if (!Number.isInteger(byte) || byte < 1 || byte > 255) return null;
  if (byte < 32) return cp437Low[byte - 1] as string;
  if (byte === 127) return '⌂';
  if (byte >= 0x80) return cp437High[byte - 0x80] as string;
  return String.fromCharCode(byte);
}

const windows1252Bytes = new Map<number, number>();
for (let byte = 0; byte < 256; byte += 1) {
  const character = byte < 32 || byte === 127 ? String.fromCharCode(byte) : windows1252Character(byte);
  if (character !== null) windows1252Bytes.set(character.charCodeAt(0), byte);
}

/** The Windows-1252 byte that is `code` (a UTF-16 unit), or -1 when the page has no such character. */
export function windows1252Byte(code: number): number {
  return windows1252Bytes.get(code) ?? -1;
}

const cp437Bytes = new Map<number, number>();
for (let byte = 1; byte < 256; byte += 1) {
  cp437Bytes.set((cp437Character(byte) as string).charCodeAt(0), byte);
}

/** The code page 437 byte drawn as `code` (a UTF-16 unit), or -1 when the page has no such character. */
export function cp437Byte(code: number): number {
  return cp437Bytes.get(code) ?? -1;
}

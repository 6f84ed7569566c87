// AIM symbology identifiers (ISO/IEC 15424: `]`, a code letter, a modifier) → a name people read
// in logs and the diagnostics screen. Only the code letter decides the name; the modifier (options
// such as GS1 or ECI) is kept in the id itself.

const names: Readonly<Record<string, string>> = {
  Q: 'QR Code',
  d: 'Data Matrix',
  L: 'PDF417',
  z: 'Aztec',
  C: 'Code 128',
  E: 'EAN/UPC',
  A: 'Code 39',
  G: 'Code 93',
  F: 'Codabar',
  I: 'Interleaved 2 of 5',
  e: 'GS1 DataBar',
};

/** The readable name of an AIM id (`]Q1` → `QR Code`), or null for a code letter not listed. */
export function symbologyName(aim: string | null): string | null {
  if (aim === null || aim.length !== 3 || aim[0] !== ']') return null;
  return names[aim[1] as string] ?? null;
}

// subset-font ships no types; this is the part of its API (README, v2) that the font build uses.
declare module 'subset-font' {
  interface SubsetFontOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2';
    preserveNameIds?: number[];
    keepAllGlyphs?: boolean;
    noHinting?: boolean;
  }
  function subsetFont(
    font: Uint8Array,
    text: string | null | undefined,
    options?: SubsetFontOptions,
  ): Promise<Uint8Array>;
  export = subsetFont;
}

// Which bundled face draws a character on screen, worked out the way the browser does it from
// renderer/fonts/screen-fonts.css (the family list of the text's language, each face's weight and
// unicode-range) and the character maps of the built files in renderer/fonts/generated/. For the
// e2e tests: `missingGlyphs(visibleText, language)` lists what would be tofu on a kiosk that has no
// font of its own. The files must have been built (`node scripts/build.ts renderer`).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { create, type Font } from 'fontkit';
import {
  inRange,
  parseScreenFontCss,
  type ScreenFontCss,
  type ScreenFontFace,
} from '../../scripts/screen-font-css.ts';
import { screenFontLocations } from '../../scripts/screen-fonts.ts';

export type ScreenLanguage = 'vi' | 'en' | 'zh' | 'ko' | 'ja';

/** The weights the UI sets text in (styles.css: 400, 600, 700 and 800 map onto these faces). */
export const checkedWeights = [400, 600, 700] as const;

/** Characters that need no glyph: white space, joiners, variation selectors, soft hyphens. */
const needsNoGlyph = (character: string) => /^[\s\p{Cf}\p{Cc}\uFE00-\uFE0F]$/u.test(character);

/** The CSS font-matching step for weight (CSS Fonts 4, §5.2): which of the weights is used. */
export function matchWeight(desired: number, available: readonly number[]): number | undefined {
  const sorted = [...new Set(available)].sort((a, b) => a - b);
  if (sorted.includes(desired)) return desired;
  const below = sorted.filter((weight) => weight < desired).reverse();
  const above = sorted.filter((weight) => weight > desired);
  if (desired > 500) return above[0] ?? below[0];
  if (desired < 400) return below[0] ?? above[0];
  return above.find((weight) => weight <= 500) ?? below[0] ?? above[0];
}

export interface GlyphCoverage {
  css: ScreenFontCss;
  /** The family list for text in the language (its :lang() rule, or the default one). */
  stackFor(language: string): string[];
  /** The bundled family that draws the character, or null when none does. */
  familyFor(character: string, language: string, weight?: number): string | null;
  /** The characters of the text that no bundled face draws at some UI weight (each once, in order). */
  missingGlyphs(text: string, language: string): string[];
}

export function loadGlyphCoverage({
  cssPath = screenFontLocations.css,
  fontsDirectory = screenFontLocations.generated,
}: { cssPath?: string; fontsDirectory?: string } = {}): GlyphCoverage {
  const css = parseScreenFontCss(readFileSync(cssPath, 'utf8'));
  const fonts = new Map<string, { font: Font; characters: Set<number> }>();
  const fontOf = (face: ScreenFontFace) => {
    let loaded = fonts.get(face.file);
    if (!loaded) {
      const file = path.join(fontsDirectory, face.file);
      if (!existsSync(file)) {
        throw new Error(`${file} is missing: build the screen fonts first (node scripts/build.ts renderer)`);
      }
      const font = create(readFileSync(file));
      loaded = { font, characters: new Set(font.characterSet) };
      fonts.set(face.file, loaded);
    }
    return loaded;
  };
  const stackFor = (language: string) => {
    const primary = language.toLowerCase().split('-')[0] ?? '';
    return css.stacks[primary] ?? css.stacks.default ?? [];
  };
  const familyFor = (character: string, language: string, weight = 400): string | null => {
    const codePoint = character.codePointAt(0) ?? 0;
    for (const family of stackFor(language)) {
      const faces = css.faces.filter((face) => face.family === family && face.style === 'normal');
      const chosen = matchWeight(
        weight,
        faces.map((face) => face.weight),
      );
      const candidates = faces.filter(
        (face) => face.weight === chosen && inRange(face.unicodeRange, codePoint),
      );
      if (candidates.some((face) => fontOf(face).characters.has(codePoint))) return family;
    }
    return null;
  };
  const missingGlyphs = (text: string, language: string) => {
    const missing = new Set<string>();
    for (const character of text) {
      if (needsNoGlyph(character) || missing.has(character)) continue;
      if (checkedWeights.some((weight) => familyFor(character, language, weight) === null))
        missing.add(character);
    }
    return [...missing];
  };
  return { css, stackFor, familyFor, missingGlyphs };
}

let shared: GlyphCoverage | undefined;

/** `missingGlyphs` of the app's own built fonts: the characters of `text` that would be tofu. */
export function missingGlyphs(text: string, language: ScreenLanguage): string[] {
  shared ??= loadGlyphCoverage();
  return shared.missingGlyphs(text, language);
}

import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { loadFont, type FontKey } from './declaration-fonts.ts';
import { ticketLanguages, ticketTexts, type TicketLanguage } from './ticket-slip-texts.ts';

interface GlyphCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/**
 * The fontkit face of a font file as pdfkit opens it (fontkit.create(buffer)), so the check is on
 * the face the slip is drawn with. Through pdfkit because main/documents may use pdfkit, and
 * fontkit only comes with it (eslint/layers.js).
 */
async function face(key: FontKey): Promise<GlyphCoverage> {
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.registerFont('face', await loadFont(key));
  doc.font('face');
  return (doc as unknown as { _font: { font: GlyphCoverage } })._font.font;
}

/** Every string of a texts entry, by its path ("bring.guardian"). */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key));
  }
  return [[path, value]];
}

const missingGlyphs = (coverage: GlyphCoverage, language: TicketLanguage) =>
  leaves(ticketTexts[language]).flatMap(([path, text]) =>
    [...String(text)]
      .filter((character) => !coverage.hasGlyphForCodePoint(character.codePointAt(0) as number))
      .map((character) => `${path}: ${character} U+${(character.codePointAt(0) as number).toString(16)}`),
  );

describe('ticket slip texts', () => {
  it('has every text, non-empty, in every language', () => {
    expect(Object.keys(ticketTexts).sort()).toEqual([...ticketLanguages].sort());
    const paths = leaves(ticketTexts.vi).map(([path]) => path);
    expect(paths).toContain('bring.guardian');
    for (const language of ticketLanguages) {
      const entries = leaves(ticketTexts[language]);
      expect(
        entries.map(([path]) => path),
        language,
      ).toEqual(paths);
      for (const [path, text] of entries) {
        expect(typeof text, `${language} ${path}`).toBe('string');
        expect((text as string).trim(), `${language} ${path}`).not.toBe('');
      }
    }
  });

  it('is translated: every text in its own script, none left in Vietnamese or English', () => {
    const scripts: Record<'zh' | 'ko' | 'ja', { has: RegExp; hasNot: RegExp }> = {
      zh: { has: /\p{Script=Han}/u, hasNot: /[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u },
      ko: { has: /\p{Script=Hangul}/u, hasNot: /[\p{Script=Hiragana}\p{Script=Katakana}]/u },
      ja: { has: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u, hasNot: /\p{Script=Hangul}/u },
    };
    const english = new Map(leaves(ticketTexts.en));
    for (const [path, vietnamese] of leaves(ticketTexts.vi)) {
      expect(english.get(path), `en ${path}`).not.toBe(vietnamese);
      for (const [language, script] of Object.entries(scripts)) {
        const text = String(new Map(leaves(ticketTexts[language as TicketLanguage])).get(path));
        expect(text, `${language} ${path}`).toMatch(script.has);
        expect(text, `${language} ${path}`).not.toMatch(script.hasNot);
      }
    }
  });

  it('has a glyph for every character of the Chinese, Japanese and Korean texts in their Noto face', async () => {
    const faces: Record<'zh' | 'ja' | 'ko', FontKey> = { zh: 'chinese', ja: 'japanese', ko: 'korean' };
    for (const [language, key] of Object.entries(faces) as ['zh' | 'ja' | 'ko', FontKey][]) {
      expect(missingGlyphs(await face(key), language), language).toEqual([]);
    }
    // The check can fail: the Chinese face has no Hangul.
    expect(missingGlyphs(await face('chinese'), 'ko').length).toBeGreaterThan(0);
  });

  it('has a glyph for every character of the Vietnamese and English texts in Be Vietnam Pro', async () => {
    for (const key of ['vietnameseRegular', 'vietnameseBold'] as const) {
      const coverage = await face(key);
      for (const language of ['vi', 'en'] as const) {
        expect(missingGlyphs(coverage, language), `${key} ${language}`).toEqual([]);
      }
      expect(missingGlyphs(coverage, 'ja').length).toBeGreaterThan(0);
    }
  });
});

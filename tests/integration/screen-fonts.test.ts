// The screen fonts draw every string of the UI in its own language, with no tofu on a machine that
// has no font of its own: the built files' character maps (fontkit) against every string of every
// locale file found, the way screen-fonts.css tells the browser to pick faces. The build is the
// real one (scripts/screen-fonts.ts, cached: cold it takes a few seconds).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create } from 'fontkit';
import { inRange, rootFontFamily, type ScreenFontFace } from '../../scripts/screen-font-css.ts';
import {
  buildScreenFonts,
  cjkLanguages,
  isCjkCharacter,
  readLocaleFiles,
  screenFontFiles,
  screenFontLocations,
  type CjkLanguage,
  type LocaleFile,
  type ScreenFontBuild,
} from '../../scripts/screen-fonts.ts';
import {
  loadGlyphCoverage,
  matchWeight,
  missingGlyphs,
  type GlyphCoverage,
} from '../support/glyph-coverage.ts';
import { makeTemporaryDirectory } from '../support/temporary-directory.ts';

const regionalFamily: Record<CjkLanguage, string> = {
  zh: 'BHXH Noto Sans SC',
  ja: 'BHXH Noto Sans JP',
  ko: 'BHXH Noto Sans KR',
};
const latinFamily = 'BHXH Be Vietnam Pro';
const buildTimeout = 180_000;

/** Each character that is not drawn by the expected family, as `"X" U+XXXX in file: family`. */
function wrongFamily(
  coverage: GlyphCoverage,
  text: string,
  language: string,
  expected: string,
  where: string,
  pick: (character: string) => boolean,
): string[] {
  const wrong = new Set<string>();
  for (const character of new Set(text)) {
    if (!pick(character)) continue;
    for (const weight of [400, 700]) {
      const family = coverage.familyFor(character, language, weight);
      if (family !== expected) {
        const codePoint = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
        wrong.add(`"${character}" U+${codePoint} in ${where} at ${weight}: ${family ?? 'no face'}`);
      }
    }
  }
  return [...wrong];
}

const relative = (file: string) => path.relative(screenFontLocations.locales, file);

describe('the built screen fonts and the real locale files', () => {
  let build: ScreenFontBuild;
  let coverage: GlyphCoverage;
  let locales: LocaleFile[];

  beforeAll(async () => {
    build = await buildScreenFonts();
    coverage = loadGlyphCoverage();
    locales = await readLocaleFiles();
  }, buildTimeout);

  it('makes every file of the table, each well under 300 kB and with a character map', () => {
    expect(build.files.map((file) => file.file).sort()).toEqual(
      screenFontFiles.map((file) => file.file).sort(),
    );
    for (const file of build.files) {
      expect(file.bytes, file.file).toBeLessThan(300_000);
      // A face without a character map is rejected by the browser's font checker.
      const font = create(readFileSync(path.join(screenFontLocations.generated, file.file)));
      expect(font.characterSet.length, file.file).toBeGreaterThan(0);
    }
  });

  it('draws every character of every locale file in a bundled face, at every UI weight', () => {
    const missing = locales.flatMap((locale) =>
      coverage
        .missingGlyphs(locale.strings.join('\n'), locale.language)
        .map((character) => `"${character}" in ${relative(locale.path)}`),
    );
    expect(missing).toEqual([]);
  });

  it("draws each CJK locale file's Han, kana, Hangul and CJK punctuation in its own region's face", () => {
    const cjkLocales = locales.filter((locale) =>
      (cjkLanguages as readonly string[]).includes(locale.language),
    );
    const wrong = cjkLocales.flatMap((locale) =>
      wrongFamily(
        coverage,
        locale.strings.join(''),
        locale.language,
        regionalFamily[locale.language as CjkLanguage],
        relative(locale.path),
        isCjkCharacter,
      ),
    );
    expect(wrong).toEqual([]);
  });

  it('draws every letter, mark and digit of the Vietnamese and English files in Be Vietnam Pro', () => {
    const latinLocales = locales.filter((locale) => locale.language === 'vi' || locale.language === 'en');
    expect(latinLocales.length).toBeGreaterThanOrEqual(2);
    const wrong = latinLocales.flatMap((locale) =>
      wrongFamily(
        coverage,
        locale.strings.join(''),
        locale.language,
        latinFamily,
        relative(locale.path),
        (c) => /[\p{L}\p{M}\p{N}]/u.test(c),
      ),
    );
    expect(wrong).toEqual([]);
  });

  it('draws the characters the screens write themselves (string literals, JSX text) in every language', () => {
    const found = new Set<string>();
    const visit = (node: ts.Node) => {
      if (
        ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node) ||
        ts.isJsxText(node)
      ) {
        for (const character of node.text) if ((character.codePointAt(0) ?? 0) > 0x7f) found.add(character);
      }
      ts.forEachChild(node, visit);
    };
    const sources = readdirSync(screenFontLocations.rendererSources, {
      recursive: true,
      encoding: 'utf8',
    }).filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name));
    for (const name of sources) {
      const file = path.join(screenFontLocations.rendererSources, name);
      visit(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false));
    }
    expect(found.size).toBeGreaterThan(0);
    const text = [...found].join('');
    for (const language of ['vi', 'en', ...cjkLanguages] as const) {
      expect(coverage.missingGlyphs(text, language), language).toEqual([]);
    }
  });

  it('reports what no bundled face draws, so it can fail', () => {
    const used = locales.map((locale) => locale.strings.join('')).join('');
    // A Han character and a Hangul syllable that no locale file uses are not in any subset.
    const han = [...'龘靐齉爩'].find((character) => !used.includes(character)) ?? '';
    const hangul = [...'뷁똠쀍꿻'].find((character) => !used.includes(character)) ?? '';
    expect(han).not.toBe('');
    expect(hangul).not.toBe('');
    expect(missingGlyphs(`ABC ${han}${hangul} ✓`, 'zh')).toEqual([han, hangul]);
    expect(missingGlyphs(`Xin chào ${hangul}`, 'vi')).toEqual([hangul]);
    // An emoji has no face at all.
    expect(missingGlyphs('Thành công 🎉', 'vi')).toEqual(['🎉']);
  });
});

describe('the font build on fixture locale files, one per language', () => {
  const fixture = makeTemporaryDirectory('screen-fonts');
  const localesDirectory = path.join(fixture.path, 'locales');
  const outputDirectory = path.join(fixture.path, 'generated');
  // The same Han characters (直, 骨, 写, 说) differ between the regions; kana and Hangul appear only in
  // their own files; the Vietnamese strings carry every tone mark on a vowel of each kind.
  const strings: Record<string, Record<string, unknown>> = {
    'vi.json': {
      title: 'Bảo hiểm xã hội – Tiếp nhận hồ sơ',
      tones: 'ả ã ạ ắ ằ ẳ ẵ ặ ề ể ễ ệ ỏ ỗ ộ ờ ở ỡ ợ ừ ử ữ ự ỳ ỷ ỹ ỵ Đ',
    },
    'en.json': { title: 'Social Security – “reception” … ✗ →' },
    'zh.json': { a: { b: '直接扫描二维码，骨头写说明。' } },
    'kiosk/ja.json': { title: '直接スキャンしてください「骨」写真、説明。' },
    'ko.json': { title: '직접 스캔하십시오. 骨 사회보험' },
  };
  let coverage: GlyphCoverage;

  beforeAll(async () => {
    mkdirSync(path.join(localesDirectory, 'kiosk'), { recursive: true });
    for (const [name, content] of Object.entries(strings)) {
      writeFileSync(path.join(localesDirectory, name), JSON.stringify(content));
    }
    await buildScreenFonts({ localesDirectory, outputDirectory });
    coverage = loadGlyphCoverage({ fontsDirectory: outputDirectory });
  }, buildTimeout);
  afterAll(() => fixture.remove());

  it('draws every fixture string, each CJK character from its own region', async () => {
    for (const locale of await readLocaleFiles(localesDirectory)) {
      const text = locale.strings.join('');
      expect(coverage.missingGlyphs(text, locale.language), locale.path).toEqual([]);
      if ((cjkLanguages as readonly string[]).includes(locale.language)) {
        const expected = regionalFamily[locale.language as CjkLanguage];
        expect(wrongFamily(coverage, text, locale.language, expected, locale.path, isCjkCharacter)).toEqual(
          [],
        );
      }
    }
  });

  it('subsets each CJK face to its own language: Korean has no kana, Japanese no Hangul', () => {
    const characterSet = (file: string) =>
      new Set(create(readFileSync(path.join(outputDirectory, file))).characterSet);
    expect(characterSet('noto-sans-kr-400.woff2').has(0x30b9)).toBe(false); // ス
    expect(characterSet('noto-sans-jp-400.woff2').has(0xc9c1)).toBe(false); // 직
    expect(characterSet('noto-sans-jp-400.woff2').has(0x30b9)).toBe(true);
    expect(characterSet('noto-sans-kr-700.woff2').has(0xc9c1)).toBe(true);
    expect(characterSet('noto-sans-sc-400.woff2').has(0x76f4)).toBe(true); // 直
    expect(characterSet('noto-sans-sc-400.woff2').has(0x3002)).toBe(true); // 。 (base punctuation)
  });

  it('draws 骨 with a different outline in Chinese and Japanese (the regional forms)', () => {
    const outline = (file: string) =>
      create(readFileSync(path.join(outputDirectory, file)))
        .glyphForCodePoint(0x9aa8)
        .path.toSVG();
    expect(outline('noto-sans-sc-400.woff2')).not.toBe(outline('noto-sans-jp-400.woff2'));
    expect(coverage.familyFor('骨', 'zh')).toBe('BHXH Noto Sans SC');
    expect(coverage.familyFor('骨', 'ja')).toBe('BHXH Noto Sans JP');
    expect(coverage.familyFor('骨', 'ko')).toBe('BHXH Noto Sans KR');
  });

  it('caches: a second build with the same inputs makes nothing', async () => {
    const again = await buildScreenFonts({ localesDirectory, outputDirectory });
    expect(again.files.filter((file) => !file.cached)).toEqual([]);
  });
});

describe('renderer/fonts/screen-fonts.css', () => {
  const css = loadGlyphCoverage({ fontsDirectory: '/nonexistent' }).css;
  const facesOf = (family: string) => css.faces.filter((face) => face.family === family);
  const covers = (face: ScreenFontFace | undefined, character: string) =>
    face !== undefined && inRange(face.unicodeRange, character.codePointAt(0) ?? 0);

  it('blocks (never swaps to a fallback) on every face: a kiosk fallback for CJK is tofu', () => {
    expect(css.faces.length).toBeGreaterThan(0);
    for (const face of css.faces) expect(face.display, `${face.family} ${face.file}`).toBe('block');
  });

  it("sets Chinese, Japanese and Korean text in its own region's face, after the Latin letters", () => {
    for (const language of cjkLanguages) {
      const stack = css.stacks[language] ?? [];
      expect(stack.slice(0, 2), language).toEqual(['BHXH Be Vietnam Pro Latin', regionalFamily[language]]);
      const others = cjkLanguages.filter((other) => other !== language).map((other) => regionalFamily[other]);
      for (const other of others) expect(stack.indexOf(other), `${language}: ${other}`).toBeGreaterThan(1);
    }
  });

  it('keeps CJK punctuation out of the Latin face in CJK text, and Vietnamese in it', () => {
    for (const face of facesOf('BHXH Be Vietnam Pro Latin')) {
      for (const character of '“”‘’…—–、。「」（）直') expect(covers(face, character), character).toBe(false);
      for (const character of 'AzĐđơưạỹ09₫') expect(covers(face, character), character).toBe(true);
    }
    for (const face of facesOf(latinFamily)) {
      for (const character of 'AĐơưạỹ“”…–₫≠') expect(covers(face, character), character).toBe(true);
      expect(covers(face, '直')).toBe(false);
    }
  });

  it('sets every other language in Be Vietnam Pro first, with the CJK faces behind it, as styles.css :root does', () => {
    const defaultStack = css.stacks.default ?? [];
    expect(defaultStack[0]).toBe(latinFamily);
    for (const family of Object.values(regionalFamily)) expect(defaultStack).toContain(family);
    const styles = readFileSync(path.join(screenFontLocations.rendererSources, 'styles.css'), 'utf8');
    expect(rootFontFamily(styles)).toEqual(defaultStack);
  });

  it('has a face (no synthetic bold) for each weight styles.css uses, in every family that has weights', () => {
    const styles = readFileSync(path.join(screenFontLocations.rendererSources, 'styles.css'), 'utf8');
    const used = [...new Set([...styles.matchAll(/font-weight:\s*(\d+)/g)].map((match) => Number(match[1])))];
    expect(used).toContain(700);
    for (const family of [latinFamily, ...Object.values(regionalFamily)]) {
      const weights = facesOf(family)
        .filter((face) => face.style === 'normal')
        .map((face) => face.weight);
      for (const weight of used) {
        const matched = matchWeight(weight, weights) ?? 0;
        expect(matched >= 600, `${family} at ${weight} is drawn with ${matched}`).toBe(weight >= 600);
      }
    }
  });

  it('loads fonts only from the app itself', () => {
    const text = readFileSync(screenFontLocations.css, 'utf8');
    const urls = [...text.matchAll(/url\(([^)]*)\)/g)].map((match) => match[1] ?? '');
    expect(urls.length).toBe(css.faces.length);
    for (const url of urls) expect(url).toMatch(/^'\.\/generated\/[a-z0-9-]+\.woff2'$/);
  });
});

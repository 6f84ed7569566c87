// Reads renderer/fonts/screen-fonts.css, the one description of the screen fonts: which files
// make up which family, with which unicode-range, and which families each language's text is set
// in. The coverage checks (tests/support/glyph-coverage.ts) pick faces from it as the browser does,
// and the font build checks it names exactly the files it makes. It parses only the plain form
// that file is written in (quoted family names, no nesting), not CSS in general.

export interface ScreenFontFace {
  family: string;
  /** The file's name in renderer/fonts/generated/. */
  file: string;
  weight: number;
  style: 'normal' | 'italic';
  /** Inclusive code point ranges; null when the face has no unicode-range (every character). */
  unicodeRange: ReadonlyArray<readonly [number, number]> | null;
  display: string | null;
}

export interface ScreenFontCss {
  faces: ScreenFontFace[];
  /** Families in order, by language (`zh`, `ja`, `ko`), and `default` for every other language. */
  stacks: Record<string, string[]>;
}

/** `U+0000-036F, U+4??` as inclusive ranges. */
export function parseUnicodeRange(value: string): Array<[number, number]> {
  return value.split(',').map((part) => {
    const match = /^U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?$/i.exec(part.trim());
    if (!match?.[1]) throw new Error(`unicode-range: cannot read "${part.trim()}"`);
    const [, first, last] = match;
    if (last) return [parseInt(first, 16), parseInt(last, 16)];
    return [parseInt(first.replaceAll('?', '0'), 16), parseInt(first.replaceAll('?', 'F'), 16)];
  });
}

export function inRange(range: ScreenFontFace['unicodeRange'], codePoint: number): boolean {
  return range === null || range.some(([first, last]) => codePoint >= first && codePoint <= last);
}

/** The family names of a font-family value, quotes removed, in order. */
export function parseFontFamilyList(value: string): string[] {
  return value
    .split(',')
    .map((name) => name.trim().replace(/^(['"])(.*)\1$/, '$2'))
    .filter((name) => name !== '');
}

function declarations(body: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const declaration of body.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    found.set(
      declaration.slice(0, colon).trim().toLowerCase(),
      declaration
        .slice(colon + 1)
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  return found;
}

export function parseScreenFontCss(css: string): ScreenFontCss {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const faces: ScreenFontFace[] = [];
  const stacks: Record<string, string[]> = {};
  for (const rule of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selector = (rule[1] ?? '').trim();
    const body = declarations(rule[2] ?? '');
    const family = body.get('font-family');
    if (!family) continue;
    if (selector === '@font-face') {
      const file = /url\(\s*['"]?\.\/generated\/([^'")]+)['"]?\s*\)/.exec(body.get('src') ?? '')?.[1];
      if (!file) throw new Error(`@font-face ${family}: src must be url('./generated/<file>')`);
      const range = body.get('unicode-range');
      faces.push({
        family: parseFontFamilyList(family)[0] ?? '',
        file,
        weight: Number(body.get('font-weight') ?? 400),
        style: body.get('font-style') === 'italic' ? 'italic' : 'normal',
        unicodeRange: range ? parseUnicodeRange(range) : null,
        display: body.get('font-display') ?? null,
      });
      continue;
    }
    const families = parseFontFamilyList(family);
    if (/:not\(/.test(selector)) stacks.default = families;
    else
      for (const language of selector.matchAll(/:lang\(([a-z-]+)\)/gi)) stacks[language[1] ?? ''] = families;
  }
  return { faces, stacks };
}

/** The top-level `:root { font-family }` of a stylesheet (renderer/styles.css). */
export function rootFontFamily(css: string): string[] | null {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const body = /(?:^|\})\s*:root\s*\{([^{}]*)\}/.exec(text)?.[1];
  const family = body === undefined ? undefined : declarations(body).get('font-family');
  return family ? parseFontFamilyList(family) : null;
}

// The renderer's screen fonts (renderer/fonts/screen-fonts.css), made at build time from the font
// packages in devDependencies: Be Vietnam Pro whole (≈ 36 kB a weight), and the Noto Sans CJK
// faces (≈ 10 MB each) cut down to the characters the locale files use, as WOFF2. A locale file
// added or changed is picked up by the next build; every output is cached under its inputs' hash
// (the source font's bytes, the characters, the subsetter's version), so a build that changes no
// text costs only reading the locale files (≈ 0.2 s). `node scripts/screen-fonts.ts` runs this
// step alone and lists the files.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { create } from 'fontkit';
import { parseScreenFontCss } from './screen-font-css.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const screenFontLocations = {
  css: path.join(root, 'renderer/fonts/screen-fonts.css'),
  generated: path.join(root, 'renderer/fonts/generated'),
  locales: path.join(root, 'renderer/i18n/locales'),
  rendererSources: path.join(root, 'renderer'),
  cache: path.join(root, 'node_modules/.cache/bhxh-screen-fonts'),
};

export type CjkLanguage = 'zh' | 'ja' | 'ko';
export const cjkLanguages: readonly CjkLanguage[] = ['zh', 'ja', 'ko'];

/**
 * What goes into a file: the whole font; the characters of one CJK language's locale files; or,
 * for a symbol face, the characters of the whole UI (locale files and the renderer's source) that
 * are not CJK, that the Latin face and the symbol faces before it lack, and that it has.
 */
export type ScreenFontCharacters = 'whole-font' | CjkLanguage | 'symbols';

export interface ScreenFontFile {
  file: string;
  /** The source font, as a module path (resolved in node_modules). */
  source: string;
  characters: ScreenFontCharacters;
  /**
   * Characters a symbol face holds even when the UI uses none of them: a face without any would
   * have no character map, which the browser's font checker rejects.
   */
  always?: string;
}

const beVietnamPro = '@expo-google-fonts/be-vietnam-pro';
const notoSans = (region: 'SC' | 'JP' | 'KR', weight: '400Regular' | '700Bold') =>
  `@expo-google-fonts/noto-sans-${region.toLowerCase()}/${weight}/NotoSans${region}_${weight}.ttf`;

export const screenFontFiles: readonly ScreenFontFile[] = [
  {
    file: 'be-vietnam-pro-400.woff2',
    source: `${beVietnamPro}/400Regular/BeVietnamPro_400Regular.ttf`,
    characters: 'whole-font',
  },
  {
    file: 'be-vietnam-pro-400-italic.woff2',
    source: `${beVietnamPro}/400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf`,
    characters: 'whole-font',
  },
  {
    file: 'be-vietnam-pro-600.woff2',
    source: `${beVietnamPro}/600SemiBold/BeVietnamPro_600SemiBold.ttf`,
    characters: 'whole-font',
  },
  {
    file: 'be-vietnam-pro-700.woff2',
    source: `${beVietnamPro}/700Bold/BeVietnamPro_700Bold.ttf`,
    characters: 'whole-font',
  },
  { file: 'noto-sans-sc-400.woff2', source: notoSans('SC', '400Regular'), characters: 'zh' },
  { file: 'noto-sans-sc-700.woff2', source: notoSans('SC', '700Bold'), characters: 'zh' },
  { file: 'noto-sans-jp-400.woff2', source: notoSans('JP', '400Regular'), characters: 'ja' },
  { file: 'noto-sans-jp-700.woff2', source: notoSans('JP', '700Bold'), characters: 'ja' },
  { file: 'noto-sans-kr-400.woff2', source: notoSans('KR', '400Regular'), characters: 'ko' },
  { file: 'noto-sans-kr-700.woff2', source: notoSans('KR', '700Bold'), characters: 'ko' },
  {
    file: 'noto-sans-symbols-2-400.woff2',
    source: '@fontsource/noto-sans-symbols-2/files/noto-sans-symbols-2-symbols-400-normal.woff2',
    characters: 'symbols',
    always: '✓✗',
  },
  {
    file: 'noto-sans-sc-symbols-400.woff2',
    source: notoSans('SC', '400Regular'),
    characters: 'symbols',
    always: '←→',
  },
];

/** The face whose characters the symbol faces leave out: the first family of every stack. */
const latinSource = `${beVietnamPro}/400Regular/BeVietnamPro_400Regular.ttf`;

/**
 * Added to every CJK face whatever the locale files say: ASCII, and the full-width and CJK
 * punctuation a translator may add in any string without it showing in the strings used so far.
 */
export const cjkBaseCharacters = [
  [0x20, 0x7e],
  [0x3000, 0x3003],
  [0x3008, 0x3011],
  [0x3014, 0x301f],
  [0x30fb, 0x30fc],
  [0xff01, 0xff0f],
  [0xff1a, 0xff20],
  [0xff3b, 0xff40],
  [0xff5b, 0xff65],
]
  .flatMap(([first = 0, last = 0]) =>
    Array.from({ length: last - first + 1 }, (_, index) => String.fromCodePoint(first + index)),
  )
  .concat([...'‘’“”…—–·'])
  .join('');

/** Characters of the CJK scripts and their punctuation: these must come from the language's own face. */
export function isCjkCharacter(character: string): boolean {
  const codePoint = character.codePointAt(0) ?? 0;
  return (
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u.test(
      character,
    ) ||
    (codePoint >= 0x3000 && codePoint <= 0x303f) ||
    (codePoint >= 0x3200 && codePoint <= 0x33ff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xffef)
  );
}

export interface LocaleFile {
  path: string;
  /** The primary language subtag of the file's name: `zh` for zh.json, kiosk/zh.json or zh-CN.json. */
  language: string;
  strings: string[];
}

function stringsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (value && typeof value === 'object')
    for (const child of Object.values(value)) stringsOf(child, into);
  return into;
}

/** Every locale file under the folder (any depth), with every string it holds (keys are not shown). */
export async function readLocaleFiles(directory = screenFontLocations.locales): Promise<LocaleFile[]> {
  const names = (await readdir(directory, { recursive: true }))
    .filter((name) => name.endsWith('.json'))
    .sort();
  return Promise.all(
    names.map(async (name) => ({
      path: path.join(directory, name),
      language: (path.basename(name, '.json').split(/[-_.]/)[0] ?? '').toLowerCase(),
      strings: stringsOf(JSON.parse(await readFile(path.join(directory, name), 'utf8'))),
    })),
  );
}

/**
 * The non-ASCII characters of the renderer's own source (✓ and ✗ of the identity comparison, ⌫
 * of the on-screen keyboard): only the symbol faces take them, so the characters of comments that
 * come along cost a few glyphs at most.
 */
async function rendererSourceCharacters(directory: string): Promise<string> {
  const names = (await readdir(directory, { recursive: true })).filter(
    (name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name),
  );
  const found = new Set<string>();
  for (const name of names) {
    for (const character of await readFile(path.join(directory, name), 'utf8')) {
      if ((character.codePointAt(0) ?? 0) > 0x7f) found.add(character);
    }
  }
  return [...found].join('');
}

const uniqueSorted = (text: string) =>
  [...new Set(text)].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0)).join('');

/**
 * The characters each file of the table holds, or null for the whole font. `characterSetOf` gives
 * the code points a source font has (for the symbol faces).
 */
export function charactersOfFiles(
  locales: readonly LocaleFile[],
  sourceCharacters: string,
  characterSetOf: (source: string) => ReadonlySet<number>,
  files: readonly ScreenFontFile[] = screenFontFiles,
): Map<string, string | null> {
  const byLanguage = new Map<string, string>();
  for (const locale of locales) {
    byLanguage.set(locale.language, (byLanguage.get(locale.language) ?? '') + locale.strings.join(''));
  }
  // A CJK character in a Vietnamese or English string (none today) is drawn by the first CJK
  // family of the default stack, Noto Sans SC.
  const strayCjk = [...byLanguage]
    .filter(([language]) => !(cjkLanguages as readonly string[]).includes(language))
    .flatMap(([, text]) => [...text].filter(isCjkCharacter))
    .join('');
  const covered = new Set(characterSetOf(latinSource));
  const symbols = [...new Set([...byLanguage.values()].join('') + sourceCharacters)].filter(
    (character) => !/\s/.test(character) && !isCjkCharacter(character),
  );
  const result = new Map<string, string | null>();
  for (const file of files) {
    if (file.characters === 'whole-font') {
      result.set(file.file, null);
    } else if (file.characters === 'symbols') {
      const has = characterSetOf(file.source);
      const taken = symbols.filter((character) => {
        const codePoint = character.codePointAt(0) ?? 0;
        return !covered.has(codePoint) && has.has(codePoint);
      });
      for (const character of taken) covered.add(character.codePointAt(0) ?? 0);
      result.set(file.file, uniqueSorted(taken.join('') + (file.always ?? '')));
    } else {
      const own = byLanguage.get(file.characters) ?? '';
      result.set(
        file.file,
        uniqueSorted(cjkBaseCharacters + own + (file.characters === 'zh' ? strayCjk : '')),
      );
    }
  }
  return result;
}

// By the node_modules lookup, not require.resolve: harfbuzzjs does not export its package.json.
function packageDirectory(name: string, from: string): string {
  for (const directory of createRequire(path.join(from, 'noop.js')).resolve.paths(name) ?? []) {
    if (existsSync(path.join(directory, name, 'package.json'))) return path.join(directory, name);
  }
  throw new Error(`${name} is not installed (npm ci)`);
}

function packageVersion(name: string, from: string): string {
  return (require(path.join(packageDirectory(name, from), 'package.json')) as { version: string }).version;
}

// harfbuzzjs and wawoff2 are subset-font's own dependencies: their versions are resolved from it.
function subsetterVersions(): string {
  const subsetFont = packageDirectory('subset-font', root);
  const fontverter = packageDirectory('fontverter', subsetFont);
  return [
    `subset-font@${packageVersion('subset-font', root)}`,
    `harfbuzzjs@${packageVersion('harfbuzzjs', subsetFont)}`,
    `wawoff2@${packageVersion('wawoff2', fontverter)}`,
  ].join(' ');
}

export interface SubsetJob {
  sourcePath: string;
  /** null: every glyph of the font. */
  characters: string | null;
}

// The license (name IDs 13 and 14) stays in each file: the fonts are under the SIL Open Font
// License, which wants it to travel with them. The rest of the name table is dropped as usual.
const subsetOptions = { targetFormat: 'woff2', preserveNameIds: [13, 14] } as const;

export interface ScreenFontBuild {
  files: Array<{ file: string; bytes: number; characters: number | null; cached: boolean }>;
  milliseconds: number;
}

export interface ScreenFontBuildOptions {
  localesDirectory?: string;
  outputDirectory?: string;
  cacheDirectory?: string;
  rendererSourcesDirectory?: string;
  cssPath?: string;
  /** Subsetting threads; WOFF2's Brotli compression takes ≈ 1 s for a CJK face. */
  threads?: number;
}

async function writeIfChanged(target: string, bytes: Uint8Array): Promise<void> {
  if (existsSync(target) && Buffer.from(bytes).equals(await readFile(target))) return;
  // Write then rename: a test or an e2e run reading the folder never sees half a file.
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, target);
}

const sourceMemoFile = 'sources.json';

interface SourceFacts {
  size: number;
  mtimeMs: number;
  sha256: string;
  /** The code points the font has, as inclusive ranges. */
  characterSet?: Array<[number, number]>;
}

/**
 * What the build needs to know of each source font (its SHA-256, its character set), remembered
 * by path, size and modification time: hashing the 10 MB CJK files, or decompressing a WOFF2 in
 * JavaScript to read its character map, on every build would cost more than all the rest of a
 * cached build.
 */
async function sourceMemo(cacheDirectory: string) {
  const memoPath = path.join(cacheDirectory, sourceMemoFile);
  let memo: Record<string, SourceFacts> = {};
  try {
    memo = JSON.parse(await readFile(memoPath, 'utf8')) as typeof memo;
  } catch {
    // No memo yet, or a broken one: every source is read again.
  }
  let changed = false;
  const factsOf = async (sourcePath: string): Promise<SourceFacts> => {
    const { size, mtimeMs } = await stat(sourcePath);
    const known = memo[sourcePath];
    if (known && known.size === size && known.mtimeMs === mtimeMs) return known;
    const sha256 = createHash('sha256')
      .update(await readFile(sourcePath))
      .digest('hex');
    changed = true;
    return (memo[sourcePath] = { size, mtimeMs, sha256 });
  };
  return {
    hash: async (sourcePath: string) => (await factsOf(sourcePath)).sha256,
    async characterSet(sourcePath: string): Promise<Set<number>> {
      const facts = await factsOf(sourcePath);
      if (!facts.characterSet) {
        const ranges: Array<[number, number]> = [];
        for (const codePoint of [...create(await readFile(sourcePath)).characterSet].sort((x, y) => x - y)) {
          const last = ranges.at(-1);
          if (last && codePoint === last[1] + 1) last[1] = codePoint;
          else ranges.push([codePoint, codePoint]);
        }
        facts.characterSet = ranges;
        changed = true;
      }
      const set = new Set<number>();
      for (const [first, last] of facts.characterSet) for (let c = first; c <= last; c++) set.add(c);
      return set;
    },
    async save(): Promise<void> {
      if (changed) await writeIfChanged(memoPath, Buffer.from(JSON.stringify(memo)));
    },
  };
}

const cacheLifetimeMs = 14 * 24 * 3600 * 1000;

/** Makes the screen fonts into the output folder; returns what it did. */
export async function buildScreenFonts(options: ScreenFontBuildOptions = {}): Promise<ScreenFontBuild> {
  const started = Date.now();
  const outputDirectory = options.outputDirectory ?? screenFontLocations.generated;
  const cacheDirectory = options.cacheDirectory ?? screenFontLocations.cache;
  const { faces } = parseScreenFontCss(await readFile(options.cssPath ?? screenFontLocations.css, 'utf8'));
  const declared = new Set(faces.map((face) => face.file));
  const tabled = new Set(screenFontFiles.map((file) => file.file));
  const untabled = [...declared].filter((file) => !tabled.has(file));
  const undeclared = [...tabled].filter((file) => !declared.has(file));
  if (untabled.length || undeclared.length) {
    throw new Error(
      `screen-fonts.css and scripts/screen-fonts.ts disagree: declared only in the CSS: ${untabled.join(', ') || 'none'}; ` +
        `made only by the build: ${undeclared.join(', ') || 'none'}`,
    );
  }
  const sources = await sourceMemo(cacheDirectory);
  const characterSets = new Map<string, ReadonlySet<number>>();
  const symbolSources = screenFontFiles
    .filter((file) => file.characters === 'symbols')
    .map((file) => file.source);
  for (const source of new Set([latinSource, ...symbolSources])) {
    characterSets.set(source, await sources.characterSet(require.resolve(source)));
  }
  const characters = charactersOfFiles(
    await readLocaleFiles(options.localesDirectory),
    await rendererSourceCharacters(options.rendererSourcesDirectory ?? screenFontLocations.rendererSources),
    (source) => characterSets.get(source) ?? new Set(),
  );
  await mkdir(outputDirectory, { recursive: true });
  await mkdir(cacheDirectory, { recursive: true });

  const versions = subsetterVersions();
  const planned = await Promise.all(
    screenFontFiles.map(async (file) => {
      const sourcePath = require.resolve(file.source);
      const text = characters.get(file.file) ?? null;
      const key = createHash('sha256')
        .update(JSON.stringify([1, versions, subsetOptions, await sources.hash(sourcePath), text]))
        .digest('hex');
      return { file, sourcePath, text, cachePath: path.join(cacheDirectory, `${key}.woff2`) };
    }),
  );
  const missing = planned.filter((entry) => !existsSync(entry.cachePath));
  if (missing.length) {
    const made = await subsetInWorkers(
      missing.map((entry) => ({ sourcePath: entry.sourcePath, characters: entry.text })),
      options.threads ?? Math.min(2, availableParallelism()),
    );
    await Promise.all(
      missing.map((entry, index) => writeIfChanged(entry.cachePath, made[index] as Uint8Array)),
    );
  }

  const now = new Date();
  const report: ScreenFontBuild['files'] = [];
  for (const entry of planned) {
    const bytes = await readFile(entry.cachePath);
    await writeIfChanged(path.join(outputDirectory, entry.file.file), bytes);
    await utimes(entry.cachePath, now, now);
    report.push({
      file: entry.file.file,
      bytes: bytes.length,
      characters: entry.text === null ? null : [...entry.text].length,
      cached: !missing.includes(entry),
    });
  }
  for (const name of await readdir(outputDirectory)) {
    if (!tabled.has(name)) await rm(path.join(outputDirectory, name), { force: true });
  }
  await sources.save();
  // Each change of a CJK locale file leaves its old subsets behind; those unused for two weeks go.
  const used = new Set([sourceMemoFile, ...planned.map((entry) => path.basename(entry.cachePath))]);
  for (const name of await readdir(cacheDirectory)) {
    const cached = path.join(cacheDirectory, name);
    if (!used.has(name) && now.getTime() - (await stat(cached)).mtimeMs > cacheLifetimeMs) {
      await rm(cached, { force: true });
    }
  }
  return { files: report, milliseconds: Date.now() - started };
}

/**
 * Runs the jobs on a few worker threads (scripts/screen-fonts-worker.ts): the WOFF2 compression
 * is synchronous WebAssembly, so threads are what lets a cold build use both cores.
 */
async function subsetInWorkers(jobs: readonly SubsetJob[], threads: number): Promise<Uint8Array[]> {
  const results: Uint8Array[] = new Array<Uint8Array>(jobs.length);
  let next = 0;
  const runWorker = async () => {
    const worker = new Worker(new URL('./screen-fonts-worker.ts', import.meta.url));
    try {
      while (next < jobs.length) {
        const index = next++;
        results[index] = await new Promise<Uint8Array>((resolve, reject) => {
          const onError = (error: Error) => reject(error);
          worker.once('error', onError);
          worker.once('message', (message: { bytes?: Uint8Array; error?: string }) => {
            worker.off('error', onError);
            if (message.bytes) resolve(message.bytes);
            else reject(new Error(`subsetting ${jobs[index]?.sourcePath}: ${message.error}`));
          });
          worker.postMessage({ job: jobs[index], options: subsetOptions });
        });
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(threads, jobs.length)) }, runWorker));
  return results;
}

export function describeScreenFontBuild(build: ScreenFontBuild): string {
  const total = build.files.reduce((sum, file) => sum + file.bytes, 0);
  const made = build.files.filter((file) => !file.cached).length;
  return (
    `screen fonts: ${build.files.length} files, ${(total / 1024).toFixed(0)} KiB, ` +
    `${made} subset${made === 1 ? '' : 's'} made, ${build.files.length - made} cached, ${build.milliseconds} ms`
  );
}

if (import.meta.main) {
  const build = await buildScreenFonts();
  for (const file of build.files) {
    console.error(
      `  ${file.file.padEnd(34)} ${(file.bytes / 1024).toFixed(1).padStart(7)} KiB` +
        `${file.characters === null ? '  whole font' : `  ${file.characters} characters`}${file.cached ? '  (cached)' : ''}`,
    );
  }
  console.error(describeScreenFontBuild(build));
}

// The fonts of the declaration. Be Vietnam Pro has every Vietnamese letter (pdfkit's built-in
// Helvetica has none of ơ, ư, ạ …); the summary page of a Chinese, Japanese or Korean session
// needs a Noto Sans CJK face as well. The files come from the @expo-google-fonts packages (full
// TTFs; pdfkit embeds only the glyphs used). The CJK files are 5–11 MB, so each is read only
// when a summary in its language is first printed, and every file is kept in memory after that:
// a kiosk prints many forms.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

export const fontFiles = {
  vietnameseRegular: '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
  vietnameseBold: '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf',
  chinese: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  japanese: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  korean: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
} as const;
export type FontKey = keyof typeof fontFiles;

const require = createRequire(import.meta.url);

/**
 * Where a font file is: in a packaged app, electron-builder copies the few files used into
 * resources/fonts (electron-builder.yml), since the font packages hold every weight (≈ 200 MB) and
 * are not shipped; from a checkout, the package in node_modules.
 */
function fontPath(key: FontKey): string {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) {
    const packaged = path.join(resources, 'fonts', path.basename(fontFiles[key]));
    if (existsSync(packaged)) return packaged;
  }
  return require.resolve(fontFiles[key]);
}
const loaded = new Map<FontKey, Promise<Buffer>>();

/** The bytes of one font file, read once per process. */
export function loadFont(key: FontKey): Promise<Buffer> {
  let loading = loaded.get(key);
  if (!loading) {
    loading = readFile(fontPath(key));
    // A failed read (a broken installation) is retried next time rather than cached.
    loading.catch(() => loaded.delete(key));
    loaded.set(key, loading);
  }
  return loading;
}

/** Fonts read so far (the benchmark and tests check the CJK files are not read needlessly). */
export function loadedFontKeys(): FontKey[] {
  return [...loaded.keys()];
}

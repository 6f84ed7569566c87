/** The families of screen-fonts.css; the browser's own and the system's are left alone. */
export const screenFontFamilyPrefix = 'BHXH ';

/**
 * Starts loading every bundled face that is not loaded yet, and settles when all have settled.
 * With font-display: block, text in a face still loading is invisible; loading them all once,
 * right after the first paint, makes a later switch to Chinese, Japanese or Korean, or the first
 * bold heading in one, paint at once instead of after a file read. A face that fails to load is
 * left to the fallback (the promise does not reject).
 */
export function preloadScreenFonts(fonts: Pick<FontFaceSet, 'forEach'>): Promise<void> {
  const loading: Array<Promise<unknown>> = [];
  fonts.forEach((face) => {
    const family = face.family.replace(/^(['"])(.*)\1$/, '$2');
    if (family.startsWith(screenFontFamilyPrefix) && face.status === 'unloaded') {
      loading.push(face.load().catch(() => undefined));
    }
  });
  return Promise.all(loading).then(() => undefined);
}

import { describe, expect, it } from 'vitest';
import { preloadScreenFonts } from './preload-screen-fonts.ts';

function fakeFace(family: string, status: FontFaceLoadStatus, fails = false) {
  const face = {
    family,
    status,
    loads: 0,
    load() {
      face.loads++;
      return fails ? Promise.reject(new Error('network')) : Promise.resolve(face);
    },
  };
  return face;
}

describe('preloadScreenFonts', () => {
  it('loads each bundled face not loaded yet, and no other font', async () => {
    const faces = [
      fakeFace('"BHXH Noto Sans SC"', 'unloaded'),
      fakeFace('BHXH Noto Sans JP', 'unloaded'),
      fakeFace('"BHXH Be Vietnam Pro"', 'loaded'),
      fakeFace('Some Extension Font', 'unloaded'),
    ];
    const set = { forEach: (visit: (face: FontFace) => void) => faces.forEach((f) => visit(f as never)) };
    await preloadScreenFonts(set as Pick<FontFaceSet, 'forEach'>);
    expect(faces.map((face) => face.loads)).toEqual([1, 1, 0, 0]);
  });

  it('settles when a face fails to load: the fallback draws it', async () => {
    const faces = [fakeFace('BHXH Noto Sans KR', 'unloaded', true)];
    const set = { forEach: (visit: (face: FontFace) => void) => faces.forEach((f) => visit(f as never)) };
    await expect(preloadScreenFonts(set as Pick<FontFaceSet, 'forEach'>)).resolves.toBeUndefined();
  });
});

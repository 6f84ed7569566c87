// `node scripts/build.ts renderer|electron|all`: the renderer with Vite (vite.config.ts), and the
// Electron side (shell, preload, backend utility process) as CommonJS bundles (electron-bundles.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { buildElectronBundle, electronEntries, type ElectronEntry } from './electron-bundles.ts';
import { buildScreenFonts, describeScreenFontBuild } from './screen-fonts.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function buildRenderer(): Promise<void> {
  // First: screen-fonts.css points at the files it makes (renderer/fonts/generated/).
  console.error(describeScreenFontBuild(await buildScreenFonts()));
  await build({ configFile: path.join(root, 'vite.config.ts'), root: path.join(root, 'renderer') });
}

const target = process.argv[2] ?? 'all';
if (!['renderer', 'electron', 'all'].includes(target)) {
  console.error('usage: node scripts/build.ts renderer|electron|all');
  process.exit(64);
}
const started = Date.now();
if (target === 'renderer' || target === 'all') await buildRenderer();
if (target === 'electron' || target === 'all') {
  for (const name of Object.keys(electronEntries) as ElectronEntry[]) await buildElectronBundle(name);
}
console.error(`build ${target}: ${Date.now() - started} ms`);

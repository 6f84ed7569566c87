// `node scripts/build.ts renderer|electron|all`: the renderer with Vite (vite.config.ts), and the
// Electron side (shell, preload, backend utility process) as CommonJS bundles with Vite's library
// mode. Native modules and electron stay external: they are loaded from node_modules (unpacked
// from the asar archive by electron-builder).
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const external = [
  'electron',
  'better-sqlite3',
  'node-hid',
  'pdfkit',
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
];

const electronEntries: Record<string, string> = {
  shell: 'main/shell/electron-main.ts',
  preload: 'preload/bridge/preload.ts',
  backend: 'main/host/utility-process-main.ts',
};

async function buildRenderer(): Promise<void> {
  await build({ configFile: path.join(root, 'vite.config.ts'), root: path.join(root, 'renderer') });
}

async function buildElectron(): Promise<void> {
  for (const [name, entry] of Object.entries(electronEntries)) {
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      build: {
        outDir: path.join(root, 'dist', 'electron'),
        emptyOutDir: false,
        target: 'node22',
        minify: false,
        sourcemap: true,
        ssr: true,
        rollupOptions: {
          input: path.join(root, entry),
          external,
          output: { format: 'cjs', entryFileNames: `${name}.cjs` },
        },
      },
      // Bundle every pure-JS dependency: a sandboxed preload cannot require anything from node_modules.
      ssr: { noExternal: true },
    });
  }
}

const target = process.argv[2] ?? 'all';
const started = Date.now();
if (target === 'renderer' || target === 'all') await buildRenderer();
if (target === 'electron' || target === 'all') await buildElectron();
if (!['renderer', 'electron', 'all'].includes(target)) {
  console.error('usage: node scripts/build.ts renderer|electron|all');
  process.exit(64);
}
console.error(`build ${target}: ${Date.now() - started} ms`);

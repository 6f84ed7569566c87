// The Electron side (shell, preload, backend utility process) as CommonJS bundles with Vite's
// library mode. Native modules and electron stay external: they are loaded from node_modules
// (unpacked from the asar archive by electron-builder).
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { operationNames } from '../preload/contract/operations.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const external = [
  'electron',
  'better-sqlite3',
  'node-hid',
  'pdfkit',
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
];

export const electronEntries = {
  shell: 'main/shell/electron-main.ts',
  preload: 'preload/bridge/preload.ts',
  backend: 'main/host/utility-process-main.ts',
} as const;

export type ElectronEntry = keyof typeof electronEntries;

export async function buildElectronBundle(
  name: ElectronEntry,
  outDir = path.join(root, 'dist', 'electron'),
): Promise<string> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    // The sandboxed preload exposes one function per operation but must not bundle the contract's
    // schemas (zod): the names are written in as a constant.
    define: name === 'preload' ? { __BHXH_OPERATION_NAMES__: JSON.stringify(operationNames) } : {},
    build: {
      outDir,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: true,
      ssr: true,
      rollupOptions: {
        input: path.join(root, electronEntries[name]),
        external,
        output: { format: 'cjs', entryFileNames: `${name}.cjs` },
      },
    },
    // Bundle every pure-JS dependency: a sandboxed preload cannot require anything from node_modules.
    ssr: { noExternal: true },
  });
  return path.join(outDir, `${name}.cjs`);
}

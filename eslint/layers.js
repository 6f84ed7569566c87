// @ts-check
// The layers of the code base and what each may import, as an allow-list (the spirit of VS Code's
// `code-layering` rule): anything a layer does not list is an error. See docs/architecture.md.
//
// A layer is a set of repository paths. `paths` entries are folders or files relative to the
// repository root (`main/core` covers `main/core/**`) or regular expressions over the whole
// relative path. A file belongs to the layer with the most specific (longest) matching entry, so
// `central/protocol` wins over `central`. A file that no layer covers is reported: a new top folder
// must be added here deliberately.
//
// `mayImport` lists repository paths the same way (a layer may always import its own files);
// `packages` lists npm packages by name (`react` allows `react/jsx-runtime` too; `@scope/*` allows
// the whole scope); `builtins` says whether Node built-ins (`node:fs`, `fs`) are allowed.
// `unrestricted: true` allows everything (build scripts, tests, configuration).
// Type-only imports follow the same rules: the point is the direction of the dependency.
import { fileURLToPath } from 'node:url';

/**
 * @typedef {object} Layer
 * @property {string} name
 * @property {ReadonlyArray<string | RegExp>} paths
 * @property {readonly string[]} [mayImport]
 * @property {readonly string[]} [packages]
 * @property {boolean} [builtins]
 * @property {boolean} [unrestricted]
 */

/** The repository root (this file lives in `<root>/eslint/`). */
export const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/** Everything in main/ but the Electron shell. */
const backend = [
  'main/core',
  'main/security',
  'main/store',
  'main/sync',
  'main/devices',
  'main/documents',
  'main/services',
  'main/host',
];

/** @type {readonly Layer[]} */
export const layers = [
  {
    name: 'main/core',
    paths: ['main/core'],
    // resources/domain holds reference data (the province list) that the pure parsers read.
    mayImport: ['resources'],
    packages: ['zod'],
    builtins: false,
  },
  {
    name: 'main/security',
    paths: ['main/security'],
    mayImport: ['main/core'],
    builtins: true,
  },
  {
    name: 'main/store',
    paths: ['main/store'],
    mayImport: ['main/core', 'main/security', 'preload/contract'],
    packages: ['better-sqlite3', 'zod'],
    builtins: true,
  },
  {
    name: 'main/sync',
    paths: ['main/sync'],
    mayImport: ['main/core', 'main/store', 'central/protocol', 'preload/contract'],
    packages: ['zod'],
    builtins: true,
  },
  {
    name: 'main/devices',
    paths: ['main/devices'],
    mayImport: ['main/core', 'preload/contract'],
    // pdf-to-printer: printing on Windows (SumatraPDF); Linux and macOS print through CUPS's lp.
    packages: ['node-hid', 'zod', 'pdf-to-printer'],
    builtins: true,
  },
  {
    name: 'main/documents',
    paths: ['main/documents'],
    // resources/forms: the default declaration template; resources/domain: office names.
    mayImport: ['main/core', 'main/store', 'preload/contract', 'resources'],
    // qrcode: the registration code's QR symbol, drawn with pdfkit. echarts (server-side SVG) and
    // svg-to-pdfkit: the reports' charts as vectors in the PDF; write-excel-file: the XLSX export.
    packages: ['pdfkit', 'zod', 'qrcode', 'echarts', 'svg-to-pdfkit', 'write-excel-file'],
    builtins: true,
  },
  {
    name: 'main/services',
    paths: ['main/services'],
    mayImport: [
      'main/core',
      'main/security',
      'main/store',
      'main/sync',
      'main/devices',
      'main/documents',
      'preload/contract',
      // Training mode starts the reference central service in-process.
      'central/server',
      'central/seed',
      'central/protocol',
      // The backend reports the application's version.
      'package.json',
    ],
    packages: ['zod'],
    builtins: true,
  },
  {
    name: 'main/host',
    paths: ['main/host'],
    // The CLI also runs the central service's commands.
    mayImport: [...backend, 'preload/contract', 'central'],
    // zxing-wasm, pngjs, jpeg-js: `id decode-image` reads QR codes in PNG/JPEG files.
    packages: ['ws', 'zod', 'better-sqlite3', 'zxing-wasm', 'pngjs', 'jpeg-js'],
    builtins: true,
  },
  {
    name: 'main/shell',
    paths: ['main/shell'],
    mayImport: ['main/services', 'main/host', 'main/core', 'preload/contract', 'preload/bridge'],
    packages: ['electron'],
    builtins: true,
  },
  {
    name: 'preload/contract',
    paths: ['preload/contract'],
    mayImport: ['main/core'],
    packages: ['zod'],
    builtins: false,
  },
  {
    name: 'preload/bridge',
    paths: ['preload/bridge'],
    mayImport: ['preload/contract'],
    builtins: false,
  },
  {
    // The sandboxed preload itself: the only file of preload/ that may import electron.
    name: 'preload/bridge/preload.ts',
    paths: ['preload/bridge/preload.ts'],
    mayImport: ['preload/bridge', 'preload/contract'],
    packages: ['electron'],
    builtins: false,
  },
  {
    name: 'renderer',
    paths: ['renderer'],
    mayImport: ['preload/contract', 'main/core'],
    // zod: the renderer names the types of the contract's schemas (`z.infer`). zxing-wasm: the
    // camera's QR decoder worker. pdfjs-dist: the print preview's page images. echarts: the reports'
    // charts (the same options the PDF export renders to SVG, main/core/reports).
    packages: [
      'react',
      'react-dom',
      'react-i18next',
      'i18next',
      'zod',
      'zxing-wasm',
      'pdfjs-dist',
      'echarts',
    ],
    builtins: false,
  },
  {
    // The sync wire protocol, shared by the central service and the desktop's sync client.
    name: 'central/protocol',
    paths: ['central/protocol'],
    mayImport: ['main/core'],
    packages: ['zod'],
    builtins: false,
  },
  {
    // Benchmarks of the central service: central's code plus the tests/bench harness they plug into.
    name: 'central/bench',
    paths: ['central/bench'],
    mayImport: ['central', 'main/core', 'main/security', 'tests/bench'],
    packages: ['better-sqlite3', 'zod'],
    builtins: true,
  },
  {
    name: 'central',
    paths: ['central'],
    mayImport: ['main/core', 'main/security', 'resources'],
    packages: ['better-sqlite3', 'zod'],
    builtins: true,
  },
  {
    // Data files (JSON); nothing here imports anything.
    name: 'resources',
    paths: ['resources'],
    builtins: false,
  },
  {
    name: 'package.json',
    paths: ['package.json'],
    builtins: false,
  },
  { name: 'scripts', paths: ['scripts'], unrestricted: true },
  { name: 'tests', paths: ['tests'], unrestricted: true },
  {
    name: 'configuration',
    paths: [/^[^/]+\.config\.[cm]?[jt]s$/, 'eslint'],
    unrestricted: true,
  },
];

/**
 * Test files (`*.test.ts(x)`, and test-only helper modules `*-test-helpers.ts` that only tests
 * import) belong to their folder's layer and may in addition import these.
 */
export const testFiles = {
  pattern: /(\.test\.tsx?|-test-helpers\.ts)$/,
  /**
   * Support code and fixtures, real servers and backends for integration-style tests, and a
   * direct look into a database file to check what a call did (or did not) write.
   */
  mayImport: ['tests', 'central', 'main'],
  packages: ['vitest', 'fast-check', '@testing-library/*', 'jsdom', 'better-sqlite3'],
  builtins: true,
};

// @ts-check
// Lint proves the layering of ../shared/ARCHITECTURE.md (see docs/architecture.md) with an
// allow-list: eslint/layers.js says, per layer (folder), which layers and npm packages it may
// import and whether it may use Node built-ins; `architecture/layering` (eslint/layering-rule.js)
// reports every other import, type-only ones included. In brief:
//   main/core      pure domain code: zod only, no Node built-ins, no DOM; importable from anywhere.
//   main/**        the Electron-free backend: only main/shell may import electron.
//   preload/contract  the API contract: zod schemas only; no Node, no DOM, no electron.
//   preload/bridge the contextBridge: the contract, and electron in preload.ts only.
//   renderer/**    React: no Node built-ins, no electron, nothing from the backend but main/core.
//   central/**     the reference central service: Node, never electron, the renderer or the desktop backend.
// The no-restricted-globals blocks below keep DOM globals out of the backend and Node's out of the
// pure and browser-side code. tests/architecture/import-cycles.test.ts checks there are no cycles.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { layeringRule } from './eslint/layering-rule.js';

const domGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'HTMLElement',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'test-results/', 'playwright-report/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs,ts,mts,cts,tsx}'],
    plugins: { architecture: { rules: { layering: layeringRule } } },
    rules: { 'architecture/layering': 'error' },
  },
  {
    files: [
      'main/**/*.ts',
      'central/**/*.ts',
      'scripts/**/*.ts',
      'tests/**/*.ts',
      'eslint/**/*.{js,ts}',
      '*.config.ts',
      '*.config.js',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['main/**/*.ts', 'central/**/*.ts'],
    ignores: ['main/shell/**'],
    rules: { 'no-restricted-globals': ['error', ...domGlobals] },
  },
  {
    files: ['main/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...domGlobals, 'process', 'Buffer', 'require', '__dirname', 'fetch'],
    },
  },
  {
    // The sync wire protocol is shared by the central service and the desktop's sync client.
    files: ['preload/contract/**/*.ts', 'central/protocol/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-globals': ['error', ...domGlobals, 'process', 'Buffer'] },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
);

// @ts-check
// Lint proves the layering of ../shared/ARCHITECTURE.md (see docs/architecture.md):
//   main/core      pure domain code: no I/O, no Node built-ins, no DOM; importable from anywhere.
//   main/**        the Electron-free backend: no `electron`, no DOM, no React (only main/shell may use electron).
//   preload/contract  the API contract: zod schemas only; no Node, no DOM, no electron.
//   preload/bridge the contextBridge: electron's renderer-side API only.
//   renderer/**    React: no Node built-ins, no electron, nothing from the backend but main/core.
//   central/**     the reference central service: Node, never electron or the renderer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const domGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'HTMLElement',
];

const forbidNodeBuiltins = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'No Node built-ins on this layer.' })),
};
const electron = {
  group: ['electron', 'electron/*'],
  message: 'Only main/shell and preload/bridge may import electron.',
};
const react = {
  group: ['react', 'react-dom', 'react-dom/*', 'react-i18next'],
  message: 'No React outside renderer/.',
};
const rendererCode = { group: ['**/renderer/**'], message: 'The backend never imports the renderer.' };
const backendCode = {
  group: ['**/main/*/**', '!**/main/core/**', '**/central/**'],
  message:
    'The renderer reaches the backend only through the API contract (main/core is allowed: it is pure).',
};
const ioFromCore = {
  group: [
    '**/store/**',
    '**/sync/**',
    '**/devices/**',
    '**/documents/**',
    '**/services/**',
    '**/host/**',
    '**/shell/**',
  ],
  message: 'main/core is pure: it imports nothing that does I/O.',
};

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
    files: [
      'main/**/*.ts',
      'central/**/*.ts',
      'scripts/**/*.ts',
      'tests/**/*.ts',
      '*.config.ts',
      '*.config.js',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['main/**/*.ts', 'central/**/*.ts'],
    ignores: ['main/shell/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electron, react, rendererCode] }],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['main/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...forbidNodeBuiltins, patterns: [electron, react, rendererCode, ioFromCore] },
      ],
      'no-restricted-globals': ['error', ...domGlobals, 'process', 'Buffer', 'require', '__dirname', 'fetch'],
    },
  },
  {
    files: ['main/shell/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [react, rendererCode] }] },
  },
  {
    // The sync wire protocol is shared by the central service and the desktop's sync client.
    files: ['preload/contract/**/*.ts', 'central/protocol/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...forbidNodeBuiltins, patterns: [electron, react, rendererCode] },
      ],
      'no-restricted-globals': ['error', ...domGlobals, 'process', 'Buffer'],
    },
  },
  {
    files: ['preload/bridge/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { ...forbidNodeBuiltins, patterns: [react, rendererCode] }] },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { ...forbidNodeBuiltins, patterns: [electron, backendCode] }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
);

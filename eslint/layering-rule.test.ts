import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { layeringRule } from './layering-rule.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = fileURLToPath(new URL('..', import.meta.url));
const file = (repositoryPath: string) => path.join(root, repositoryPath);

const ruleTester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2024, sourceType: 'module' },
});

const valid = (repositoryPath: string, code: string) => ({ filename: file(repositoryPath), code });
const invalid = (repositoryPath: string, code: string, messageId = 'forbidden') => ({
  filename: file(repositoryPath),
  code,
  errors: [{ messageId }],
});

ruleTester.run('architecture/layering', layeringRule, {
  valid: [
    // main/core: itself, zod, reference data.
    valid(
      'main/core/id-card/parse.ts',
      "import { z } from 'zod';\nimport { a } from '../text/vietnamese-text.ts';",
    ),
    valid(
      'main/core/id-card/checks.ts',
      "import p from '../../../resources/domain/provinces.json' with { type: 'json' };",
    ),
    // A test file of main/core gets vitest, fast-check, Node built-ins, tests/ support and the backends.
    valid(
      'main/core/id-card/parse.test.ts',
      [
        "import { it } from 'vitest';",
        "import fc from 'fast-check';",
        "import fs from 'node:fs';",
        "import { f } from '../../../tests/support/id-fixtures.ts';",
        "import { s } from '../../store/open-store.ts';",
        "import { c } from '../../../central/server/start-central-server.ts';",
      ].join('\n'),
    ),
    // The store: core, security, the contract, SQLite, Node.
    valid(
      'main/store/open-store.ts',
      "import Database from 'better-sqlite3';\nimport fs from 'node:fs';\nimport type { R } from '../core/registration/registration.ts';",
    ),
    // Test-only helpers count as tests.
    valid(
      'main/store/store-test-helpers.ts',
      "import { d } from '../../tests/fixtures/documented-registration.ts';",
    ),
    valid('main/sync/sync-engine.ts', "import { p } from '../../central/protocol/sync-protocol.ts';"),
    valid('main/services/backend.ts', "import packageJson from '../../package.json' with { type: 'json' };"),
    valid('main/services/session/session-service.ts', "import { s } from '../../store/store.ts';"),
    valid(
      'main/services/sync/training.ts',
      "import { s } from '../../../central/server/start-central-server.ts';",
    ),
    valid('main/host/cli.ts', "const m = await import('../../central/cli/serve-command.ts');"),
    valid(
      'main/host/web/web-host.ts',
      "import { WebSocketServer } from 'ws';\nimport http from 'node:http';",
    ),
    valid(
      'main/shell/electron-main.ts',
      "import { app } from 'electron';\nimport { c } from '../host/content-security-policy.ts';",
    ),
    valid(
      'main/shell/electron-main.ts',
      "import { apiCallChannel } from '../../preload/bridge/build-bridge-api.ts';",
    ),
    valid(
      'preload/contract/operations.ts',
      "import { z } from 'zod';\nimport { r } from '../../main/core/registration/registration.ts';",
    ),
    valid(
      'preload/bridge/preload.ts',
      "import { contextBridge } from 'electron';\nimport { b } from './build-bridge-api.ts';",
    ),
    valid(
      'preload/bridge/build-bridge-api.ts',
      "import type { ApiResult } from '../contract/api-result.ts';",
    ),
    valid(
      'renderer/app/App.tsx',
      [
        "import { useState } from 'react';",
        "import { jsx } from 'react/jsx-runtime';",
        "import { createRoot } from 'react-dom/client';",
        "import { useTranslation } from 'react-i18next';",
        "import type { z } from 'zod';",
        "import './styles.css';",
        "import logo from '../assets/logo.svg?url';",
        "import type { S } from '../../preload/contract/sync-schema.ts';",
        "import type { IdParseResult } from '../../main/core/id-card/id-card-types.ts';",
      ].join('\n'),
    ),
    // The camera's QR decoder worker: zxing-wasm and its .wasm as a bundled asset.
    valid(
      'renderer/scan/camera/qr-decode-worker.ts',
      "import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';\nimport { readBarcodes } from 'zxing-wasm/reader';",
    ),
    // `id decode-image`: zxing-wasm in Node, PNG and JPEG decoding.
    valid(
      'main/host/qr-image/decode-image-file.ts',
      "import { readBarcodes } from 'zxing-wasm/reader';\nimport { PNG } from 'pngjs';\nimport jpeg from 'jpeg-js';",
    ),
    valid('renderer/i18n/locales.test.ts', "import fs from 'node:fs';\nimport { describe } from 'vitest';"),
    valid(
      'central/protocol/sync-protocol.ts',
      "import { z } from 'zod';\nimport { w } from '../../main/core/registration/conflict-winner.ts';",
    ),
    valid(
      'central/seed/seed.ts',
      "import { h } from '../../main/security/password-hash.ts';\nimport { p } from '../protocol/sync-protocol.ts';",
    ),
    valid(
      'central/bench/central-sync-benchmark.ts',
      "import { result } from '../../tests/bench/bench-result.ts';",
    ),
    valid(
      'central/cli/central-commands.test.ts',
      "import type { CliIo } from '../../main/host/cli/cli-command.ts';",
    ),
    // Build scripts, tests and configuration may import anything.
    valid('scripts/build.ts', "import { build } from 'vite';\nimport { x } from '../main/host/cli.ts';"),
    valid(
      'tests/e2e/kiosk-mode.spec.ts',
      "import { test } from '@playwright/test';\nimport { _electron } from 'playwright';",
    ),
    valid(
      'vite.config.ts',
      "import react from '@vitejs/plugin-react';\nimport { c } from './main/host/content-security-policy.ts';",
    ),
    valid('eslint/layers.js', "import { fileURLToPath } from 'node:url';"),
    // A computed import() cannot be checked.
    valid('main/core/a.ts', 'const m = await import(name);'),
  ],
  invalid: [
    // main/core is pure.
    invalid('main/core/a.ts', "import Database from 'better-sqlite3';"),
    invalid('main/core/a.ts', "import { s } from '../store/x.ts';"),
    invalid('main/core/a.ts', "import type { Store } from '../store/store.ts';"),
    invalid('main/core/a.ts', "import fs from 'node:fs';"),
    // The QR strategy in main/core receives the reader; it does not import it.
    invalid('main/core/qr-decode/a.ts', "import { readBarcodes } from 'zxing-wasm/reader';"),
    invalid('main/core/a.ts', "import path from 'path';"),
    invalid('main/core/a.ts', "export { s } from '../store/x.ts';"),
    invalid('main/core/a.ts', "export * from '../sync/x.ts';"),
    invalid('main/core/a.ts', "const m = await import('../services/x.ts');"),
    invalid('main/core/a.ts', "type S = import('../host/x.ts').S;"),
    invalid('main/core/a.ts', "import fs = require('node:fs');"),
    invalid('main/core/a.ts', "const fs = require('fs');"),
    // A test file still cannot import electron.
    invalid('main/core/a.test.ts', "import { app } from 'electron';"),
    // The renderer: no ws, no Node, no electron, no backend.
    invalid('renderer/app/App.tsx', "import WebSocket from 'ws';"),
    invalid('renderer/app/App.tsx', "import fs from 'node:fs';"),
    invalid('renderer/app/App.tsx', "import { ipcRenderer } from 'electron';"),
    invalid('renderer/app/App.tsx', "import { s } from '../../main/store/store.ts';"),
    invalid(
      'renderer/api/electron-api-client.ts',
      "import type { BridgeApi } from '../../preload/bridge/build-bridge-api.ts';",
    ),
    // The central service: never electron, the renderer or the desktop backend.
    invalid('central/server/a.ts', "import { app } from 'electron';"),
    invalid('central/server/a.ts', "import { App } from '../../renderer/app/App.tsx';"),
    invalid(
      'central/cli/serve-command.ts',
      "import type { CliRun } from '../../main/host/cli/cli-command.ts';",
    ),
    invalid('central/store/a.ts', "import { s } from '../../main/store/store.ts';"),
    invalid('central/protocol/sync-protocol.ts', "import http from 'node:http';"),
    // The contract: no store, no Node.
    invalid('preload/contract/operations.ts', "import { s } from '../../main/store/store.ts';"),
    invalid('preload/contract/operations.ts', "import fs from 'node:fs';"),
    // Electron in main/ only in the shell; in preload/ only in preload.ts.
    invalid('main/services/backend.ts', "import { app } from 'electron';"),
    invalid('main/host/web-main.ts', "import { app } from 'electron';"),
    invalid('preload/bridge/build-bridge-api.ts', "import { ipcRenderer } from 'electron';"),
    invalid('main/store/a.ts', "import { s } from '../services/backend.ts';"),
    invalid('main/sync/a.ts', "import { s } from '../services/backend.ts';"),
    invalid('main/services/a.ts', "import { s } from '../shell/electron-main.ts';"),
    invalid('main/services/a.ts', "import { s } from '../../central/store/device-store.ts';"),
    invalid('main/store/a.ts', "import { d } from '../../tests/fixtures/documented-registration.ts';"),
    // Files and imports outside every layer.
    invalid('docs/example.ts', "import { z } from 'zod';", 'fileInNoLayer'),
    invalid('main/app.ts', 'export const a = 1;', 'fileInNoLayer'),
    invalid('main/core/a.ts', "import x from '../../docs/x.ts';", 'targetInNoLayer'),
    invalid('main/core/a.ts', "import x from '../../../../outside.ts';", 'targetInNoLayer'),
  ],
});

// The messages say which layer, what was imported and what the layer may import.
ruleTester.run('architecture/layering messages', layeringRule, {
  valid: [],
  invalid: [
    {
      filename: file('main/core/a.ts'),
      code: "import Database from 'better-sqlite3';",
      errors: [
        {
          message:
            "Layer main/core may not import the package 'better-sqlite3' ('better-sqlite3'). " +
            'main/core may import: main/core, resources; packages: zod; no Node built-ins.',
        },
      ],
    },
    {
      filename: file('preload/contract/operations.ts'),
      code: "import { s } from '../../main/store/store.ts';",
      errors: [
        {
          message:
            "Layer preload/contract may not import main/store/store.ts (layer main/store) ('../../main/store/store.ts'). " +
            'preload/contract may import: preload/contract, main/core; packages: zod; no Node built-ins.',
        },
      ],
    },
    {
      filename: file('renderer/app/App.tsx'),
      code: "import fs from 'node:fs';",
      errors: [
        {
          message:
            "Layer renderer may not import the Node built-in 'node:fs' ('node:fs'). renderer may import: " +
            'renderer, preload/contract, main/core; packages: react, react-dom, react-i18next, i18next, zod, ' +
            'zxing-wasm, pdfjs-dist, echarts; ' +
            'no Node built-ins.',
        },
      ],
    },
    {
      filename: file('main/app.ts'),
      code: 'export const a = 1;',
      errors: [{ message: 'main/app.ts is in no layer: add its folder to the table in eslint/layers.js.' }],
    },
  ],
});

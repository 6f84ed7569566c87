// zxing-wasm in Node: the reader's .wasm is read from node_modules and handed to the module
// (`wasmBinary`), so nothing is fetched; by default zxing-wasm would download it from a CDN,
// which an offline kiosk or CI cannot reach. The bytes are checked against the SHA-256 the
// package's JavaScript was built with: a .wasm from another version fails loudly here rather
// than misbehaving later.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes, ZXING_WASM_SHA256, ZXING_WASM_VERSION } from 'zxing-wasm/reader';
import type { ReadBarcodes } from '../../core/qr-decode/qr-reader-port.ts';

const require = createRequire(import.meta.url);

/** Where the reader's .wasm is on disk (the package's own export of it). */
export function zxingWasmPath(): string {
  return require.resolve('zxing-wasm/reader/zxing_reader.wasm');
}

let loading: Promise<ReadBarcodes> | null = null;

/** The zxing-wasm reader, instantiated once per process from the local .wasm. */
export function loadZxingReader(): Promise<ReadBarcodes> {
  loading ??= (async () => {
    const file = await readFile(zxingWasmPath());
    const digest = createHash('sha256').update(file).digest('hex');
    if (digest !== ZXING_WASM_SHA256) {
      throw new Error(
        `zxing_reader.wasm does not match zxing-wasm ${ZXING_WASM_VERSION} (sha256 ${digest}, expected ${ZXING_WASM_SHA256})`,
      );
    }
    const wasmBinary = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
    await prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
    // The frame is ImageData-shaped ({ data, width, height }), which is what zxing-wasm reads.
    const read: ReadBarcodes = (image, options) =>
      readBarcodes(image as unknown as Parameters<typeof readBarcodes>[0], options);
    return read;
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The Electron executable if the electron package has it on disk, else null. The package fetches
 * the binary from Electron's release site on first launch, which these offices' and CI's machines
 * cannot reach.
 */
export function electronBinaryPath(): string | null {
  const packageDirectory = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(packageDirectory, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(
    process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDirectory, 'dist'),
    readFileSync(pathFile, 'utf8').trim(),
  );
  return existsSync(binary) ? binary : null;
}

export function electronInstallerPath(): string {
  return path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
}

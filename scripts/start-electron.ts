// `npm start`: builds the renderer and the Electron bundles, then launches Electron. The Electron
// binary is downloaded by the electron package on first launch; on machines without access to its
// download site that cannot work, and we say so plainly instead of printing a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath, electronInstallerPath } from './electron-binary.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (!electronBinaryPath()) {
  spawnSync(process.execPath, [electronInstallerPath()], { stdio: 'ignore', timeout: 120_000 });
}
const binary = electronBinaryPath();
if (!binary) {
  console.error(
    'Không tải được Electron trên máy này (không có mạng tới nơi phát hành Electron): hãy dùng chế độ trình duyệt, npm run start:web -- --open\n' +
      "Electron's binary cannot be downloaded on this machine: use the browser mode, npm run start:web -- --open",
  );
  process.exit(1);
}
const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.ts'), 'all'], {
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);
const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));

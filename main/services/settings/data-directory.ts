import path from 'node:path';

// Where the app keeps its configuration, database and backups when `--data-dir` is not given. The
// same folders Electron's app.getPath('userData') uses, so both shells find the same data.
export function defaultDataDirectory(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  homeDirectory: string,
): string {
  const appFolder = 'bhxh-kiosk';
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(homeDirectory, 'AppData', 'Roaming'), appFolder);
  }
  if (platform === 'darwin') {
    return path.posix.join(homeDirectory, 'Library', 'Application Support', appFolder);
  }
  const configHome = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : null;
  return path.posix.join(configHome ?? path.posix.join(homeDirectory, '.config'), appFolder);
}

import { accessSync, constants } from 'node:fs';
import path from 'node:path';

const candidates = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The first Chromium-family browser on PATH, or null. */
export function findChromium(searchPath = process.env.PATH ?? ''): string | null {
  for (const directory of searchPath.split(path.delimiter).filter(Boolean)) {
    for (const name of candidates) {
      const file = path.join(directory, name);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** App-window (counter) or full-screen kiosk flags for opening the browser-mode URL. */
export function chromiumArguments(
  url: string,
  mode: 'counter' | 'kiosk',
  profileDirectory: string,
): string[] {
  return [
    `--user-data-dir=${profileDirectory}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--noerrdialogs',
    // A kiosk reads cards with its webcam and nobody is there to answer a permission prompt: its
    // own profile, which only ever shows this app's page, accepts the camera.
    ...(mode === 'kiosk'
      ? ['--kiosk', '--incognito', '--auto-accept-camera-and-microphone-capture', `--app=${url}`]
      : [`--app=${url}`]),
  ];
}

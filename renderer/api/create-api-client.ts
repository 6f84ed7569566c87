import type { ApiClient } from './api-client.ts';
import { createElectronApiClient } from './electron-api-client.ts';
import { createHttpApiClient, takeLaunchToken } from './http-api-client.ts';

/** Electron exposes window.bhxh; in browser mode the page talks to the host that served it. */
export function createApiClient(): ApiClient | null {
  if (window.bhxh) return createElectronApiClient(window.bhxh);
  const token = takeLaunchToken(window.location, window.history, window.sessionStorage);
  return token ? createHttpApiClient(token, window.location.origin) : null;
}

import { fail, type ApiResult } from '../../preload/contract/api-result.ts';
import { parseBackendEvent, type BackendEvent } from '../../preload/contract/events.ts';
import type { ApiClient } from './api-client.ts';

const tokenStorageKey = 'bhxh-kiosk.token';

/**
 * Browser mode. The launch URL carries the per-launch token (?token=…); it is moved to session
 * storage and removed from the address bar at once, so it is not left in history or screenshots.
 */
export function takeLaunchToken(location: Location, history: History, storage: Storage): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(tokenStorageKey, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(tokenStorageKey);
}

export function createHttpApiClient(token: string, origin: string): ApiClient {
  const listeners = new Set<(event: BackendEvent) => void>();
  let socket: WebSocket | null = null;
  let retryDelayMs = 500;

  function connectEvents(): void {
    const url = new URL('/api/events', origin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(url, ['bhxh-events', `token.${token}`]);
    socket.onopen = () => {
      retryDelayMs = 500;
    };
    socket.onmessage = (message) => {
      let raw: unknown;
      try {
        raw = JSON.parse(String(message.data));
      } catch {
        return;
      }
      const event = parseBackendEvent(raw);
      if (event) for (const listener of listeners) listener(event);
    };
    socket.onclose = () => {
      socket = null;
      if (listeners.size === 0) return;
      // The backend restarts or the machine sleeps: come back with growing, capped delays.
      setTimeout(() => {
        if (listeners.size > 0 && socket === null) connectEvents();
      }, retryDelayMs);
      retryDelayMs = Math.min(retryDelayMs * 2, 10_000);
    };
  }

  return {
    call: async (name, args) => {
      let response: Response;
      try {
        response = await fetch(new URL(`/api/call/${name}`, origin), {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(args),
        });
      } catch {
        return fail('backend-unavailable', 'Không kết nối được với dịch vụ cục bộ.') as never;
      }
      try {
        return (await response.json()) as ApiResult<never>;
      } catch {
        return fail(
          'backend-unavailable',
          `Dịch vụ cục bộ trả lời không hợp lệ (HTTP ${response.status}).`,
        ) as never;
      }
    },
    onEvent: (listener) => {
      listeners.add(listener);
      if (socket === null) connectEvents();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) socket?.close();
      };
    },
  };
}

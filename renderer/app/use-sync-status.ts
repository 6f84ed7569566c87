import { useCallback, useEffect, useState } from 'react';
import type { SyncStatusWire } from '../../preload/contract/areas/sync.ts';
import { useApi } from './api-context.ts';

/** The sync state pushed by the backend as it changes, with a slow poll in case an event is missed. */
export function useSyncStatus(pollMs = 15_000): { status: SyncStatusWire | null; syncNow: () => void } {
  const api = useApi();
  const [status, setStatus] = useState<SyncStatusWire | null>(null);

  useEffect(() => {
    let cancelled = false;
    const refresh = async () => {
      const result = await api.call('sync.status', {});
      if (!cancelled && result.ok) setStatus(result.value);
    };
    void refresh();
    const timer = setInterval(() => void refresh(), pollMs);
    const unsubscribe = api.onEvent((event) => {
      if (event.name === 'sync.status') setStatus(event.payload);
    });
    return () => {
      cancelled = true;
      clearInterval(timer);
      unsubscribe();
    };
  }, [api, pollMs]);

  const syncNow = useCallback(() => {
    void api.call('sync.now', {}).then((result) => {
      if (result.ok) setStatus(result.value);
    });
  }, [api]);

  return { status, syncNow };
}

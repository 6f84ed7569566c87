import { useEffect, useState } from 'react';
import type { OperationResult } from '../../preload/contract/operations.ts';
import { useApi } from './api-context.ts';

export type BackendHealth =
  | { state: 'checking' }
  | { state: 'ok'; health: OperationResult<'health'> }
  | { state: 'down'; message: string };

/** Polls `health` so the status bar shows at once when the local service stops answering. */
export function useBackendHealth(intervalMs = 5000): BackendHealth {
  const api = useApi();
  const [health, setHealth] = useState<BackendHealth>({ state: 'checking' });
  useEffect(() => {
    let cancelled = false;
    const check = async () => {
      const result = await api.call('health', {});
      if (cancelled) return;
      setHealth(
        result.ok ? { state: 'ok', health: result.value } : { state: 'down', message: result.error.message },
      );
    };
    void check();
    const timer = setInterval(() => void check(), intervalMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [api, intervalMs]);
  return health;
}

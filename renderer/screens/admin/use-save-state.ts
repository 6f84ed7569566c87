import { useCallback, useState } from 'react';
import type { ApiError, ApiResult } from '../../../preload/contract/api-result.ts';

// Each section of the administration screen saves on its own and says so in its own place: saving,
// saved (with the time, so a second save of the same values still shows it happened), or the error.

export type SaveState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  | { state: 'failed'; error: ApiError };

export function useSaveState(): {
  saveState: SaveState;
  /** Runs one call, showing its progress and outcome; resolves with the value on success, else null. */
  run: <T>(call: () => Promise<ApiResult<T>>) => Promise<T | null>;
  fail: (error: ApiError) => void;
  reset: () => void;
} {
  const [saveState, setSaveState] = useState<SaveState>({ state: 'idle' });
  const run = useCallback(async <T>(call: () => Promise<ApiResult<T>>): Promise<T | null> => {
    setSaveState({ state: 'saving' });
    const result = await call();
    if (result.ok) {
      setSaveState({ state: 'saved', at: new Date() });
      return result.value;
    }
    setSaveState({ state: 'failed', error: result.error });
    return null;
  }, []);
  const fail = useCallback((error: ApiError) => setSaveState({ state: 'failed', error }), []);
  const reset = useCallback(() => setSaveState({ state: 'idle' }), []);
  return { saveState, run, fail, reset };
}

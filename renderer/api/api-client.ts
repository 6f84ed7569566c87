import type { ApiResult } from '../../preload/contract/api-result.ts';
import type { BackendEvent } from '../../preload/contract/events.ts';
import type { OperationArgs, OperationName, OperationResult } from '../../preload/contract/operations.ts';

/** What the screens use; the two shells provide it differently (IPC bridge or loopback HTTP). */
export interface ApiClient {
  call<N extends OperationName>(name: N, args: OperationArgs<N>): Promise<ApiResult<OperationResult<N>>>;
  onEvent(listener: (event: BackendEvent) => void): () => void;
}

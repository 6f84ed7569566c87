// The backend inside Electron: a utility process started by main/shell, talking to the main process
// over `process.parentPort`. Electron-free on purpose: the same backend runs under plain Node in
// browser mode and in tests. Messages are validated; nothing in them is trusted.
import { createBackend } from '../services/backend.ts';
import { isAppError } from '../services/app-error.ts';

interface ParentPort {
  on(event: 'message', listener: (message: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

type Request = { kind: 'call'; id: number; name: string; args: unknown };

function isRequest(value: unknown): value is Request {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    candidate.kind === 'call' && Number.isSafeInteger(candidate.id) && typeof candidate.name === 'string'
  );
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
const dataDirectory = process.env.BHXH_DATA_DIR;

if (!parentPort || !dataDirectory) {
  console.error('utility-process-main must be started by the Electron shell (parentPort and BHXH_DATA_DIR).');
  process.exit(64);
}

async function serve(port: ParentPort, directory: string): Promise<void> {
  try {
    const backend = await createBackend({ dataDirectory: directory });
    backend.subscribe((event) => port.postMessage({ kind: 'event', event }));
    port.on('message', ({ data }) => {
      if (!isRequest(data)) return;
      void backend
        .call(data.name, data.args)
        .then((result) => port.postMessage({ kind: 'result', id: data.id, result }));
    });
    port.postMessage({ kind: 'ready' });
  } catch (error) {
    port.postMessage({
      kind: 'failed',
      code: isAppError(error) ? error.code : 'internal',
      message: isAppError(error) ? error.message : 'Không khởi động được dịch vụ cục bộ.',
    });
  }
}

void serve(parentPort, dataDirectory);

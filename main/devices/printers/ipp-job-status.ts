// The state of one CUPS job, asked over IPP (Get-Job-Attributes). lpstat cannot tell a completed
// job from a cancelled or aborted one (`-W completed` lists all three and `-l` shows stale
// reasons), yet the kiosk must not report a cancelled form as printed. The server is the one lp
// and lpstat use: `lpstat -H` names it (a domain socket path or host:port), so CUPS_SERVER and
// client.conf are honoured by libcups itself.

import { request } from 'node:http';

export type IppJobState =
  'pending' | 'pending-held' | 'processing' | 'processing-stopped' | 'canceled' | 'aborted' | 'completed';

export interface IppJobStatus {
  state: IppJobState;
  reasons: string[];
  /** job-printer-state-message: the printer's words while it handled the job. */
  message: string | null;
}

export type IppServer = { socketPath: string } | { host: string; port: number };

const jobStates: Readonly<Record<number, IppJobState>> = {
  3: 'pending',
  4: 'pending-held',
  5: 'processing',
  6: 'processing-stopped',
  7: 'canceled',
  8: 'aborted',
  9: 'completed',
};

/** `lpstat -H` output → where to send IPP requests. Null for what it cannot use. */
export function parseCupsServer(output: string): IppServer | null {
  const text = output.trim().split(/\r?\n/)[0]?.trim() ?? '';
  if (text.startsWith('/')) return { socketPath: text };
  // "host:port", "[::1]:631"; a trailing "/version=1.1" is a libcups option, not part of the host.
  const match = /^(\[[^\]]+\]|[^:/\s]+)(?::(\d+))?(?:\/.*)?$/.exec(text);
  if (match === null) return null;
  const host = (match[1] ?? '').replace(/^\[|\]$/g, '');
  return { host, port: match[2] === undefined ? 631 : Number(match[2]) };
}

const tags = {
  operationAttributes: 0x01,
  endOfAttributes: 0x03,
  integer: 0x21,
  enum: 0x23,
  textWithLanguage: 0x35,
  nameWithLanguage: 0x36,
  nameWithoutLanguage: 0x42,
  keyword: 0x44,
  uri: 0x45,
  charset: 0x47,
  naturalLanguage: 0x48,
} as const;

function attribute(tag: number, name: string, value: string): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const valueBytes = Buffer.from(value, 'utf8');
  const header = Buffer.alloc(1 + 2 + nameBytes.length + 2);
  header.writeUInt8(tag, 0);
  header.writeUInt16BE(nameBytes.length, 1);
  nameBytes.copy(header, 3);
  header.writeUInt16BE(valueBytes.length, 3 + nameBytes.length);
  return Buffer.concat([header, valueBytes]);
}

/** An IPP/1.1 Get-Job-Attributes request for job `jobId`. */
export function encodeGetJobAttributes(jobId: number, userName: string, requestId = 1): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt8(1, 0);
  head.writeUInt8(1, 1);
  head.writeUInt16BE(0x0009, 2);
  head.writeUInt32BE(requestId, 4);
  const requested = ['job-state', 'job-state-reasons', 'job-printer-state-message'];
  return Buffer.concat([
    head,
    Buffer.of(tags.operationAttributes),
    attribute(tags.charset, 'attributes-charset', 'utf-8'),
    attribute(tags.naturalLanguage, 'attributes-natural-language', 'en'),
    attribute(tags.uri, 'job-uri', `ipp://localhost/jobs/${jobId}`),
    attribute(tags.nameWithoutLanguage, 'requesting-user-name', userName),
    attribute(tags.keyword, 'requested-attributes', requested[0] ?? ''),
    // Further values of the same attribute have an empty name.
    ...requested.slice(1).map((name) => attribute(tags.keyword, '', name)),
    Buffer.of(tags.endOfAttributes),
  ]);
}

export interface IppResponse {
  statusCode: number;
  attributes: Map<string, Array<string | number>>;
}

/** Decodes an IPP response; values other than integers, enums and strings are skipped. */
export function decodeIppResponse(bytes: Buffer): IppResponse {
  if (bytes.length < 9) throw new Error(`IPP response too short (${bytes.length} bytes)`);
  const statusCode = bytes.readUInt16BE(2);
  const attributes = new Map<string, Array<string | number>>();
  let offset = 8;
  let lastName = '';
  const need = (count: number): void => {
    if (offset + count > bytes.length) throw new Error('IPP response truncated');
  };
  while (offset < bytes.length) {
    need(1);
    const tag = bytes.readUInt8(offset);
    offset += 1;
    if (tag === tags.endOfAttributes) break;
    if (tag <= 0x0f) continue; // the start of another attribute group
    need(2);
    const nameLength = bytes.readUInt16BE(offset);
    offset += 2;
    need(nameLength + 2);
    const name = nameLength === 0 ? lastName : bytes.toString('utf8', offset, offset + nameLength);
    offset += nameLength;
    const valueLength = bytes.readUInt16BE(offset);
    offset += 2;
    need(valueLength);
    const value = bytes.subarray(offset, offset + valueLength);
    offset += valueLength;
    lastName = name;
    let decoded: string | number | null = null;
    if ((tag === tags.integer || tag === tags.enum) && valueLength === 4) decoded = value.readInt32BE(0);
    else if (tag === tags.textWithLanguage || tag === tags.nameWithLanguage) {
      const languageLength = value.readUInt16BE(0);
      decoded = value.toString('utf8', 2 + languageLength + 2);
    } else if (tag >= 0x40 && tag <= 0x4f) decoded = value.toString('utf8');
    if (decoded === null) continue;
    const values = attributes.get(name);
    if (values === undefined) attributes.set(name, [decoded]);
    else values.push(decoded);
  }
  return { statusCode, attributes };
}

/** The job status in a Get-Job-Attributes response; `not-found` when the server has no such job. */
export function jobStatusOf(response: IppResponse): IppJobStatus | 'not-found' {
  // client-error-not-found
  if (response.statusCode === 0x0406) return 'not-found';
  if (response.statusCode > 0x00ff) throw new Error(`IPP status 0x${response.statusCode.toString(16)}`);
  const stateNumber = response.attributes.get('job-state')?.[0];
  const state = typeof stateNumber === 'number' ? jobStates[stateNumber] : undefined;
  if (state === undefined) throw new Error(`IPP response without a known job-state (${String(stateNumber)})`);
  const reasons = (response.attributes.get('job-state-reasons') ?? []).filter(
    (reason): reason is string => typeof reason === 'string' && reason !== 'none',
  );
  const message = response.attributes.get('job-printer-state-message')?.[0];
  return {
    state,
    reasons,
    message: typeof message === 'string' && message.trim() !== '' ? message.trim() : null,
  };
}

/** Asks `server` for job `jobId`. Rejects on connection or protocol errors. */
export function fetchJobStatus(
  server: IppServer,
  jobId: number,
  options: { userName: string; timeoutMs: number },
): Promise<IppJobStatus | 'not-found'> {
  const body = encodeGetJobAttributes(jobId, options.userName);
  const target =
    'socketPath' in server ? { socketPath: server.socketPath } : { host: server.host, port: server.port };
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        ...target,
        method: 'POST',
        path: '/jobs/',
        timeout: options.timeoutMs,
        headers: { 'Content-Type': 'application/ipp', 'Content-Length': body.length, Host: 'localhost' },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          if (response.statusCode !== 200) {
            reject(new Error(`CUPS answered HTTP ${response.statusCode ?? '?'} to Get-Job-Attributes`));
            return;
          }
          try {
            resolve(jobStatusOf(decodeIppResponse(Buffer.concat(chunks))));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    outgoing.on('timeout', () =>
      outgoing.destroy(new Error(`CUPS did not answer within ${options.timeoutMs} ms`)),
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

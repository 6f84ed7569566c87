import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { fail, type ApiResult } from '../../../preload/contract/api-result.ts';
import type { BackendConnection } from '../../services/backend.ts';
import { contentSecurityPolicyHeader } from '../content-security-policy.ts';
import { hasValidBearer, isAllowedHost, isAllowedOrigin, sameSecret } from './request-guard.ts';
import { readStaticFile } from './static-files.ts';

// Browser mode: the backend's API over loopback HTTP (calls) and WebSocket (events), plus the built
// renderer. Same operations as the Electron bridge, same results; only the transport differs.

export interface WebHostOptions {
  backend: BackendConnection;
  rendererDirectory: string;
  /** 0 picks a free port. */
  port?: number;
  /** A fresh random token is made when omitted (the normal case: one per launch). */
  token?: string;
}

export interface WebHost {
  url: string;
  /** The URL to open, with the token the page needs: http://127.0.0.1:PORT/?token=… */
  launchUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const maxBodyBytes = 64 * 1024;
const eventsProtocol = 'bhxh-events';
const tokenProtocolPrefix = 'token.';

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const { backend } = options;
  let port = 0;

  const server = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      console.error('web host request failed', error);
      if (!response.headersSent) sendJson(response, 500, fail('internal', 'Lỗi máy chủ nội bộ.'));
      else response.destroy();
    });
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setSecurityHeaders(response);
    if (!isAllowedHost(request.headers.host, port)) {
      sendJson(response, 421, fail('forbidden-origin', 'Địa chỉ máy chủ không hợp lệ.'));
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      await handleApi(request, response, url);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, fail('invalid-argument', 'Phương thức không được hỗ trợ.'));
      return;
    }
    const file = await readStaticFile(options.rendererDirectory, url.pathname);
    if (!file) {
      sendJson(response, 404, fail('not-found', 'Không tìm thấy.'));
      return;
    }
    response.writeHead(200, {
      'Content-Type': file.contentType,
      'Cache-Control': file.cacheable ? 'private, max-age=3600' : 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (!isAllowedOrigin(request.headers.origin, port)) {
      sendJson(response, 403, fail('forbidden-origin', 'Nguồn yêu cầu không được phép.'));
      return;
    }
    if (!hasValidBearer(request.headers.authorization, token)) {
      sendJson(response, 401, fail('unauthorized', 'Thiếu hoặc sai mã truy cập.'));
      return;
    }
    if (url.pathname === '/api/health' && request.method === 'GET') {
      sendJson(response, 200, await backend.call('health', {}));
      return;
    }
    const callMatch = /^\/api\/call\/([a-z][a-zA-Z0-9.]{0,63})$/.exec(url.pathname);
    if (!callMatch || request.method !== 'POST') {
      sendJson(response, 404, fail('unknown-operation', 'Thao tác không tồn tại.'));
      return;
    }
    const body = await readJsonBody(request);
    if (!body.ok) {
      sendJson(response, body.error.code === 'payload-too-large' ? 413 : 400, body);
      return;
    }
    sendJson(response, 200, await backend.call(callMatch[1], body.value));
  }

  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: 4096,
    // Answer with the events protocol, never echo the token protocol back.
    handleProtocols: (protocols) => (protocols.has(eventsProtocol) ? eventsProtocol : false),
  });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const protocols = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((part) => part.trim());
    const presented = protocols.find((protocol) => protocol.startsWith(tokenProtocolPrefix));
    const authorised =
      url.pathname === '/api/events' &&
      isAllowedHost(request.headers.host, port) &&
      request.headers.origin !== undefined &&
      isAllowedOrigin(request.headers.origin, port) &&
      protocols.includes(eventsProtocol) &&
      presented !== undefined &&
      sameSecret(presented.slice(tokenProtocolPrefix.length), token);
    if (!authorised) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => attachEvents(client));
  });

  function attachEvents(client: WebSocket): void {
    const unsubscribe = backend.subscribe((event) => {
      if (client.readyState === client.OPEN) client.send(JSON.stringify(event));
    });
    client.on('close', unsubscribe);
    client.on('error', unsubscribe);
    // The renderer never sends anything on this socket; anything it does send is ignored.
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    launchUrl: `${url}/?token=${token}`,
    token,
    port,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function setSecurityHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', contentSecurityPolicyHeader);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  // The launch URL carries the token: never let it leave in a Referer header.
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('X-Frame-Options', 'DENY');
}

function sendJson(response: ServerResponse, status: number, body: ApiResult<unknown>): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

async function readJsonBody(request: IncomingMessage): Promise<ApiResult<unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) return fail('payload-too-large', 'Dữ liệu gửi lên quá lớn.');
    chunks.push(chunk);
  }
  if (size === 0) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return fail('invalid-argument', 'Dữ liệu gửi lên không phải JSON hợp lệ.');
  }
}

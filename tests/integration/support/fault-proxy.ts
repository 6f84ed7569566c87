// An HTTP proxy on 127.0.0.1 in front of the central service, whose behaviour a test switches at run
// time (ARCHITECTURE.md "Testing tiers": server down, 5xx, slow, connection reset). Every request is
// recorded (method, path, the fault it met, the central's status when it was forwarded), so a test
// can assert what reached the central and what the client saw.
//
// Modes:
//   pass                forward, answer with the central's answer
//   down                destroy the connection as soon as the request arrives (no answer)
//   refuse              stop listening: connections are refused (ECONNREFUSED) until the mode changes
//   http-500            answer 500 {error: {code: 'internal'}} without forwarding
//   slow                forward (the central commits), hold the answer `delayMs`, then send it
//   reset-mid-response  forward (the central commits), send the status line, headers and part of the
//                       body, then reset the connection
//   drop-after-commit   forward (the central commits), discard the answer, reset the connection
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const faultModes = [
  'pass',
  'down',
  'refuse',
  'http-500',
  'slow',
  'reset-mid-response',
  'drop-after-commit',
] as const;
export type FaultMode = (typeof faultModes)[number];

export interface RequestLine {
  method: string;
  /** The path without its query string. */
  path: string;
}

export interface ProxiedRequest extends RequestLine {
  /** The fault this request met ('pass' when none applied to it). */
  mode: FaultMode;
  /** The central's HTTP status when the request was forwarded and answered; null otherwise. */
  upstreamStatus: number | null;
}

export interface FaultOptions {
  /** Only requests for which this is true meet the fault; the others pass. Default: every request. */
  only?: (request: RequestLine) => boolean;
  /** Let this many matching requests pass before the fault starts. Default 0. */
  after?: number;
  /** After this many faulted requests the proxy returns to 'pass'. Default: until the mode changes. */
  times?: number;
  /** 'slow': how long the answer is held, in ms. Default 2000. */
  delayMs?: number;
}

export interface RequestFilter {
  method?: string;
  path?: string | RegExp;
  mode?: FaultMode;
  /** Only requests the central answered (forwarded ones). */
  forwarded?: boolean;
}

export interface FaultProxy {
  /** `http://127.0.0.1:PORT`: give it to the client instead of the central's URL. */
  readonly url: string;
  readonly mode: FaultMode;
  /** Switches the behaviour for the following requests. */
  set(mode: FaultMode, options?: FaultOptions): Promise<void>;
  /** Every request received, in order. */
  readonly requests: readonly ProxiedRequest[];
  count(filter?: RequestFilter): number;
  /** Resolves once the central has answered the first forwarded request matching `filter` (from now on). */
  waitForForwarded(filter: RequestFilter, timeoutMs?: number): Promise<ProxiedRequest>;
  /** Resolves when no forwarded request is waiting for the central's answer. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

interface UpstreamAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const agent = new http.Agent({ keepAlive: true });
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<unknown>>();
  const requests: ProxiedRequest[] = [];
  const forwardedEvents = new EventEmitter();
  let mode: FaultMode = 'pass';
  let options: FaultOptions = {};
  let matched = 0;
  let faulted = 0;
  let closed = false;

  const server = http.createServer({ keepAliveTimeout: 1000 }, (request, response) => {
    void handle(request, response);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await listen(0);
  const { port } = server.address() as AddressInfo;

  function listen(onPort: number): Promise<void> {
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(onPort, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  }

  /** The fault this request meets, counting it against `after` and `times`. */
  function faultFor(line: RequestLine): FaultMode {
    if (mode === 'pass' || (options.only && !options.only(line))) return 'pass';
    matched += 1;
    if (matched <= (options.after ?? 0)) return 'pass';
    faulted += 1;
    const applied = mode;
    if (options.times !== undefined && faulted >= options.times) {
      mode = 'pass';
      options = {};
    }
    return applied;
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://proxy.invalid');
    const line: RequestLine = { method: request.method ?? 'GET', path: url.pathname };
    const applied = faultFor(line);
    const record: ProxiedRequest = { ...line, mode: applied, upstreamStatus: null };
    requests.push(record);
    const delayMs = options.delayMs ?? 2000;
    try {
      if (applied === 'down' || applied === 'refuse') {
        request.socket.destroy();
        return;
      }
      const body = await readAll(request);
      if (applied === 'http-500') {
        send(response, {
          status: 500,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: Buffer.from(
            JSON.stringify({
              error: { code: 'internal', message: 'Lỗi máy chủ (lỗi giả lập của proxy kiểm thử).' },
              serverTime: new Date().toISOString(),
            }),
          ),
        });
        return;
      }
      const forwarding = forward(request, body);
      inFlight.add(forwarding);
      let answer: UpstreamAnswer;
      try {
        answer = await forwarding;
      } finally {
        inFlight.delete(forwarding);
      }
      record.upstreamStatus = answer.status;
      forwardedEvents.emit('forwarded', record);
      switch (applied) {
        case 'pass':
          send(response, answer);
          return;
        case 'slow': {
          const timer = setTimeout(() => {
            timers.delete(timer);
            if (!response.destroyed) send(response, answer);
          }, delayMs);
          timers.add(timer);
          response.on('close', () => {
            clearTimeout(timer);
            timers.delete(timer);
          });
          return;
        }
        case 'reset-mid-response': {
          response.writeHead(answer.status, {
            ...passableHeaders(answer.headers),
            'content-length': answer.body.length,
          });
          const part = answer.body.subarray(0, Math.max(1, Math.floor(answer.body.length / 2)));
          response.write(part, () => request.socket.resetAndDestroy());
          return;
        }
        case 'drop-after-commit':
          request.socket.resetAndDestroy();
          return;
      }
    } catch {
      // The central is unreachable or the client went away: the client sees a dropped connection.
      if (!request.socket.destroyed) request.socket.destroy();
    }
  }

  function forward(request: http.IncomingMessage, body: Buffer): Promise<UpstreamAnswer> {
    return new Promise((resolve, reject) => {
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: request.method,
          path: request.url,
          headers: { ...request.headers, host: target.host, 'content-length': body.length },
          agent,
        },
        (upstreamResponse) => {
          readAll(upstreamResponse).then(
            (answerBody) =>
              resolve({
                status: upstreamResponse.statusCode ?? 502,
                headers: upstreamResponse.headers,
                body: answerBody,
              }),
            reject,
          );
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  function send(response: http.ServerResponse, answer: UpstreamAnswer): void {
    response.writeHead(answer.status, {
      ...passableHeaders(answer.headers),
      'content-length': answer.body.length,
    });
    response.end(answer.body);
  }

  function matches(record: ProxiedRequest, filter: RequestFilter): boolean {
    if (filter.method !== undefined && record.method !== filter.method) return false;
    if (filter.mode !== undefined && record.mode !== filter.mode) return false;
    if (filter.forwarded !== undefined && (record.upstreamStatus !== null) !== filter.forwarded) return false;
    if (typeof filter.path === 'string' && record.path !== filter.path) return false;
    if (filter.path instanceof RegExp && !filter.path.test(record.path)) return false;
    return true;
  }

  return {
    url: `http://127.0.0.1:${port}`,
    get mode() {
      return mode;
    },
    get requests() {
      return requests;
    },
    async set(next, nextOptions = {}) {
      const wasRefusing = mode === 'refuse';
      mode = next;
      options = nextOptions;
      matched = 0;
      faulted = 0;
      if (next === 'refuse' && !wasRefusing) {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const socket of sockets) socket.destroy();
        await stopped;
      } else if (next !== 'refuse' && wasRefusing && !closed) {
        await listen(port);
      }
    },
    count(filter = {}) {
      return requests.filter((record) => matches(record, filter)).length;
    },
    waitForForwarded(filter, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          forwardedEvents.off('forwarded', listener);
          reject(new Error(`no forwarded request matching ${JSON.stringify(filter)} within ${timeoutMs} ms`));
        }, timeoutMs);
        const listener = (record: ProxiedRequest) => {
          if (!matches(record, filter)) return;
          clearTimeout(timer);
          forwardedEvents.off('forwarded', listener);
          resolve(record);
        };
        forwardedEvents.on('forwarded', listener);
      });
    },
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const stopped = server.listening
        ? new Promise<void>((resolve) => server.close(() => resolve()))
        : Promise.resolve();
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await stopped;
    },
  };
}

function passableHeaders(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !hopByHop.has(name)));
}

async function readAll(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

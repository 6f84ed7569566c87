import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../protocol/sync-protocol.ts';

// Reading requests and writing responses. Every response body is JSON and carries `serverTime`;
// the HTTP Date header is set from the same clock, so a client can measure its skew from either.

const errorStatus: Record<ErrorCode, number> = {
  unauthorized: 401,
  'token-revoked': 401,
  forbidden: 403,
  'enrollment-code-invalid': 400,
  'enrollment-code-expired': 400,
  'enrollment-code-used': 400,
  'enrollment-code-other-office': 400,
  'bad-request': 400,
  'not-found': 404,
  'method-not-allowed': 405,
  'clock-skew': 400,
  'payload-too-large': 413,
  internal: 500,
};

const errorMessages: Record<ErrorCode, string> = {
  unauthorized: 'Thiếu hoặc sai mã xác thực của thiết bị. Hãy đăng ký lại thiết bị với mã đăng ký mới.',
  'token-revoked': 'Thiết bị này đã bị thu hồi quyền truy cập. Liên hệ quản trị viên để đăng ký lại.',
  forbidden: 'Thiết bị không được phép truy cập dữ liệu của văn phòng BHXH này.',
  'enrollment-code-invalid': 'Mã đăng ký thiết bị không đúng: hãy kiểm tra lại từng ký tự.',
  'enrollment-code-expired': 'Mã đăng ký thiết bị đã hết hạn. Hãy xin mã mới.',
  'enrollment-code-used': 'Mã đăng ký thiết bị đã được sử dụng. Mỗi mã chỉ dùng một lần: hãy xin mã mới.',
  'enrollment-code-other-office':
    'Mã đăng ký này thuộc một cơ quan BHXH khác với cơ quan của máy. Mã chưa bị dùng và vẫn còn hiệu lực cho cơ quan đó.',
  'bad-request': 'Yêu cầu không hợp lệ.',
  'not-found': 'Không tìm thấy địa chỉ yêu cầu.',
  'method-not-allowed': 'Phương thức không được hỗ trợ cho địa chỉ này.',
  'clock-skew': 'Đồng hồ của máy lệch quá nhiều so với máy chủ.',
  'payload-too-large': 'Dữ liệu gửi lên quá lớn. Hãy chia thành nhiều lần gửi.',
  internal: 'Lỗi máy chủ. Vui lòng thử lại sau.',
};

/** A failure that becomes `{ error: { code, message } }` with the code's HTTP status. */
export class HttpError extends Error {
  readonly code: ErrorCode;
  readonly headers: Record<string, string>;
  /** Sent as `error.details`: what a program needs to explain the error (never secrets). */
  readonly details: Record<string, unknown> | undefined;
  constructor(
    code: ErrorCode,
    detail?: string,
    headers: Record<string, string> = {},
    details?: Record<string, unknown>,
  ) {
    super(detail ? `${errorMessages[code]} ${detail}` : errorMessages[code]);
    this.name = 'HttpError';
    this.code = code;
    this.headers = headers;
    this.details = details;
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

/** The body as text, refusing (413) more than `limitBytes` before or while reading it. */
export async function readBody(request: IncomingMessage, limitBytes: number): Promise<string> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw tooLarge(limitBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(limitBytes: number): HttpError {
  // The rest of the body is not read: close the connection rather than leave it half-consumed.
  return new HttpError('payload-too-large', `Giới hạn: ${limitBytes} byte.`, { Connection: 'close' });
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError('bad-request', 'Nội dung không phải JSON hợp lệ.');
  }
}

/** Writes a body that is already JSON text. `serverTime` must already be in it. */
export function sendJsonText(
  response: ServerResponse,
  status: number,
  json: string,
  now: Date,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json, 'utf8'),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Date: now.toUTCString(),
    ...headers,
  });
  response.end(json);
}

export function sendJson(response: ServerResponse, status: number, body: object, now: Date): void {
  sendJsonText(response, status, JSON.stringify({ ...body, serverTime: now.toISOString() }), now);
}

export function sendError(response: ServerResponse, error: HttpError, now: Date): void {
  const body = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
    serverTime: now.toISOString(),
  };
  sendJsonText(response, error.status, JSON.stringify(body), now, error.headers);
}

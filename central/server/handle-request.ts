import type Database from 'better-sqlite3';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import {
  auditHeadRequestSchema,
  enrollmentRequestSchema,
  maxEventsPerBatch,
  notificationQuerySchema,
  protocolVersion,
  pullQuerySchema,
  pushRequestSchema,
  type AuditHeadResponse,
  type DeviceInfoResponse,
  type EnrollmentResponse,
  type HealthResponse,
  type NotificationsResponse,
  type OfficesResponse,
  type PushResponse,
  type StaffResponse,
} from '../protocol/sync-protocol.ts';
import { createAuditHeadStore } from '../store/audit-head-store.ts';
import { createDeviceStore, type AuthenticatedDevice } from '../store/device-store.ts';
import { createNotificationStore } from '../store/notification-store.ts';
import { createOfficeStore } from '../store/office-store.ts';
import { createRegistrationStore } from '../store/registration-store.ts';
import { createStaffStore } from '../store/staff-store.ts';
import { createEventProcessor } from '../sync/process-event-batch.ts';
import { HttpError, parseJson, readBody, sendError, sendJson, sendJsonText } from './http-io.ts';

// The HTTP surface of the reference central service (docs/sync-protocol.md). Every route except
// health and enrollment needs `Authorization: Bearer <device token>`; office routes serve only the
// office the device was enrolled for (the office list itself is for every device).

export const maxEventsBodyBytes = 4 * 1024 * 1024;
const maxSmallBodyBytes = 16 * 1024;

export interface RequestHandlerOptions {
  db: Database.Database;
  now: () => Date;
  /** One line per request (method, path without query, status, duration) and per internal error. */
  log?: ((line: string) => void) | undefined;
}

export function createRequestHandler({ db, now, log }: RequestHandlerOptions) {
  const devices = createDeviceStore(db);
  const registrations = createRegistrationStore(db);
  const staff = createStaffStore(db);
  const notifications = createNotificationStore(db);
  const offices = createOfficeStore(db);
  const events = createEventProcessor(db);
  const auditHeads = createAuditHeadStore(db);

  return async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(request.url ?? '/', 'http://central.invalid');
    try {
      await route(request, response, url);
    } catch (error) {
      const failure = error instanceof HttpError ? error : new HttpError('internal');
      if (!(error instanceof HttpError)) {
        // Name and message only: SQLite and zod messages carry no request values, tokens or names.
        log?.(`internal error on ${request.method} ${url.pathname}: ${describe(error)}`);
      }
      if (!response.headersSent) sendError(response, failure, now());
      else response.destroy();
    } finally {
      const elapsed = (performance.now() - started).toFixed(1);
      log?.(`${request.method} ${url.pathname} ${response.statusCode} ${elapsed}ms`);
    }
  };

  async function route(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const segments = url.pathname.split('/').slice(1);
    if (segments[0] !== 'v1') throw new HttpError('not-found');
    const method = request.method ?? 'GET';
    const [, resource, officeCodeSegment, officeResource] = segments;

    if (segments.length === 2 && resource === 'health') {
      return only(method, 'GET', () => {
        const clock = now();
        sendJson(
          response,
          200,
          { status: 'ok', protocolVersion } satisfies Omit<HealthResponse, 'serverTime'>,
          clock,
        );
      });
    }
    if (segments.length === 2 && resource === 'enrollments') {
      return only(method, 'POST', () => enroll(request, response));
    }
    if (segments.length === 2 && resource === 'device') {
      return only(method, 'GET', () => {
        const device = authenticate(request);
        const body: Omit<DeviceInfoResponse, 'serverTime'> = { ...device };
        sendJson(response, 200, body, now());
      });
    }
    if (segments.length === 2 && resource === 'events') {
      return only(method, 'POST', () => push(request, response));
    }
    if (segments.length === 2 && resource === 'audit-heads') {
      return only(method, 'POST', () => reportAuditHead(request, response));
    }
    if (segments.length === 2 && resource === 'offices') {
      return only(method, 'GET', () => listOffices(request, response));
    }
    if (segments.length === 4 && resource === 'offices' && officeCodeSegment) {
      const office = decodeSegment(officeCodeSegment);
      const officeHandlers: Record<string, () => void> = {
        registrations: () => pull(request, response, office, url),
        staff: () => listStaff(request, response, office),
        notifications: () => listNotifications(request, response, office, url),
      };
      const handler = officeResource ? officeHandlers[officeResource] : undefined;
      if (handler) return only(method, 'GET', handler);
    }
    throw new HttpError('not-found');
  }

  async function enroll(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = parseWith(enrollmentRequestSchema, parseJson(await readBody(request, maxSmallBodyBytes)));
    const clock = now();
    const outcome = devices.enroll(body.enrollmentCode, body.deviceName, clock, body.officeCode ?? null);
    if (!outcome.ok) {
      throw new HttpError(outcome.code, undefined, {}, 'details' in outcome ? outcome.details : undefined);
    }
    const { deviceId, deviceToken, officeCode } = outcome;
    sendJson(
      response,
      200,
      { deviceId, deviceToken, officeCode } satisfies Omit<EnrollmentResponse, 'serverTime'>,
      clock,
    );
  }

  async function push(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const device = authenticate(request);
    const json = parseJson(await readBody(request, maxEventsBodyBytes));
    if (isObject(json) && Array.isArray(json.events) && json.events.length > maxEventsPerBatch) {
      throw new HttpError('payload-too-large', `Tối đa ${maxEventsPerBatch} sự kiện mỗi lần gửi.`);
    }
    const body = parseWith(pushRequestSchema, json);
    const clock = now();
    const results = events.process(body.events, device, clock);
    sendJson(response, 200, { results } satisfies Omit<PushResponse, 'serverTime'>, clock);
  }

  /** The head of the device's audit chain, compared with what it reported before (§13). */
  async function reportAuditHead(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const device = authenticate(request);
    const body = parseWith(auditHeadRequestSchema, parseJson(await readBody(request, maxSmallBodyBytes)));
    const clock = now();
    const answer = auditHeads.report(device.deviceId, body, clock);
    sendJson(response, 200, answer satisfies Omit<AuditHeadResponse, 'serverTime'>, clock);
  }

  function pull(request: IncomingMessage, response: ServerResponse, office: string, url: URL): void {
    authorizeOffice(authenticate(request), office);
    const query = parseWith(pullQuerySchema, Object.fromEntries(url.searchParams));
    const clock = now();
    const page = registrations.pullPage(office, query.after, query.limit);
    // Spliced, not stringified: see RegistrationStore.pullPage.
    const json =
      `{"items":${page.itemsJson},"cursor":${page.cursor},"hasMore":${page.hasMore},` +
      `"serverTime":"${clock.toISOString()}"}`;
    sendJsonText(response, 200, json, clock);
  }

  /** Every office, whatever the device's own: a kiosk form may name any of them. */
  function listOffices(request: IncomingMessage, response: ServerResponse): void {
    authenticate(request);
    const body: Omit<OfficesResponse, 'serverTime'> = { offices: offices.list() };
    sendJson(response, 200, body, now());
  }

  function listStaff(request: IncomingMessage, response: ServerResponse, office: string): void {
    authorizeOffice(authenticate(request), office);
    const body: Omit<StaffResponse, 'serverTime'> = { officeCode: office, staff: staff.list(office) };
    sendJson(response, 200, body, now());
  }

  function listNotifications(
    request: IncomingMessage,
    response: ServerResponse,
    office: string,
    url: URL,
  ): void {
    authorizeOffice(authenticate(request), office);
    const query = parseWith(notificationQuerySchema, Object.fromEntries(url.searchParams));
    const body: Omit<NotificationsResponse, 'serverTime'> = notifications.list(office, query);
    sendJson(response, 200, body, now());
  }

  function authenticate(request: IncomingMessage): AuthenticatedDevice {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!match?.[1]) throw new HttpError('unauthorized', undefined, { 'WWW-Authenticate': 'Bearer' });
    const outcome = devices.authenticate(match[1]);
    if (!outcome.ok) throw new HttpError(outcome.code, undefined, { 'WWW-Authenticate': 'Bearer' });
    return outcome.device;
  }
}

async function only(method: string, allowed: string, run: () => Promise<void> | void): Promise<void> {
  if (method !== allowed) throw new HttpError('method-not-allowed', undefined, { Allow: allowed });
  await run();
}

function authorizeOffice(device: AuthenticatedDevice, officeCode: string): void {
  if (device.officeCode !== officeCode) throw new HttpError('forbidden');
}

function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(nội dung)'}: ${issue.message}`)
    .join('; ');
  throw new HttpError('bad-request', where);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError('bad-request', 'Đường dẫn không hợp lệ.');
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
}

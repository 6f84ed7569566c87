import type { z } from 'zod';
import {
  auditHeadResponseSchema,
  deviceInfoResponseSchema,
  enrollmentResponseSchema,
  errorResponseSchema,
  healthResponseSchema,
  maxPullLimit,
  officesResponseSchema,
  otherOfficeDetailsSchema,
  pullResponseSchema,
  pushResponseSchema,
  staffResponseSchema,
  syncPaths,
  type AuditHeadRequest,
  type AuditHeadResponse,
  type DeviceInfoResponse,
  type EnrollmentResponse,
  type HealthResponse,
  type OfficesResponse,
  type PullResponse,
  type PushResponse,
  type StaffResponse,
  type SyncEvent,
} from '../../central/protocol/sync-protocol.ts';
import { EnrollmentRefusedError, SyncError } from './sync-error.ts';

// The desktop's HTTP client for the central sync API (docs/sync-protocol.md). Every answer is
// validated with the protocol's schemas; every failure becomes a SyncError of a known kind. The
// round-trip times are reported so the engine can estimate the clock offset from `serverTime`.

export interface CentralClientOptions {
  baseUrl: string;
  /** Read before each request: the token changes on enrollment. */
  deviceToken: () => string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => Date;
}

export interface Timed<T> {
  body: T;
  /** Estimated server clock minus local clock, in ms (NTP-style midpoint estimate). */
  clockOffsetMs: number;
}

export class CentralClient {
  readonly #options: Required<Omit<CentralClientOptions, 'fetch'>> & { fetch: typeof fetch };

  constructor(options: CentralClientOptions) {
    this.#options = {
      timeoutMs: 15_000,
      now: () => new Date(),
      fetch: globalThis.fetch.bind(globalThis),
      ...options,
    };
  }

  health(): Promise<Timed<HealthResponse>> {
    return this.#request('GET', syncPaths.health, undefined, healthResponseSchema, false);
  }

  /**
   * `officeCode`: the office this PC is set up for; a current central refuses a code of another
   * office without using it up. Refusals of the code throw EnrollmentRefusedError.
   */
  enroll(enrollmentCode: string, deviceName: string, officeCode: string): Promise<Timed<EnrollmentResponse>> {
    return this.#request(
      'POST',
      syncPaths.enrollments,
      { enrollmentCode, deviceName, officeCode },
      enrollmentResponseSchema,
      false,
    );
  }

  /** The head of this PC's audit chain, for the central to compare with what it was sent before. */
  auditHead(request: AuditHeadRequest): Promise<Timed<AuditHeadResponse>> {
    return this.#request('POST', syncPaths.auditHeads, request, auditHeadResponseSchema, true);
  }

  device(): Promise<Timed<DeviceInfoResponse>> {
    return this.#request('GET', syncPaths.device, undefined, deviceInfoResponseSchema, true);
  }

  pull(officeCode: string, after: number, limit = maxPullLimit): Promise<Timed<PullResponse>> {
    const query = `?after=${after}&limit=${limit}`;
    return this.#request(
      'GET',
      `${syncPaths.registrations(officeCode)}${query}`,
      undefined,
      pullResponseSchema,
      true,
    );
  }

  push(events: SyncEvent[]): Promise<Timed<PushResponse>> {
    return this.#request('POST', syncPaths.events, { events }, pushResponseSchema, true);
  }

  staff(officeCode: string): Promise<Timed<StaffResponse>> {
    return this.#request('GET', syncPaths.staff(officeCode), undefined, staffResponseSchema, true);
  }

  /** Every receiving office a kiosk form may name (not only this device's). */
  offices(): Promise<Timed<OfficesResponse>> {
    return this.#request('GET', syncPaths.offices, undefined, officesResponseSchema, true);
  }

  async #request<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    schema: S,
    authenticated: boolean,
  ): Promise<Timed<z.output<S>>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (authenticated) {
      const token = this.#options.deviceToken();
      if (!token) throw new SyncError('auth', 'chưa đăng ký thiết bị');
      headers.Authorization = `Bearer ${token}`;
    }
    const sentAt = this.#options.now().getTime();
    let response: Response;
    let text: string;
    try {
      response = await this.#options.fetch(new URL(path, this.#options.baseUrl), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'TimeoutError' || name === 'AbortError')
        throw new SyncError('timeout', undefined, { cause: error });
      throw new SyncError('network', undefined, { cause: error });
    }
    const receivedAt = this.#options.now().getTime();

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      if (response.status >= 500) throw new SyncError('server', `HTTP ${response.status}`);
      throw new SyncError('schema', `HTTP ${response.status}: không phải JSON`, { cause: error });
    }
    if (!response.ok) throw errorFor(response.status, json);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new SyncError('schema', parsed.error.issues[0]?.path.join('.') ?? '');
    const serverTime = Date.parse((json as { serverTime?: string }).serverTime ?? '');
    const clockOffsetMs = Number.isNaN(serverTime) ? 0 : serverTime - (sentAt + receivedAt) / 2;
    return { body: parsed.data, clockOffsetMs };
  }
}

function errorFor(status: number, json: unknown): SyncError | EnrollmentRefusedError {
  const parsed = errorResponseSchema.safeParse(json);
  const code = parsed.success ? parsed.data.error.code : `HTTP ${status}`;
  if (status === 401 || code === 'unauthorized' || code === 'token-revoked')
    return new SyncError('auth', code);
  if (status >= 500 || status === 429 || status === 503) return new SyncError('server', code);
  // The central cannot tell a typo from a code never made: both are a code it does not know.
  if (code === 'enrollment-code-invalid') return new EnrollmentRefusedError('enrollment-code-mistyped');
  if (code === 'enrollment-code-expired' || code === 'enrollment-code-used')
    return new EnrollmentRefusedError(code);
  if (code === 'enrollment-code-other-office') {
    const details = otherOfficeDetailsSchema.safeParse(parsed.data?.error.details);
    if (!details.success) return new SyncError('schema', code);
    return new EnrollmentRefusedError(code, {
      codeOffice: details.data.codeOffice,
      officeCode: details.data.requestedOffice,
    });
  }
  return new SyncError('schema', code);
}

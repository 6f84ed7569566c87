import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registration } from '../../main/core/registration/registration.ts';
import type {
  EnrollmentResponse,
  ErrorResponse,
  EventResult,
  NotificationsResponse,
  PullResponse,
  PushResponse,
} from '../protocol/sync-protocol.ts';
import {
  notificationsResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
} from '../protocol/sync-protocol.ts';
import {
  decisionEvent,
  enrollDevice,
  requestJson,
  startTestCentral,
  testClock,
} from '../testing/central-test-client.ts';
import type { CentralServer } from './start-central-server.ts';

let server: CentralServer;
let counter1: EnrollmentResponse;
let counter2: EnrollmentResponse;
let clock: ReturnType<typeof testClock>;
let pending: Registration[];

beforeEach(async () => {
  clock = testClock();
  server = await startTestCentral({ seedCount: 300, now: clock.now });
  counter1 = await enrollDevice(server, '01001', 'Quầy 1');
  counter2 = await enrollDevice(server, '01001', 'Quầy 2');
  const page = await requestJson<PullResponse>(`${server.url}/v1/offices/01001/registrations?limit=5000`, {
    token: counter1.deviceToken,
  });
  pending = page.body.items
    .map((item) => item.registration)
    .filter((registration) => registration.status === 'pending');
});
afterEach(() => server.close());

async function push(device: EnrollmentResponse, events: unknown[]): Promise<EventResult[]> {
  const response = await requestJson<PushResponse>(`${server.url}/v1/events`, {
    token: device.deviceToken,
    body: { events },
  });
  expect(response.status).toBe(200);
  return pushResponseSchema.parse(response.body).results;
}

function registrationRow(code: string): Registration {
  const json = server.database.prepare('SELECT json FROM registrations WHERE code = ?').pluck().get(code);
  return JSON.parse(json as string) as Registration;
}

const code = (index: number) => (pending[index] as Registration).code;

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A fresh reference in the shape the kiosk makes (KS- and three groups of four). */
function kioskReference(): string {
  const symbols = Array.from({ length: 12 }, () => crockford[Math.floor(Math.random() * 32)]).join('');
  return `KS-${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
}

function kioskEvent(device: EnrollmentResponse, overrides: Record<string, unknown> = {}) {
  return {
    eventId: randomUUID(),
    type: 'kiosk-registration',
    deviceId: device.deviceId,
    occurredAt: '2026-11-21T01:59:00.000Z',
    payload: {
      socialInsuranceNumber: '0123456789',
      fullName: 'Trịnh Quang Vĩnh',
      dateOfBirth: '1992-04-17',
      sex: 'male',
      idDocument: {
        type: 'cccd',
        number: '001092004321',
        issueDate: '2021-08-09',
        issuePlace: 'Cục Cảnh sát QLHC về TTXH',
      },
      address: 'Số 45 phố Kim Mã, Phường Giảng Võ, Thành phố Hà Nội',
      phone: '0903123456',
      email: 'vinh.trinh@example.vn',
      officeCode: device.officeCode,
      guardian: null,
      localReference: kioskReference(),
      ...overrides,
    },
  };
}

describe('push: decisions', () => {
  it('accepts a decision, bumps seq, and stores it in the canonical JSON', async () => {
    const event = decisionEvent(counter1, code(0));
    const [result] = await push(counter1, [event]);
    expect(result).toMatchObject({ eventId: event.eventId, status: 'accepted', registrationCode: code(0) });
    expect(result?.seq).toBeGreaterThan(300);
    expect(registrationRow(code(0))).toMatchObject({ status: 'approved', decision: event.payload.decision });
  });

  it('answers a replay with duplicate and the original result, changing nothing', async () => {
    const event = decisionEvent(counter1, code(0));
    const [first] = await push(counter1, [event]);
    const [replay] = await push(counter1, [event]);
    expect(replay).toEqual({ ...first, status: 'duplicate', originalStatus: 'accepted' });
    // Twice in one batch as well.
    const other = decisionEvent(counter1, code(1));
    const results = await push(counter1, [other, other]);
    expect(results.map((entry) => entry.status)).toEqual(['accepted', 'duplicate']);
    expect(server.database.prepare('SELECT count(*) FROM events').pluck().get()).toBe(2);
  });

  it('reports a conflict naming the decision, device and officer that won', async () => {
    const winner = decisionEvent(counter1, code(0), {
      outcome: 'approved',
      officerId: 'cb-01001-1',
      counterId: 'QUAY-01',
    });
    await push(counter1, [winner]);
    const loser = decisionEvent(counter2, code(0), {
      outcome: 'rejected',
      reasonCode: 'identity-mismatch',
      officerId: 'cb-01001-2',
      counterId: 'QUAY-02',
    });
    const [result] = await push(counter2, [loser]);
    expect(result).toMatchObject({
      status: 'conflict',
      registrationCode: code(0),
      conflict: {
        status: 'approved',
        decision: winner.payload.decision,
        decidedBy: { deviceId: counter1.deviceId, officerId: 'cb-01001-1', counterId: 'QUAY-01' },
        decidedAt: winner.payload.decision.decidedAt,
      },
    });
    expect(registrationRow(code(0)).status).toBe('approved');
    // The conflict is remembered: a replay says so again.
    const [replay] = await push(counter2, [loser]);
    expect(replay).toMatchObject({
      status: 'duplicate',
      originalStatus: 'conflict',
      conflict: result?.conflict,
    });
  });

  it('reports a decision on a withdrawn registration as a conflict with the withdrawal', async () => {
    const withdrawal = {
      eventId: randomUUID(),
      type: 'withdrawal',
      deviceId: counter1.deviceId,
      occurredAt: '2026-11-21T01:00:00.000Z',
      payload: { registrationCode: code(2), reason: 'Công dân xin rút hồ sơ' },
    };
    expect((await push(counter1, [withdrawal]))[0]?.status).toBe('accepted');
    const [result] = await push(counter2, [decisionEvent(counter2, code(2))]);
    expect(result?.conflict).toMatchObject({
      status: 'withdrawn',
      decision: null,
      decidedBy: { deviceId: counter1.deviceId, officerId: null },
      decidedAt: '2026-11-21T02:00:00.000Z',
      withdrawalReason: 'Công dân xin rút hồ sơ',
    });
  });

  it('marks invalid events with a reason and still applies the rest of the batch', async () => {
    const good = decisionEvent(counter1, code(0));
    const future = decisionEvent(counter1, code(1), {}, '2026-11-21T02:06:00.000Z');
    const futureDecision = decisionEvent(counter1, code(1), { decidedAt: '2026-11-21T03:00:00.000Z' });
    const nearFuture = decisionEvent(counter1, code(3), {}, '2026-11-21T02:04:00.000Z');
    const noReason = decisionEvent(counter1, code(1), { outcome: 'rejected', reasonCode: null });
    const otherOffice = server.database
      .prepare("SELECT code FROM registrations WHERE office_code = '07921' LIMIT 1")
      .pluck()
      .get() as string;
    const results = await push(counter1, [
      { eventId: 'not-a-uuid', type: 'decision', deviceId: counter1.deviceId, occurredAt: 'x', payload: {} },
      'not even an object',
      { ...decisionEvent(counter1, code(1)), payload: { registrationCode: code(1) } },
      decisionEvent(counter1, 'DK-01001-2026-999999'),
      decisionEvent(counter1, otherOffice),
      future,
      futureDecision,
      noReason,
      { ...decisionEvent(counter1, code(1)), deviceId: counter2.deviceId },
      good,
      nearFuture,
    ]);
    expect(results.map((result) => [result.status, result.reason?.code])).toEqual([
      ['invalid', 'schema'],
      ['invalid', 'schema'],
      ['invalid', 'schema'],
      ['invalid', 'unknown-registration'],
      ['invalid', 'wrong-office'],
      ['invalid', 'clock-skew'],
      ['invalid', 'clock-skew'],
      ['invalid', 'reason-required'],
      ['invalid', 'wrong-device'],
      ['accepted', undefined],
      ['accepted', undefined],
    ]);
    expect(results[0]?.eventId).toBe('not-a-uuid');
    expect(results[2]?.reason?.message).toMatch(/payload\.decision/);
    expect(registrationRow(code(1)).status).toBe('pending');
    // Invalid events are not remembered: once the clock has caught up, the same event is judged again.
    clock.advance(10 * 60 * 1000);
    expect((await push(counter1, [future]))[0]?.status).toBe('accepted');
  });

  it('refuses an eventId reused for different content', async () => {
    const event = decisionEvent(counter1, code(0));
    await push(counter1, [event]);
    const [result] = await push(counter1, [
      { ...event, payload: { ...event.payload, registrationCode: code(1) } },
    ]);
    expect(result).toMatchObject({ status: 'invalid', reason: { code: 'event-id-reused' } });
  });

  it('refuses batches over 500 events and malformed batches as a whole', async () => {
    const many = Array.from({ length: 501 }, () => decisionEvent(counter1, code(0)));
    const tooMany = await requestJson<ErrorResponse>(`${server.url}/v1/events`, {
      token: counter1.deviceToken,
      body: { events: many },
    });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error.code).toBe('payload-too-large');
    for (const body of [{}, { events: [] }, { events: 'x' }]) {
      const response = await requestJson<ErrorResponse>(`${server.url}/v1/events`, {
        token: counter1.deviceToken,
        body,
      });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('bad-request');
    }
    const huge = await requestJson<ErrorResponse>(`${server.url}/v1/events`, {
      token: counter1.deviceToken,
      rawBody: `{"events":["${'x'.repeat(5 * 1024 * 1024)}"]}`,
    });
    expect(huge.status).toBe(413);
  });
});

describe('push: kiosk registrations and withdrawals', () => {
  it('assigns the registration code, returns it, and serves the new registration by pull', async () => {
    const event = kioskEvent(counter1);
    const [result] = await push(counter1, [event]);
    expect(result?.status).toBe('accepted');
    expect(result?.registrationCode).toMatch(/^DK-01001-2026-\d{6}$/);
    const seededCodes = server.database
      .prepare("SELECT code FROM registrations WHERE office_code = '01001' AND code != ?")
      .pluck()
      .all(result?.registrationCode) as string[];
    // Numbering continues after the seeded codes of the same office and year.
    expect([...seededCodes, result?.registrationCode].sort().at(-1)).toBe(result?.registrationCode);
    const page = await requestJson<PullResponse>(
      `${server.url}/v1/offices/01001/registrations?after=${(result?.seq ?? 1) - 1}`,
      { token: counter1.deviceToken },
    );
    expect(page.body.items[0]?.registration).toMatchObject({
      code: result?.registrationCode,
      fullName: 'Trịnh Quang Vĩnh',
      channel: 'kiosk',
      status: 'pending',
      decision: null,
      submittedAt: '2026-11-21T02:00:00.000Z',
    });
    const [replay] = await push(counter1, [event]);
    expect(replay).toMatchObject({
      status: 'duplicate',
      registrationCode: result?.registrationCode,
      seq: result?.seq,
    });
  });

  it("registers a form for another known office under that office, in its pull and not in the kiosk's", async () => {
    const otherCounter = await enrollDevice(server, '07921', 'Quầy Sài Gòn');
    const lastOf07921 = server.database
      .prepare("SELECT max(code) FROM registrations WHERE office_code = '07921'")
      .pluck()
      .get() as string;
    const [result] = await push(counter1, [kioskEvent(counter1, { officeCode: '07921' })]);
    expect(result?.status).toBe('accepted');
    expect(result?.registrationCode).toMatch(/^DK-07921-2026-\d{6}$/);
    expect((result?.registrationCode ?? '') > lastOf07921).toBe(true);
    const after = (result?.seq ?? 1) - 1;
    const saigon = await requestJson<PullResponse>(
      `${server.url}/v1/offices/07921/registrations?after=${after}`,
      { token: otherCounter.deviceToken },
    );
    expect(saigon.body.items.map((item) => item.registration.code)).toEqual([result?.registrationCode]);
    expect(saigon.body.items[0]?.registration).toMatchObject({ officeCode: '07921', channel: 'kiosk' });
    const own = await requestJson<PullResponse>(
      `${server.url}/v1/offices/01001/registrations?after=${after}`,
      {
        token: counter1.deviceToken,
      },
    );
    expect(own.body.items).toEqual([]);
    // The kiosk's device still decides and withdraws only its own office's registrations.
    const [decision] = await push(counter1, [decisionEvent(counter1, result?.registrationCode ?? '')]);
    expect(decision?.reason?.code).toBe('wrong-office');
  });

  it('refuses a form for an office the central does not know, and an incomplete form, storing nothing', async () => {
    const before = server.database.prepare('SELECT count(*) FROM registrations').pluck().get();
    const results = await push(counter1, [
      kioskEvent(counter1, { officeCode: '99999' }),
      kioskEvent(counter1, { socialInsuranceNumber: '123' }),
    ]);
    expect(results.map((result) => [result.status, result.reason?.code])).toEqual([
      ['invalid', 'unknown-office'],
      ['invalid', 'schema'],
    ]);
    expect(results[0]?.reason?.message).toContain('99999');
    expect(server.database.prepare('SELECT count(*) FROM registrations').pluck().get()).toBe(before);
    expect(server.database.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
  });

  it('keeps the kiosk reference with the registration and sends it with every pulled version', async () => {
    const reference = kioskReference();
    const [result] = await push(counter1, [kioskEvent(counter1, { localReference: reference })]);
    const pullAfter = async (after: number) =>
      pullResponseSchema.parse(
        (
          await requestJson<PullResponse>(`${server.url}/v1/offices/01001/registrations?after=${after}`, {
            token: counter1.deviceToken,
          })
        ).body,
      );
    const created = await pullAfter((result?.seq ?? 1) - 1);
    expect(created.items).toEqual([expect.objectContaining({ seq: result?.seq, kioskReference: reference })]);
    // Still there once a counter has decided it (a new version, a new seq).
    const [decided] = await push(counter2, [decisionEvent(counter2, result?.registrationCode ?? '')]);
    const again = await pullAfter(result?.seq ?? 0);
    expect(again.items).toEqual([expect.objectContaining({ seq: decided?.seq, kioskReference: reference })]);
    // Every other registration says null, not nothing: the field is always there.
    const seeded = await pullAfter(0);
    const others = seeded.items.filter((item) => item.registration.code !== result?.registrationCode);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((item) => item.kioskReference === null)).toBe(true);
  });

  it('answers a second event for the same form (same reference, new eventId) with the first registration', async () => {
    const reference = kioskReference();
    const first = kioskEvent(counter1, { localReference: reference });
    const [original] = await push(counter1, [first]);
    // E.g. the kiosk's outbox row was lost and the form written again: a new eventId, the same form.
    const again = kioskEvent(counter1, { localReference: reference });
    const inOneBatch = kioskEvent(counter1, { localReference: reference });
    const results = await push(counter1, [again, inOneBatch]);
    expect(results).toEqual([
      {
        eventId: again.eventId,
        status: 'duplicate',
        originalStatus: 'accepted',
        registrationCode: original?.registrationCode,
        seq: original?.seq,
      },
      expect.objectContaining({
        eventId: inOneBatch.eventId,
        status: 'duplicate',
        registrationCode: original?.registrationCode,
      }),
    ]);
    const stored = server.database
      .prepare('SELECT count(*) FROM registrations WHERE kiosk_reference = ?')
      .pluck()
      .get(reference);
    expect(stored).toBe(1);
    // Even for another office: the reference names the form, whatever the second event says.
    const [elsewhere] = await push(counter1, [
      kioskEvent(counter1, { localReference: reference, officeCode: '07921' }),
    ]);
    expect(elsewhere).toMatchObject({ status: 'duplicate', registrationCode: original?.registrationCode });
    expect(server.database.prepare('SELECT count(*) FROM events').pluck().get()).toBe(1);
  });

  it('withdraws a pending registration once; a second withdrawal is a conflict', async () => {
    const withdraw = () => ({
      eventId: randomUUID(),
      type: 'withdrawal',
      deviceId: counter1.deviceId,
      occurredAt: '2026-11-21T01:00:00.000Z',
      payload: { registrationCode: code(4), reason: 'Nộp trùng hồ sơ' },
    });
    const [first] = await push(counter1, [withdraw()]);
    const [second] = await push(counter1, [withdraw()]);
    expect([first?.status, second?.status]).toEqual(['accepted', 'conflict']);
    expect(registrationRow(code(4)).status).toBe('withdrawn');
  });
});

describe('notifications', () => {
  const notifications = (registrationCode: string, device = counter1) =>
    requestJson<NotificationsResponse>(
      `${server.url}/v1/offices/${device.officeCode}/notifications?registration=${encodeURIComponent(registrationCode)}`,
      { token: device.deviceToken },
    );

  it('records the account details on approval, by e-mail and SMS', async () => {
    const target = pending.find((registration) => registration.email && registration.phone) as Registration;
    await push(counter1, [decisionEvent(counter1, target.code)]);
    const response = await notifications(target.code);
    notificationsResponseSchema.parse(response.body);
    expect(response.body.items.map((item) => [item.channel, item.to, item.template])).toEqual([
      ['email', target.email, 'account-approved'],
      ['sms', target.phone, 'account-approved'],
    ]);
    expect(response.body.items[0]?.body).toContain(target.socialInsuranceNumber);
    expect(response.body.items[0]?.body).toContain(target.fullName);
    expect(response.body.items[1]?.body).toMatch(/^[\x20-\x7e]+$/);
  });

  it('records notice 01/TB-GDĐT with the reason on rejection', async () => {
    const target = pending.find((registration) => registration.email) as Registration;
    await push(counter1, [
      decisionEvent(counter1, target.code, {
        outcome: 'rejected',
        reasonCode: 'identity-mismatch',
        note: 'Ảnh trên thẻ không khớp.',
      }),
    ]);
    const response = await notifications(target.code);
    expect(response.body.items).toHaveLength(1);
    expect(response.body.items[0]).toMatchObject({
      channel: 'email',
      to: target.email,
      template: '01/TB-GDĐT',
      reason: { code: 'identity-mismatch', note: 'Ảnh trên thẻ không khớp.' },
      deliveryStatus: 'recorded',
      createdAt: '2026-11-21T02:00:00.000Z',
    });
    expect(response.body.items[0]?.body).toContain('Giấy tờ tùy thân không khớp');
  });

  it('records one declaration-copy e-mail when the kiosk form asks for it, for the receiving office', async () => {
    const askedEvent = kioskEvent(counter1, { sendDeclarationCopy: true });
    const [asked, notAsked, saigon] = await push(counter1, [
      askedEvent,
      kioskEvent(counter1, { sendDeclarationCopy: false }),
      kioskEvent(counter1, { sendDeclarationCopy: true, officeCode: '07921' }),
    ]);
    expect([asked?.status, notAsked?.status, saigon?.status]).toEqual(['accepted', 'accepted', 'accepted']);
    const response = await notifications(asked?.registrationCode ?? '');
    notificationsResponseSchema.parse(response.body);
    expect(response.body.items).toHaveLength(1);
    const [copy] = response.body.items;
    expect(copy).toMatchObject({
      registrationCode: asked?.registrationCode,
      channel: 'email',
      to: 'vinh.trinh@example.vn',
      template: 'declaration-copy',
      reason: null,
      createdAt: '2026-11-21T02:00:00.000Z',
      deliveryStatus: 'recorded',
    });
    expect(copy?.subject).toContain(asked?.registrationCode);
    expect(copy?.body).toContain('Trịnh Quang Vĩnh');
    expect(copy?.body).toContain(asked?.registrationCode);
    expect(copy?.body).toContain('BHXH khu vực Ba Đình, Hà Nội');
    expect(copy?.body).toContain('01/ĐK-GD');
    expect(copy?.body).toContain('dịch vụ tham chiếu không đính kèm tệp');
    expect(copy?.body).toMatch(/mang theo:\n- tờ khai 01\/ĐK-GD đã ký/);
    expect(copy?.body).toContain('thẻ Căn cước/CCCD');
    expect((await notifications(notAsked?.registrationCode ?? '')).body.items).toEqual([]);
    // A form for another office: the notice names that office and belongs to it.
    const saigonCounter = await enrollDevice(server, '07921');
    const saigonCopy = await notifications(saigon?.registrationCode ?? '', saigonCounter);
    expect(saigonCopy.body.items.map((item) => item.template)).toEqual(['declaration-copy']);
    expect(saigonCopy.body.items[0]?.body).toContain('BHXH khu vực Sài Gòn, TP. Hồ Chí Minh');
    // A replay, or a second event for the same form, records nothing more.
    const copies = () =>
      server.database
        .prepare("SELECT count(*) FROM notifications WHERE template = 'declaration-copy'")
        .pluck()
        .get();
    expect(copies()).toBe(2);
    const [replay, sameForm] = await push(counter1, [askedEvent, { ...askedEvent, eventId: randomUUID() }]);
    expect([replay?.status, sameForm?.status]).toEqual(['duplicate', 'duplicate']);
    expect(copies()).toBe(2);
  });

  it('refuses a declaration copy without an e-mail, storing nothing', async () => {
    const before = server.database.prepare('SELECT count(*) FROM registrations').pluck().get();
    const noEmail = kioskEvent(counter1, { sendDeclarationCopy: true, email: null });
    const blankEmail = kioskEvent(counter1, { sendDeclarationCopy: true, email: '  ' });
    const results = await push(counter1, [noEmail, blankEmail]);
    expect(results.map((result) => [result.status, result.reason?.code])).toEqual([
      ['invalid', 'email-required'],
      ['invalid', 'email-required'],
    ]);
    expect(server.database.prepare('SELECT count(*) FROM registrations').pluck().get()).toBe(before);
    expect(
      server.database
        .prepare("SELECT count(*) FROM notifications WHERE template = 'declaration-copy'")
        .pluck()
        .get(),
    ).toBe(0);
    // Without the flag, a form without e-mail is fine (and gets no copy).
    const [plain] = await push(counter1, [kioskEvent(counter1, { email: null })]);
    expect(plain?.status).toBe('accepted');
  });

  it('records nothing for a conflict, and only serves the own office', async () => {
    const target = code(0);
    await push(counter1, [decisionEvent(counter1, target)]);
    const before = (await notifications(target)).body.items.length;
    await push(counter2, [decisionEvent(counter2, target, { outcome: 'rejected', reasonCode: 'other' })]);
    expect((await notifications(target)).body.items).toHaveLength(before);
    const other = await enrollDevice(server, '07921');
    expect((await notifications(target, other)).body.items).toEqual([]);
    const forbidden = await requestJson<ErrorResponse>(`${server.url}/v1/offices/01001/notifications`, {
      token: other.deviceToken,
    });
    expect(forbidden.status).toBe(403);
  });
});

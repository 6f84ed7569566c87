import { act, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { parseIdPayload } from '../../../../main/core/id-card/parse-id-payload.ts';
import type { Registration } from '../../../../main/core/registration/registration.ts';
import { fail, ok } from '../../../../preload/contract/api-result.ts';
import type { WireRegistration } from '../../../../preload/contract/areas/registrations.ts';
import type { ScanEvent } from '../../../../preload/contract/areas/scan.ts';
import { documentedRegistration } from '../../../../tests/fixtures/documented-registration.ts';
import { displaySettings, fakeApi, type FakeApi } from '../../../../tests/support/fake-api-client.ts';
import { idFixture } from '../../../../tests/support/id-fixtures.ts';
import { ApiContext } from '../../../app/api-context.ts';
import { DisplaySettingsProvider } from '../../../app/display-settings-context.tsx';
import { RouterProvider, useRouter } from '../../../app/router-context.tsx';
import { setupI18n } from '../../../i18n/setup-i18n.ts';
import { ScanProvider } from '../../../scan/ScanProvider.tsx';
import { CounterHomeScreen } from '../CounterHomeScreen.tsx';

// The counter home of issue #10: the office's list (filters, paging), a scan that goes straight to
// its registration, or says there is none, or lets the officer pick; the officer's count today.

// A person types 50 ms apart at the fastest: faster bursts are keyboard-wedge scans.
const person = userEvent.setup({ delay: 50 });

function stored(overrides: Partial<Registration> = {}): WireRegistration {
  return {
    registration: { ...documentedRegistration, ...overrides },
    localState: 'synced',
    localDecision: null,
  };
}

const page = (rows: WireRegistration[], total = rows.length, number = 0) =>
  ok({ rows, total, page: number, pageSize: 20 });

function homeApi() {
  return fakeApi({
    'conflicts.list': ok([]),
    'registrations.list': (args) => page([stored()], 1, (args as { page: number }).page),
    'registrations.byCard': ok([]),
    'registrations.search': ok([]),
    'registrations.myDay': ok({ approved: 0, rejected: 0 }),
    'scan.submit': ok({ scanId: 'scan-x', duplicate: false }),
  });
}

/** Where the home navigated, as the router holds it (the verification screen is not under test). */
function RouteProbe() {
  const { route } = useRouter();
  if (route.name === 'counter-home') return <CounterHomeScreen />;
  return <pre data-testid="route">{JSON.stringify(route)}</pre>;
}

async function renderHome(api: FakeApi) {
  const i18n = await setupI18n('vi');
  render(
    <I18nextProvider i18n={i18n}>
      <ApiContext.Provider value={api}>
        <DisplaySettingsProvider initial={displaySettings}>
          <RouterProvider
            caller={{
              mode: 'counter',
              enrolled: true,
              session: { role: 'officer', locked: false, pinRequired: false },
            }}
            home={{ name: 'counter-home' }}
          >
            <ScanProvider>
              <RouteProbe />
            </ScanProvider>
          </RouterProvider>
        </DisplaySettingsProvider>
      </ApiContext.Provider>
    </I18nextProvider>,
  );
  await screen.findByTestId('scan-prompt');
}

function scanEvent(payload: string, overrides: Partial<ScanEvent> = {}): ScanEvent {
  return {
    scanId: `scan-${Math.random()}`,
    source: 'hid-pos',
    device: 'Honeywell 1950g',
    receivedAt: '2026-12-01T03:00:00.000Z',
    raw: payload,
    bytesHex: null,
    symbology: ']Q1',
    result: parseIdPayload(payload, { today: '2026-12-01' }),
    damage: null,
    ...overrides,
  };
}

function emitScan(api: FakeApi, scan: ScanEvent) {
  act(() => api.emit({ name: 'scan', payload: scan }));
}

const listCalls = (api: FakeApi) =>
  api.calls.filter((call) => call.name === 'registrations.list').map((call) => call.args);

async function routeTaken(): Promise<Record<string, unknown>> {
  const probe = await screen.findByTestId('route');
  return JSON.parse(probe.textContent ?? '{}') as Record<string, unknown>;
}

describe('the counter home list', () => {
  it('opens on the pending registrations, and sends the filters, the search and the page asked for', async () => {
    const api = homeApi();
    const rows = Array.from({ length: 20 }, (_, index) =>
      stored({ code: `DK-07921-2026-${String(index).padStart(6, '0')}`, fullName: `Người ${index}` }),
    );
    api.answer('registrations.list', (args) => page(rows, 45, (args as { page: number }).page));
    await renderHome(api);

    await waitFor(() => expect(listCalls(api)).toHaveLength(1));
    expect(listCalls(api)[0]).toEqual({
      query: null,
      status: 'pending',
      channel: null,
      age: null,
      page: 0,
      pageSize: 20,
    });
    const first = await screen.findByText('Người 0');
    const row = first.closest('tr') as HTMLElement;
    expect(row.getAttribute('data-registration-code')).toBe('DK-07921-2026-000000');
    expect(row.getAttribute('data-status')).toBe('pending');
    // Birth date as people write it; submitted-at in Vietnam time (08:15Z is 15:15 in Hà Nội).
    expect(within(row).getByText('17/04/1992')).toBeTruthy();
    expect(within(row).getByText('20/11/2026 15:15')).toBeTruthy();
    expect(within(row).getByText('079092004321')).toBeTruthy();
    expect(within(row).getByText('Cổng dịch vụ công')).toBeTruthy();
    expect(within(row).getByText('chờ duyệt')).toBeTruthy();
    expect(screen.getByTestId('page-position').textContent).toBe('Trang 1/3');
    expect((document.querySelector('[data-action="page-prev"]') as HTMLButtonElement).disabled).toBe(true);

    await userEvent.click(document.querySelector('[data-action="page-next"]') as HTMLElement);
    await waitFor(() => expect(screen.getByTestId('page-position').textContent).toBe('Trang 2/3'));
    expect(listCalls(api).at(-1)).toMatchObject({ page: 1, status: 'pending' });

    await userEvent.selectOptions(document.querySelector('select[name="status"]') as HTMLElement, 'approved');
    await userEvent.selectOptions(document.querySelector('select[name="channel"]') as HTMLElement, 'app');
    await userEvent.selectOptions(document.querySelector('select[name="age"]') as HTMLElement, 'child');
    await person.type(screen.getByRole('searchbox'), 'nguyen van');
    await userEvent.click(document.querySelector('[data-action="search"]') as HTMLElement);
    // A new filter or search starts again from the first page.
    await waitFor(() =>
      expect(listCalls(api).at(-1)).toEqual({
        query: 'nguyen van',
        status: 'approved',
        channel: 'app',
        age: 'child',
        page: 0,
        pageSize: 20,
      }),
    );

    await userEvent.selectOptions(document.querySelector('select[name="status"]') as HTMLElement, '');
    await waitFor(() => expect(listCalls(api).at(-1)).toMatchObject({ status: null, query: 'nguyen van' }));
  });

  it('says in words when nothing is pending, and shows an API error with its code', async () => {
    const api = homeApi();
    api.answer('registrations.list', page([]));
    await renderHome(api);
    expect((await screen.findByTestId('lookup-none')).textContent).toBe('Hiện không có hồ sơ nào chờ duyệt.');

    api.answer('registrations.list', fail('session-locked', 'Phiên làm việc đang khoá.'));
    await userEvent.selectOptions(document.querySelector('select[name="channel"]') as HTMLElement, 'kiosk');
    expect((await screen.findByTestId('list-error')).getAttribute('data-code')).toBe('session-locked');
  });

  it("shows the officer's own count today, and asks again when sync reports", async () => {
    const api = homeApi();
    api.answer('registrations.myDay', ok({ approved: 12, rejected: 3 }));
    await renderHome(api);
    expect((await screen.findByTestId('my-day')).textContent).toBe('Hôm nay bạn đã duyệt 12, từ chối 3');

    api.answer('registrations.myDay', ok({ approved: 13, rejected: 3 }));
    act(() =>
      api.emit({
        name: 'sync.status',
        payload: {
          state: 'online',
          trainingMode: true,
          lastSuccessAt: '2026-12-01T03:00:00.000Z',
          lastAttemptAt: '2026-12-01T03:00:00.000Z',
          nextAttemptAt: null,
          backlog: 0,
          oldestPendingAt: null,
          openConflicts: 0,
          pulledInRound: 0,
          clockOffsetMs: 0,
          clockWarning: false,
          error: null,
        },
      }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('my-day').textContent).toBe('Hôm nay bạn đã duyệt 13, từ chối 3'),
    );
    // The list is read again too: the round may have brought new registrations.
    await waitFor(() => expect(listCalls(api).length).toBeGreaterThanOrEqual(2));
  });

  it('puts the cursor in the search box on F3 or /, but a / typed in a field stays there', async () => {
    const api = homeApi();
    await renderHome(api);
    const search = screen.getByRole('searchbox');
    expect(document.activeElement).not.toBe(search);
    await person.keyboard('{F3}');
    expect(document.activeElement).toBe(search);

    search.blur();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('scan-sink')));
    await person.keyboard('/');
    expect(document.activeElement).toBe(search);
    expect((search as HTMLInputElement).value).toBe('');
    await person.type(search, '12/3');
    expect((search as HTMLInputElement).value).toBe('12/3');
    expect(screen.getByTestId('search-shortcut').textContent).toContain('F3');
  });

  it('does not take the first character of a wedge scan that starts with /', async () => {
    const api = homeApi();
    await renderHome(api);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('scan-sink')));
    await userEvent.setup({ delay: null }).keyboard('/DK-07921-2026-000123{Enter}');
    await waitFor(() =>
      expect(api.calls.find((call) => call.name === 'scan.submit')?.args).toEqual({
        source: 'keyboard-wedge',
        device: null,
        text: '/DK-07921-2026-000123',
      }),
    );
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('');
  });
});

describe('a scan on the counter home', () => {
  it('opens the only registration of a CCCD straight away, with the card in the route', async () => {
    const api = homeApi();
    const card = idFixture('cccd-2021-0');
    api.answer('registrations.byCard', ok([stored({ code: 'DK-07921-2026-000777' })]));
    await renderHome(api);
    const scan = scanEvent(card.payload);
    emitScan(api, scan);

    const route = await routeTaken();
    expect(api.calls.find((call) => call.name === 'registrations.byCard')?.args).toEqual({
      idNumber: '060067086171',
      oldIdNumber: '186059021',
      socialInsuranceNumber: null,
    });
    expect(route).toEqual({
      name: 'verification',
      registrationCode: 'DK-07921-2026-000777',
      cards: { idCard: scan, healthCard: null },
      // What the lookup found goes along, so the screen shows it without asking again.
      found: expect.objectContaining({
        registration: expect.objectContaining({ code: 'DK-07921-2026-000777' }),
      }),
    });
  });

  it('opens a registration already decided too (the verification says who decided it)', async () => {
    const api = homeApi();
    api.answer('registrations.byCard', ok([stored({ status: 'approved' })]));
    await renderHome(api);
    emitScan(api, scanEvent(idFixture('cccd-2021-1').payload));
    const route = await routeTaken();
    expect(route.registrationCode).toBe(documentedRegistration.code);
    // Nothing is left to compare on a decided registration: the card's data does not go along.
    expect(route.cards).toBeNull();
    expect(api.calls.find((call) => call.name === 'registrations.byCard')?.args).toEqual({
      idNumber: '038060368173',
      oldIdNumber: null,
      socialInsuranceNumber: null,
    });
  });

  it('says when this PC has no registration for the card, and fills the search box with its number', async () => {
    const api = homeApi();
    await renderHome(api);
    emitScan(api, scanEvent(idFixture('cccd-2021-1').payload));

    const none = await screen.findByTestId('card-no-match');
    expect(none.textContent).toContain('Không có hồ sơ nào với số 038060368173 trên máy này.');
    expect(screen.getByTestId('card-person').textContent).toBe('Vũ Thành Đạt');
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('038060368173');
    expect(screen.getByTestId('value-idNumber').textContent).toBe('038060368173');
    expect(screen.queryByTestId('route')).toBeNull();

    // Found by name instead: the registration opens with the card scanned for it.
    api.answer('registrations.list', (args) =>
      (args as { query: string | null }).query === 'Vũ Thành Đạt'
        ? page([stored({ code: 'DK-07921-2026-000555', fullName: 'Vũ Thành Đạt' })])
        : page([]),
    );
    await userEvent.click(document.querySelector('[data-action="search-by-name"]') as HTMLElement);
    const row = await waitFor(() => {
      const found = document.querySelector('[data-registration-code="DK-07921-2026-000555"]');
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    await userEvent.click(within(row).getByRole('button', { name: /^Mở hồ sơ DK-/ }));
    const route = await routeTaken();
    expect(route.registrationCode).toBe('DK-07921-2026-000555');
    expect((route.cards as { idCard: ScanEvent }).idCard.result.ok).toBe(true);
  });

  it('lets the officer pick when the card has several registrations', async () => {
    const api = homeApi();
    api.answer(
      'registrations.byCard',
      ok([
        stored({ code: 'DK-07921-2026-000001', channel: 'kiosk' }),
        stored({ code: 'DK-07921-2026-000002', status: 'rejected' }),
      ]),
    );
    await renderHome(api);
    const scan = scanEvent(idFixture('cccd-2021-2').payload);
    emitScan(api, scan);

    const matches = await screen.findByTestId('card-matches');
    expect(within(matches).getByRole('heading').textContent).toBe(
      'Thẻ này có 2 hồ sơ. Chọn hồ sơ cần duyệt:',
    );
    const second = matches.querySelector('[data-registration-code="DK-07921-2026-000002"]') as HTMLElement;
    expect(second.getAttribute('data-status')).toBe('rejected');
    await userEvent.click(
      within(second).getByRole('button', { name: /^Mở hồ sơ DK-07921-2026-000002 của / }),
    );
    expect(await routeTaken()).toEqual({
      name: 'verification',
      registrationCode: 'DK-07921-2026-000002',
      cards: { idCard: scan, healthCard: null },
    });
  });

  it('looks a BHYT card up by its social-insurance number and carries it as the health card', async () => {
    const api = homeApi();
    api.answer('registrations.byCard', ok([stored()]));
    await renderHome(api);
    const scan = scanEvent(idFixture('bhyt-2021-0').payload);
    emitScan(api, scan);

    const route = await routeTaken();
    expect(api.calls.find((call) => call.name === 'registrations.byCard')?.args).toEqual({
      idNumber: null,
      oldIdNumber: null,
      socialInsuranceNumber: '2002965140',
    });
    expect(route.cards).toEqual({ idCard: null, healthCard: scan });
  });

  it('diagnoses a damaged scan and does not look it up', async () => {
    const api = homeApi();
    await renderHome(api);
    const card = idFixture('cccd-2021-wedge-lost-diacritics-warns');
    emitScan(
      api,
      scanEvent(card.payload, {
        source: 'keyboard-wedge',
        damage: {
          kind: 'lost-characters',
          fix: 'scanner-unicode-or-hid-pos',
          evidence: ['C?ng'],
          layout: null,
          confirmed: false,
          others: [],
        },
      }),
    );
    expect((await screen.findByTestId('scan-damage')).getAttribute('data-kind')).toBe('lost-characters');
    expect(screen.getByTestId('card-not-looked-up')).toBeTruthy();
    expect(api.calls.some((call) => call.name === 'registrations.byCard')).toBe(false);
  });

  it('says so when the QR of a printed declaration names a registration this PC does not have', async () => {
    const api = homeApi();
    await renderHome(api);
    emitScan(api, scanEvent('DK-07921-2026-999999'));
    expect((await screen.findByTestId('card-no-match')).textContent).toContain(
      'Không có hồ sơ mã DK-07921-2026-999999 trên máy này.',
    );
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('DK-07921-2026-999999');
    expect(api.calls.some((call) => call.name === 'registrations.byCard')).toBe(false);
  });

  it('opens the registration of a form a kiosk printed offline, by the kiosk reference in its QR', async () => {
    const api = homeApi();
    api.answer('registrations.search', ok([stored({ code: 'DK-07921-2026-000888', channel: 'kiosk' })]));
    await renderHome(api);
    emitScan(api, scanEvent('KS-7K3Q-X9PM-A2B4'));
    expect(await routeTaken()).toMatchObject({
      name: 'verification',
      registrationCode: 'DK-07921-2026-000888',
    });
    expect(api.calls.find((call) => call.name === 'registrations.search')?.args).toEqual({
      query: 'KS-7K3Q-X9PM-A2B4',
    });
  });

  it('says a kiosk reference the central has not passed on yet is the kiosk’s, not a wrong code', async () => {
    const api = homeApi();
    api.answer('registrations.search', ok([]));
    await renderHome(api);
    emitScan(api, scanEvent('KS-7K3Q-X9PM-A2B4'));
    expect((await screen.findByTestId('card-no-match')).textContent).toContain(
      'Mã KS-7K3Q-X9PM-A2B4 là mã của ki-ốt tự phục vụ',
    );
  });
});

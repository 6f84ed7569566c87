import { act, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';

// A person types 50 ms apart at the fastest: faster bursts are keyboard-wedge scans.
const person = userEvent.setup({ delay: 50 });
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../preload/contract/api-result.ts';
import type { SessionView } from '../../../preload/contract/areas/session.ts';
import { documentedRegistration } from '../../../tests/fixtures/documented-registration.ts';
import { idFixture } from '../../../tests/support/id-fixtures.ts';
import { displaySettings, fakeApi } from '../../../tests/support/fake-api-client.ts';
import { parseIdPayload } from '../../../main/core/id-card/parse-id-payload.ts';
import { App } from '../../app/App.tsx';

const officer: SessionView = {
  staffId: 'cb-07921-2',
  fullName: 'Võ Minh Tuấn',
  role: 'officer',
  signedInAt: '2026-12-01T02:00:00.000Z',
  locked: false,
  pinSet: true,
  lockAt: '2099-01-01T00:00:00.000Z',
};
const stored = { registration: documentedRegistration, localState: 'synced', localDecision: null };
/** The CCCD QR of the documented registration's citizen (REGISTRATION.md). */
const documentedCard =
  '079092004321||Trịnh Quang Vĩnh|17041992|Nam|Số 45 đường Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh|09082021';
const reasons = [{ code: 'other', labelVi: 'Lý do khác', noteRequired: true }];

function counterApi(options: { onlyAScannerTypes?: boolean } = {}) {
  return fakeApi({
    // When only the scanner types, a wide key interval keeps a test runner's stall (a loaded CI
    // machine) from splitting the typed burst; where a person types too, the product's settings.
    ...(options.onlyAScannerTypes
      ? {
          'settings.display': ok({
            ...displaySettings,
            scanner: { ...displaySettings.scanner, wedgeMaxKeyIntervalMs: 200, wedgeIdleEndMs: 2000 },
          }),
        }
      : {}),
    'session.current': ok(officer),
    'conflicts.list': ok([]),
    'registrations.search': ok([stored]),
    'registrations.list': (args) =>
      ok({ rows: (args as { query: string | null }).query ? [stored] : [], total: 1, page: 0, pageSize: 20 }),
    'registrations.byCard': ok([stored]),
    'registrations.myDay': ok({ approved: 4, rejected: 1 }),
    'registrations.reasons': ok(reasons),
  });
}

/** The "open" button of a registration's row in the list, once the list shows it. */
async function openButtonOf(code: string, label: string): Promise<HTMLElement> {
  const row = await waitFor(() => {
    const found = document.querySelector(`tr[data-registration-code="${code}"]`);
    expect(found).not.toBeNull();
    return found as HTMLElement;
  });
  // Each row's button names its registration for a screen reader: "Mở hồ sơ DK-… của …".
  return within(row).getByRole('button', { name: new RegExp(`^${label} ${code} `) });
}

describe('the counter', () => {
  it('looks a scanned card up and opens its only registration with the card', async () => {
    const api = counterApi({ onlyAScannerTypes: true });
    const card = idFixture('cccd-2021-0');
    // The backend's side of the pipeline: the wedge scan comes back as a parsed `scan` event.
    api.answer('scan.submit', (args) => {
      const { text } = args as { text: string };
      api.emit({
        name: 'scan',
        payload: {
          scanId: 'scan-1',
          source: 'keyboard-wedge',
          device: null,
          receivedAt: '2026-12-01T03:00:00.000Z',
          raw: text,
          bytesHex: null,
          symbology: null,
          result: parseIdPayload(text, { today: '2026-12-01' }),
          damage: null,
        },
      });
      return ok({ scanId: 'scan-1', duplicate: false });
    });
    render(<App api={api} />);
    await screen.findByText(/Quét mã QR/);
    expect((await screen.findByTestId('my-day')).textContent).toBe('Hôm nay bạn đã duyệt 4, từ chối 1');
    // A wedge scanner types far faster than a person: no delay between keys.
    await userEvent.setup({ delay: null }).keyboard(`${card.payload}{Enter}`);
    await waitFor(() =>
      expect(
        document.querySelector('[data-screen="verification"]')?.getAttribute('data-registration-code'),
      ).toBe(documentedRegistration.code),
    );
    expect(api.calls.find((call) => call.name === 'scan.submit')?.args).toEqual({
      source: 'keyboard-wedge',
      device: null,
      text: card.payload,
    });
    expect(api.calls.find((call) => call.name === 'registrations.byCard')?.args).toEqual({
      idNumber: card.expect.fields?.idNumber,
      oldIdNumber: card.expect.fields?.oldIdNumber,
      socialInsuranceNumber: null,
    });
  });

  it('opens the registration when the QR code of its printed declaration is scanned', async () => {
    const api = counterApi();
    api.answer('registrations.search', (args) =>
      ok((args as { query: string }).query === documentedRegistration.code ? [stored] : []),
    );
    render(<App api={api} />);
    await screen.findByText(/Quét mã QR/);
    const formScan = (raw: string, scanId: string) =>
      api.emit({
        name: 'scan',
        payload: {
          scanId,
          source: 'hid-pos',
          device: 'Honeywell 1950g',
          receivedAt: '2026-12-01T03:00:00.000Z',
          raw,
          bytesHex: null,
          symbology: ']Q1',
          result: parseIdPayload(raw, { today: '2026-12-01' }),
          damage: null,
        },
      });
    // The home's effects (its scan subscription among them) have run once it asked for the day's count.
    await waitFor(() => expect(api.calls.some((call) => call.name === 'registrations.myDay')).toBe(true));
    // A code this PC does not have stays on the counter home.
    formScan('DK-07921-2026-999999', 'scan-unknown');
    await waitFor(() =>
      expect(
        api.calls.some((call) => (call.args as { query?: string }).query === 'DK-07921-2026-999999'),
      ).toBe(true),
    );
    expect(document.querySelector('[data-screen="counter-home"]')).not.toBeNull();
    formScan(documentedRegistration.code, 'scan-form');
    await waitFor(() =>
      expect(
        document.querySelector('[data-screen="verification"]')?.getAttribute('data-registration-code'),
      ).toBe(documentedRegistration.code),
    );
  });

  it('shows, in English, who decided first when the registration was decided elsewhere', async () => {
    const api = counterApi();
    api.answer(
      'registrations.decide',
      fail('already-decided', 'Hồ sơ đã được cán bộ cb-07921-1 (quầy Q02) duyệt lúc 09:30 01/12/2026.', {
        registrationCode: documentedRegistration.code,
        existing: {
          outcome: 'approved',
          officerId: 'cb-07921-1',
          counterId: 'Q02',
          decidedAt: '2026-12-01T02:30:00.000Z',
          source: 'central',
        },
      }),
    );
    render(<App api={api} />);
    await screen.findByText(/Quét mã QR/);
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    // The citizen's own card, scanned: its only registration opens with the card to compare.
    act(() =>
      api.emit({
        name: 'scan',
        payload: {
          scanId: 'scan-own-card',
          source: 'hid-pos',
          device: null,
          receivedAt: '2026-12-01T03:00:00.000Z',
          raw: documentedCard,
          bytesHex: null,
          symbology: ']Q1',
          result: parseIdPayload(documentedCard, { today: '2026-12-01' }),
          damage: null,
        },
      }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    const result = await screen.findByTestId('decision-error');
    expect(result.textContent).toBe(
      `Registration ${documentedRegistration.code} was already decided: approved by cb-07921-1 (counter Q02) at 01/12/2026 09:30.`,
    );
    expect(result.closest('[data-decision]')?.getAttribute('data-decision')).toBe('conflict');
    // The decision named no officer: the backend takes the session's.
    expect(api.calls.find((call) => call.name === 'registrations.decide')?.args).toEqual({
      registrationCode: documentedRegistration.code,
      outcome: 'approved',
      reasonCode: null,
      note: null,
      override: false,
    });
  });

  it('asks for a note with a reason that needs one, then confirms the rejection', async () => {
    const api = counterApi();
    api.answer('registrations.decide', (args) =>
      ok({
        ...stored,
        localState: 'decided-locally',
        localDecision: {
          outcome: 'rejected',
          reasonCode: (args as { reasonCode: string }).reasonCode,
          note: (args as { note: string }).note,
          officerId: officer.staffId,
          counterId: 'Q01',
          decidedAt: '2026-12-01T03:00:00.000Z',
          override: false,
        },
      }),
    );
    render(<App api={api} />);
    await person.type(await screen.findByRole('searchbox'), documentedRegistration.code);
    await userEvent.click(screen.getByRole('button', { name: 'Tìm' }));
    await userEvent.click(await openButtonOf(documentedRegistration.code, 'Mở hồ sơ'));
    await userEvent.click(await screen.findByRole('button', { name: 'Từ chối' }));
    await userEvent.selectOptions(screen.getByRole('combobox'), 'other');
    const reject = screen.getAllByRole('button', { name: 'Từ chối' }).at(-1) as HTMLButtonElement;
    expect(reject.disabled).toBe(true);
    await person.type(screen.getByLabelText('Ghi chú (bắt buộc với lý do này)'), 'Ảnh trên thẻ không khớp');
    expect(reject.disabled).toBe(false);
    await userEvent.click(reject);
    await userEvent.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await waitFor(() => expect(document.querySelector('[data-decision="rejected"]')).toBeTruthy());
    expect(document.querySelector('[data-decision="rejected"]')?.textContent).toBe(
      'Đã từ chối bởi cb-07921-2 (quầy Q01) lúc 01/12/2026 10:00.',
    );
  });
});

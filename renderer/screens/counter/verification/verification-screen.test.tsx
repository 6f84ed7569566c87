import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { BhytParseSuccess, CccdParseSuccess } from '../../../../main/core/id-card/id-card-types.ts';
import type { Registration } from '../../../../main/core/registration/registration.ts';
import { fail, ok } from '../../../../preload/contract/api-result.ts';
import type { WireRegistration } from '../../../../preload/contract/areas/registrations.ts';
import type { ScanEvent } from '../../../../preload/contract/areas/scan.ts';
import { parseIdPayload } from '../../../../main/core/id-card/parse-id-payload.ts';
import { documentedRegistration } from '../../../../tests/fixtures/documented-registration.ts';
import { displaySettings, fakeApi, type FakeApi } from '../../../../tests/support/fake-api-client.ts';
import { ApiContext } from '../../../app/api-context.ts';
import { DisplaySettingsProvider } from '../../../app/display-settings-context.tsx';
import { RouterProvider, useRouter } from '../../../app/router-context.tsx';
import { RouteView } from '../../../app/RouteView.tsx';
import type { ScannedCardsForRoute } from '../../../app/routes.ts';
import { setupI18n } from '../../../i18n/setup-i18n.ts';
import { ScanProvider } from '../../../scan/ScanProvider.tsx';

// A person types 50 ms apart at the fastest: faster bursts are keyboard-wedge scans.
const person = userEvent.setup({ delay: 50 });

const registration: Registration = documentedRegistration;
const code = registration.code;

function cccd(overrides: Partial<CccdParseSuccess['fields']> = {}): CccdParseSuccess {
  return {
    ok: true,
    kind: 'cccd',
    format: 'cccd-2021',
    fields: {
      idNumber: registration.idDocument.number,
      oldIdNumber: null,
      fullName: registration.fullName,
      dateOfBirth: registration.dateOfBirth,
      sex: registration.sex,
      address: registration.address,
      issueDate: '2021-08-09',
      fatherName: null,
      motherName: null,
      extra: [],
      ...overrides,
    },
    warnings: [],
  };
}

function bhyt(overrides: Partial<BhytParseSuccess['fields']> = {}): BhytParseSuccess {
  return {
    ok: true,
    kind: 'bhyt',
    format: 'bhyt-2021',
    fields: {
      cardNumber: registration.socialInsuranceNumber,
      socialInsuranceNumber: registration.socialInsuranceNumber,
      beneficiaryGroup: null,
      benefitLevel: null,
      provinceCode: null,
      fullName: registration.fullName,
      dateOfBirth: registration.dateOfBirth,
      sex: registration.sex,
      address: null,
      facility: null,
      validFrom: '2026-01-01',
      validTo: '2026-06-30',
      issueDate: null,
      managementCode: null,
      guardian: null,
      residenceArea: null,
      fiveYearDate: null,
      checkString: null,
      issuer: null,
      ...overrides,
    },
    warnings: [{ code: 'card-expired', message: 'Thẻ BHYT đã hết hạn sử dụng.' }],
  };
}

let scanCount = 0;
function scanOf(result: ScanEvent['result']): ScanEvent {
  scanCount += 1;
  return {
    scanId: `scan-${scanCount}`,
    source: 'hid-pos',
    device: 'Honeywell 1950g',
    receivedAt: '2026-12-01T03:00:00.000Z',
    raw: `payload-${scanCount}`,
    bytesHex: null,
    symbology: ']Q1',
    result,
    damage: null,
  };
}

const stored: WireRegistration = { registration, localState: 'synced', localDecision: null };
const reasons = [
  {
    code: 'identity-mismatch',
    labelVi: 'Giấy tờ tùy thân không khớp với hồ sơ đăng ký',
    noteRequired: false,
  },
  { code: 'other', labelVi: 'Lý do khác', noteRequired: true },
];

function decidedAs(args: unknown): WireRegistration {
  const { outcome, reasonCode, note, override } = args as {
    outcome: 'approved' | 'rejected';
    reasonCode: string | null;
    note: string | null;
    override: boolean;
  };
  return {
    ...stored,
    localState: 'decided-locally',
    localDecision: {
      outcome,
      reasonCode,
      note,
      officerId: 'cb-07921-2',
      counterId: 'Q01',
      decidedAt: '2026-12-01T03:00:00.000Z',
      override,
    },
  };
}

function verificationApi(): FakeApi {
  return fakeApi({
    'registrations.search': ok([stored]),
    'registrations.reasons': ok(reasons),
    'registrations.decide': (args) => ok(decidedAs(args)),
    'print.submit': fail('backend-unavailable', 'not in this test'),
  });
}

/** Shows the route's cards, so a test sees what the route (not only the screen) still holds. */
function RouteProbe() {
  const { route } = useRouter();
  const cards = route.name === 'verification' ? route.cards : null;
  return (
    <output
      data-testid="route"
      data-name={route.name}
      data-cards={cards ? [cards.idCard ? 'id' : '', cards.healthCard ? 'health' : ''].join(',') : 'none'}
    />
  );
}

async function open(api: FakeApi, cards: ScannedCardsForRoute | null) {
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
            home={{ name: 'verification', registrationCode: code, cards }}
          >
            <ScanProvider>
              <RouteProbe />
              <RouteView />
            </ScanProvider>
          </RouterProvider>
        </DisplaySettingsProvider>
      </ApiContext.Provider>
    </I18nextProvider>,
  );
  await screen.findByTestId('identity-comparison');
}

const rows = () => Array.from(document.querySelectorAll<HTMLElement>('tr[data-outcome]'));
const row = (field: string, source = 'idCard') =>
  document.querySelector<HTMLElement>(`tr[data-field="${field}"][data-source="${source}"]`);
const action = (name: string) => document.querySelector<HTMLButtonElement>(`button[data-action="${name}"]`);
const decideCalls = (api: FakeApi) => api.calls.filter((call) => call.name === 'registrations.decide');

describe('the verification', () => {
  it('approves a matching card in one action, then forgets the card', async () => {
    const api = verificationApi();
    await open(api, { idCard: scanOf(cccd()), healthCard: null });
    expect(rows().map((entry) => [entry.dataset.field, entry.dataset.outcome])).toEqual([
      ['idNumber', 'match'],
      ['fullName', 'match'],
      ['dateOfBirth', 'match'],
      ['sex', 'match'],
      ['address', 'info'],
    ]);
    expect(screen.getByTestId('verdict').dataset.verdict).toBe('all-match');
    expect(action('override')).toBeNull();
    await userEvent.click(action('approve')!);
    expect(screen.getByRole('dialog').textContent).toContain('Duyệt hồ sơ này?');
    await userEvent.click(action('confirm')!);
    const result = await waitFor(() => {
      const element = document.querySelector('[data-decision]');
      expect(element).not.toBeNull();
      return element as HTMLElement;
    });
    expect(result.dataset.decision).toBe('approved');
    expect(result.textContent).toBe('Đã duyệt bởi cb-07921-2 (quầy Q01) lúc 01/12/2026 10:00.');
    expect(decideCalls(api).map((call) => call.args)).toEqual([
      { registrationCode: code, outcome: 'approved', reasonCode: null, note: null, override: false },
    ]);
    // The card leaves the screen and the route; the registration stays.
    expect(rows()).toEqual([]);
    expect(screen.queryByTestId('identity-comparison')).toBeNull();
    expect(screen.getByTestId('route').dataset.cards).toBe('none');
    expect(document.querySelector('[data-field="fullName"] dd')?.textContent).toBe(registration.fullName);
  });

  it('shows a difference in diacritics in words and approves it only by a written override', async () => {
    const api = verificationApi();
    await open(api, { idCard: scanOf(cccd({ fullName: 'Trịnh Quang Vinh' })), healthCard: null });
    const name = row('fullName')!;
    expect(name.dataset.outcome).toBe('mismatch');
    expect(within(name).getByTestId('diacritics-only').textContent).toBe('Khác dấu: Vĩnh ≠ Vinh');
    // The differing letters are marked on both sides, with a cue in words.
    expect(
      Array.from(name.querySelectorAll('mark')).map((mark) => [mark.dataset.diff, mark.textContent]),
    ).toEqual([
      ['delete', '[khác: ĩ]'],
      ['insert', '[khác: i]'],
    ]);
    expect(screen.getByTestId('verdict').dataset.verdict).toBe('needs-override');

    await userEvent.click(action('approve')!);
    expect(screen.getByTestId('approve-blocked').getAttribute('role')).toBe('alert');
    expect(action('confirm')).toBeNull();

    await userEvent.click(action('override')!);
    const note = screen.getByLabelText('Lý do duyệt ngoại lệ (bắt buộc)');
    const submit = document.querySelector<HTMLButtonElement>(
      '.override-form button[data-action="override"]',
    )!;
    expect(submit.disabled).toBe(true);
    await person.type(note, '   ');
    expect(submit.disabled).toBe(true);
    await person.clear(note);
    await person.type(note, 'Đã xem bản gốc CCCD');
    expect(submit.disabled).toBe(false);
    await userEvent.click(submit);
    expect(screen.getByRole('dialog').textContent).toContain('Đã xem bản gốc CCCD');
    await userEvent.click(action('confirm')!);
    await waitFor(() => expect(document.querySelector('[data-decision="approved"]')).not.toBeNull());
    expect(decideCalls(api).map((call) => call.args)).toEqual([
      {
        registrationCode: code,
        outcome: 'approved',
        reasonCode: null,
        note: 'Đã xem bản gốc CCCD',
        override: true,
      },
    ]);
    expect(document.querySelector('.decision-facts')?.textContent).toContain('Đã xem bản gốc CCCD');
  });

  it('without a card says so, and approving needs an override', async () => {
    const api = verificationApi();
    await open(api, null);
    expect(screen.getByTestId('verdict').textContent).toContain('Chưa quét thẻ');
    expect(rows().map((entry) => entry.dataset.outcome)).toEqual([
      'not-on-card',
      'not-on-card',
      'not-on-card',
      'not-on-card',
    ]);
    await userEvent.click(action('approve')!);
    expect(action('confirm')).toBeNull();
    expect(action('override')).not.toBeNull();
  });

  it('rejects with a reason and an optional note', async () => {
    const api = verificationApi();
    await open(api, { idCard: scanOf(cccd({ dateOfBirth: '1992-04-18' })), healthCard: null });
    expect(row('dateOfBirth')?.dataset.outcome).toBe('mismatch');
    await userEvent.click(action('reject')!);
    await userEvent.selectOptions(screen.getByRole('combobox'), 'identity-mismatch');
    await person.type(screen.getByLabelText('Ghi chú (không bắt buộc)'), 'Sai ngày sinh');
    await userEvent.click(
      document.querySelector<HTMLButtonElement>('.reject-form button[data-action="reject"]')!,
    );
    expect(screen.getByRole('dialog').textContent).toContain('Giấy tờ tùy thân không khớp với hồ sơ đăng ký');
    await userEvent.click(action('confirm')!);
    await waitFor(() => expect(document.querySelector('[data-decision="rejected"]')).not.toBeNull());
    expect(decideCalls(api).map((call) => call.args)).toEqual([
      {
        registrationCode: code,
        outcome: 'rejected',
        reasonCode: 'identity-mismatch',
        note: 'Sai ngày sinh',
        override: false,
      },
    ]);
    expect(screen.getByTestId('route').dataset.cards).toBe('none');
  });

  it('names the officer who decided first when another counter came first', async () => {
    const api = verificationApi();
    api.answer(
      'registrations.decide',
      fail('already-decided', 'Hồ sơ đã được duyệt.', {
        registrationCode: code,
        existing: {
          outcome: 'rejected',
          officerId: 'cb-07921-1',
          counterId: 'Q02',
          decidedAt: '2026-12-01T02:30:00.000Z',
          source: 'central',
        },
      }),
    );
    await open(api, { idCard: scanOf(cccd()), healthCard: null });
    await userEvent.click(action('approve')!);
    await userEvent.click(action('confirm')!);
    const result = await screen.findByTestId('decision-error');
    expect(result.closest('[data-decision]')?.getAttribute('data-decision')).toBe('conflict');
    expect(result.textContent).toContain('cb-07921-1');
    expect(result.textContent).toContain('Q02');
    expect(result.textContent).toContain('09:30');
    expect(rows()).toEqual([]);
    expect(screen.getByTestId('route').dataset.cards).toBe('none');
  });

  it('adds a BHYT card scanned after the CCCD, and refuses a card of another person', async () => {
    const api = verificationApi();
    await open(api, { idCard: scanOf(cccd()), healthCard: null });
    expect(row('socialInsuranceNumber', 'healthCard')).toBeNull();
    api.emit({ name: 'scan', payload: scanOf(bhyt()) });
    await waitFor(() => expect(row('socialInsuranceNumber', 'healthCard')?.dataset.outcome).toBe('match'));
    expect(screen.getByTestId('route').dataset.cards).toBe('id,health');
    expect(screen.getByTestId('warning-card-expired').textContent).toContain('Thẻ BHYT đã hết hạn sử dụng.');

    api.emit({ name: 'scan', payload: scanOf(cccd({ idNumber: '001099012345', fullName: 'Lê Văn Tám' })) });
    const notice = await screen.findByTestId('scan-notice');
    expect(notice.dataset.kind).toBe('other-person');
    expect(notice.textContent).toContain('Lê Văn Tám (001099012345)');
    // The first person's card is still the one compared.
    expect(row('idNumber')?.dataset.outcome).toBe('match');
    expect(row('fullName')?.dataset.outcome).toBe('match');
  });

  it('moves to another registration when its printed declaration is scanned here', async () => {
    const api = verificationApi();
    const other: WireRegistration = {
      ...stored,
      registration: { ...registration, code: 'DK-07921-2026-000777', fullName: 'Lê Thị Hoa' },
    };
    api.answer('registrations.search', (args) =>
      ok((args as { query: string }).query === 'DK-07921-2026-000777' ? [other] : [stored]),
    );
    await open(api, { idCard: scanOf(cccd()), healthCard: null });
    const formScan = (raw: string) => ({
      ...scanOf(parseIdPayload(raw, { today: '2026-12-01' })),
      raw,
    });
    // This registration's own form is no card and changes nothing.
    api.emit({ name: 'scan', payload: formScan(code) });
    api.emit({ name: 'scan', payload: formScan('DK-07921-2026-000777') });
    await waitFor(() =>
      expect(
        document.querySelector('[data-screen="verification"]')?.getAttribute('data-registration-code'),
      ).toBe('DK-07921-2026-000777'),
    );
    // The first person's card did not follow to the other registration.
    expect(screen.getByTestId('route').dataset.cards).toBe('none');
    expect(document.querySelector('[data-field="fullName"] dd')?.textContent).toBe('Lê Thị Hoa');
  });

  it('offers to decide again when the decision could not be recorded', async () => {
    const api = verificationApi();
    api.answer('registrations.decide', fail('store-locked', 'x'));
    await open(api, { idCard: scanOf(cccd()), healthCard: null });
    await userEvent.click(action('approve')!);
    await userEvent.click(action('confirm')!);
    const failed = await waitFor(() => {
      const element = document.querySelector<HTMLElement>('[data-decision="failed"]');
      expect(element).not.toBeNull();
      return element as HTMLElement;
    });
    expect(within(failed).getByRole('alert', { hidden: true })).toBeTruthy();
    api.answer('registrations.decide', (args) => ok(decidedAs(args)));
    await userEvent.click(action('retry-decision')!);
    await userEvent.click(action('approve')!);
    await userEvent.click(action('confirm')!);
    await waitFor(() => expect(document.querySelector('[data-decision="approved"]')).not.toBeNull());
    expect(decideCalls(api)).toHaveLength(2);
  });

  it('does not send an approval chosen before a card that shows a mismatch was scanned', async () => {
    const api = verificationApi();
    await open(api, { idCard: scanOf(cccd()), healthCard: null });
    await userEvent.click(action('approve')!);
    expect(screen.getByTestId('decision-confirm')).toBeTruthy();
    // The BHYT card scanned now has another birth date: the verdict changes under the open step.
    api.emit({ name: 'scan', payload: scanOf(bhyt({ dateOfBirth: '1993-01-01' })) });
    await waitFor(() => expect(screen.getByTestId('verdict').dataset.verdict).toBe('needs-override'));
    expect(screen.queryByTestId('decision-confirm')).toBeNull();
    await userEvent.keyboard('{Enter}');
    expect(decideCalls(api)).toEqual([]);
  });

  it('takes one step per key press: a held Enter does not confirm, Esc does nothing while sending', async () => {
    const api = verificationApi();
    let answer: (value: unknown) => void = () => {};
    api.answer(
      'registrations.decide',
      (args) => new Promise((resolve) => (answer = () => resolve(ok(decidedAs(args))))),
    );
    await open(api, { idCard: scanOf(cccd()), healthCard: null });
    await userEvent.keyboard('{F8}');
    expect(screen.getByTestId('decision-confirm')).toBeTruthy();
    fireEvent.keyDown(window, { key: 'Enter', repeat: true });
    expect(decideCalls(api)).toEqual([]);
    await userEvent.keyboard('{Enter}');
    expect(decideCalls(api)).toHaveLength(1);
    // Esc while the decision is on its way neither cancels the step nor leaves the screen.
    await userEvent.keyboard('{Escape}');
    expect(screen.getByTestId('decision-confirm')).toBeTruthy();
    expect(screen.getByTestId('route').dataset.name).toBe('verification');
    answer(null);
    await waitFor(() => expect(document.querySelector('[data-decision="approved"]')).not.toBeNull());
  });

  it('works from the keyboard: F8 approves, Enter confirms; F9 rejects; Esc goes home', async () => {
    const api = verificationApi();
    await open(api, { idCard: scanOf(cccd()), healthCard: null });
    expect(screen.getByTestId('shortcut-legend').textContent).toContain('F8');
    await person.keyboard('{F9}');
    expect(document.activeElement?.getAttribute('name')).toBe('reasonCode');
    await person.keyboard('{Escape}');
    expect(document.querySelector('.reject-form')).toBeNull();
    await person.keyboard('{F8}');
    expect(screen.getByRole('dialog')).toBeTruthy();
    await person.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByTestId('route').dataset.name).toBe('verification');
    await person.keyboard('{F8}');
    await person.keyboard('{Enter}');
    await waitFor(() => expect(document.querySelector('[data-decision="approved"]')).not.toBeNull());
    expect(decideCalls(api)).toHaveLength(1);
    await person.keyboard('{Escape}');
    expect(screen.getByTestId('route').dataset.name).toBe('counter-home');
  });
});

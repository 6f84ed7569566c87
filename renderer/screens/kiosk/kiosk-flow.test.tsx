import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseIdPayload } from '../../../main/core/id-card/parse-id-payload.ts';
import { fail, ok } from '../../../preload/contract/api-result.ts';
import type { KioskReceipt, KioskStatusEntry } from '../../../preload/contract/areas/kiosk.ts';
import type { ScanEvent } from '../../../preload/contract/areas/scan.ts';
import type { OperationName } from '../../../preload/contract/operations.ts';
import { displaySettings, fakeApi, type FakeApi } from '../../../tests/support/fake-api-client.ts';
import { idFixture } from '../../../tests/support/id-fixtures.ts';
import { App } from '../../app/App.tsx';

// The kiosk's screens as a citizen meets them, through the real App (kiosk mode, no sign-in) over a
// fake API that records every call. Scans arrive as the ScanProvider delivers them: `scan` events.

// A person types 50 ms apart at the fastest: faster bursts are keyboard-wedge scans.
const person = userEvent.setup({ delay: 50 });

const adult = idFixture('cccd-2021-0'); // Nguyễn Thành Tuấn, 1967
const otherAdult = idFixture('cccd-2021-4'); // Vũ Hồng Hoa, 1987
const child = idFixture('cancuoc-2024-child-with-parents'); // Lý Thị Yến, 2019; mother Phan Thị Nhung

/** A 2021 BHYT card (17 elements) for a person, its name hex-encoded as on real cards. */
function healthCardPayload(person: { socialInsuranceNumber: string; fullName: string; dateOfBirth: string }) {
  const parts = idFixture('bhyt-2021-0').payload.split('|');
  const [year, month, day] = person.dateOfBirth.split('-');
  const hex = Array.from(new TextEncoder().encode(person.fullName), (byte) =>
    byte.toString(16).padStart(2, '0'),
  );
  parts[0] = person.socialInsuranceNumber;
  parts[1] = hex.join('');
  parts[2] = `${day}/${month}/${year}`;
  parts[9] = `3323${person.socialInsuranceNumber}`;
  return parts.join('|');
}

const adultHealthCard = healthCardPayload({
  socialInsuranceNumber: '7912345678',
  fullName: 'Nguyễn Thành Tuấn',
  dateOfBirth: '1967-06-26',
});

function scanEvent(payload: string, overrides: Partial<ScanEvent> = {}): ScanEvent {
  return {
    scanId: `scan-${Math.random()}`,
    source: 'hid-pos',
    device: 'Honeywell 1950g',
    receivedAt: '2026-12-01T03:00:00.000Z',
    raw: payload,
    bytesHex: null,
    symbology: ']Q1',
    result: parseIdPayload(payload),
    damage: null,
    ...overrides,
  };
}

const receipt: KioskReceipt = {
  reference: 'KS-7K3M-9QXD-2HPA',
  registrationCode: 'DK-07921-2026-000777',
  syncState: 'synced',
  submittedAt: '2026-12-01T03:05:00.000Z',
  officeCode: '07921',
  officeName: 'BHXH Quận 1',
  ticketNumber: 'K1-007',
  email: null,
  sendDeclarationCopy: false,
};

function kioskApi(): FakeApi {
  return fakeApi({
    'settings.display': ok({ ...displaySettings, mode: 'kiosk', counterId: 'K1' }),
    'kiosk.begin': ok({ visitId: 'visit-1', idleTimeoutSeconds: 90, idleWarningSeconds: 20 }),
    'kiosk.end': ok({}),
    'kiosk.offices': ok({
      defaultOfficeCode: '07921',
      offices: [
        { officeCode: '07921', name: 'BHXH Quận 1' },
        { officeCode: '07923', name: 'BHXH Quận 3' },
      ],
    }),
    'kiosk.existing': ok({ pending: null }),
    'kiosk.submit': ok(receipt),
    'kiosk.receipt': ok(receipt),
    'kiosk.print': ok({
      jobs: [{ jobId: 'job-1', state: 'done', failure: null }],
      formCode: receipt.registrationCode,
    }),
    'kiosk.status': ok({ entries: [] }),
    'scan.submit': ok({ scanId: 'scan-x', duplicate: false }),
  });
}

const calls = (api: FakeApi, name: OperationName) =>
  api.calls.filter((call) => call.name === name).map((call) => call.args);
const root = (name: string) => document.querySelector(`[data-screen="${name}"]`) as HTMLElement | null;
const action = (name: string) => {
  const found = document.querySelectorAll<HTMLButtonElement>(`[data-action="${name}"]`);
  expect(found, `exactly one [data-action="${name}"]`).toHaveLength(1);
  return found[0] as HTMLButtonElement;
};
const input = (name: string) => document.querySelector(`[name="${name}"]`) as HTMLInputElement;

function emitScan(api: FakeApi, payload: string, overrides: Partial<ScanEvent> = {}) {
  act(() => api.emit({ name: 'scan', payload: scanEvent(payload, overrides) }));
}

async function onScreen(name: string) {
  await waitFor(() => expect(root(name)).toBeTruthy());
  return root(name) as HTMLElement;
}

async function startKiosk(api: FakeApi, options: { strict?: boolean } = {}) {
  render(options.strict ? <StrictMode>{<App api={api} />}</StrictMode> : <App api={api} />);
  await onScreen('kiosk-attract');
}

/** Attract → start → language → scan, in the language chosen. */
async function toScan(api: FakeApi, language: 'vi' | 'en' = 'vi') {
  await startKiosk(api);
  await userEvent.click(action('start'));
  await onScreen('kiosk-language');
  await userEvent.click(action(`language-${language}`));
  return onScreen('kiosk-scan');
}

/** The adult's ID and health cards read, on to the form. */
async function toForm(api: FakeApi, language: 'vi' | 'en' = 'vi') {
  await toScan(api, language);
  emitScan(api, adult.payload);
  emitScan(api, adultHealthCard);
  await waitFor(() => expect(action('next').disabled).toBe(false));
  await userEvent.click(action('next'));
  const form = await onScreen('kiosk-form');
  await waitFor(() => expect(input('officeCode').value).toBe('07921'));
  return form;
}

/** The form filled in with a phone number typed on a physical keyboard, on to consent. */
async function toConsent(api: FakeApi) {
  await toForm(api);
  await person.type(input('phone'), '0912345678');
  await waitFor(() => expect(action('next').disabled).toBe(false));
  await userEvent.click(action('next'));
  return onScreen('kiosk-consent');
}

afterEach(() => {
  vi.useRealTimers();
});

describe('a citizen registers at the kiosk', () => {
  it('goes from the attract screen to the done screen, with the form filled from the cards', async () => {
    const api = kioskApi();
    await startKiosk(api);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Đăng ký tài khoản VssID tại đây');
    expect(calls(api, 'kiosk.begin')).toEqual([]);

    await userEvent.click(action('start'));
    const language = await onScreen('kiosk-language');
    expect(calls(api, 'kiosk.begin')).toEqual([{ language: 'vi' }]);
    for (const [code, name] of [
      ['vi', 'Tiếng Việt'],
      ['en', 'English'],
      ['zh', '中文'],
      ['ko', '한국어'],
      ['ja', '日本語'],
    ]) {
      const button = within(language).getByRole('button', { name });
      expect(button.getAttribute('lang')).toBe(code);
      expect(button.getAttribute('data-action')).toBe(`language-${code}`);
    }
    await userEvent.click(action('language-en'));

    const scan = await onScreen('kiosk-scan');
    expect(document.documentElement.lang).toBe('en');
    expect(within(scan).getByRole('heading', { level: 1 }).textContent).toBe('Scan your cards');
    expect(document.activeElement).toBe(within(scan).getByRole('heading', { level: 1 }));
    expect(action('next').disabled).toBe(true);
    expect(action('start-over')).toBeTruthy();

    emitScan(api, adult.payload);
    const idPanel = screen.getByTestId('id-card-status');
    expect(idPanel.dataset.state).toBe('read');
    expect(within(idPanel).getByText('Nguyễn Thành Tuấn')).toBeTruthy();
    expect(within(idPanel).getByText('060067086171')).toBeTruthy();
    await waitFor(() =>
      expect(calls(api, 'kiosk.existing')).toEqual([
        { idNumber: '060067086171', oldIdNumber: '186059021', socialInsuranceNumber: null },
      ]),
    );
    emitScan(api, adultHealthCard);
    const healthPanel = screen.getByTestId('health-card-status');
    expect(healthPanel.dataset.state).toBe('read');
    expect(within(healthPanel).getByText('7912345678')).toBeTruthy();
    await waitFor(() => expect(action('next').disabled).toBe(false));
    await userEvent.click(action('next'));

    const form = await onScreen('kiosk-form');
    const fact = (field: string) => form.querySelector(`.kiosk-fact[data-field="${field}"]`) as HTMLElement;
    expect(fact('fullName').dataset.source).toBe('id-card');
    expect(within(fact('fullName')).getByText('Nguyễn Thành Tuấn')).toBeTruthy();
    expect(within(fact('fullName')).getByText('From your ID card')).toBeTruthy();
    expect(within(fact('dateOfBirth')).getByText('26/06/1967')).toBeTruthy();
    expect(fact('socialInsuranceNumber').dataset.source).toBe('health-card');
    expect(within(fact('socialInsuranceNumber')).getByText('From your health-insurance card')).toBeTruthy();
    // The number came from the card: it is not asked for again.
    expect(input('socialInsuranceNumber')).toBeNull();
    expect(input('address').value).toBe('Ấp Bình Thạnh, Xã Tân Phú, Huyện Châu Thành, Tiền Giang');
    await waitFor(() => expect(input('officeCode').value).toBe('07921'));
    expect(within(form).getByRole('option', { name: 'BHXH Quận 3' })).toBeTruthy();
    expect(action('next').disabled).toBe(true);
    expect(screen.getByTestId('next-blocked').textContent).toBe('Enter your mobile phone number.');
    expect((input('sendDeclarationCopy') as HTMLInputElement).disabled).toBe(true);

    await person.type(input('phone'), '+84 912 345 678');
    await person.type(input('email'), 'tuan.nguyen@example.vn');
    expect(input('sendDeclarationCopy').disabled).toBe(false);
    await userEvent.click(input('sendDeclarationCopy'));
    // Leaving the field shows the number as it is stored.
    expect(input('phone').value).toBe('0912345678');
    await waitFor(() => expect(action('next').disabled).toBe(false));
    await userEvent.click(action('next'));

    const consent = await onScreen('kiosk-consent');
    expect(within(consent).getByText(/Decree 13\/2023\/NĐ-CP/)).toBeTruthy();
    expect(within(consent).getByText('Vietnam Social Security (BHXH Việt Nam).')).toBeTruthy();
    expect(action('submit').disabled).toBe(true);
    await userEvent.click(input('consent'));
    await userEvent.click(action('submit'));

    const done = await onScreen('kiosk-done');
    const [submitted] = calls(api, 'kiosk.submit') as Array<Record<string, unknown>>;
    expect(submitted).toEqual({
      submissionId: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      language: 'en',
      socialInsuranceNumber: '7912345678',
      fullName: 'Nguyễn Thành Tuấn',
      dateOfBirth: '1967-06-26',
      sex: 'male',
      idDocument: { type: 'cccd', number: '060067086171', issueDate: '2021-06-12', issuePlace: null },
      address: 'Ấp Bình Thạnh, Xã Tân Phú, Huyện Châu Thành, Tiền Giang',
      phone: '0912345678',
      email: 'tuan.nguyen@example.vn',
      officeCode: '07921',
      guardian: null,
      sendDeclarationCopy: true,
      consent: true,
    });
    const code = done.querySelector('[data-registration-code]') as HTMLElement;
    expect(code.getAttribute('data-registration-code')).toBe('DK-07921-2026-000777');
    expect(code.textContent).toBe('DK-07921-2026-000777');
    expect(screen.getByTestId('ticket-number').textContent).toContain('K1-007');
    await waitFor(() => expect(screen.getByTestId('print-result').dataset.state).toBe('done'));
    expect(calls(api, 'kiosk.print')).toHaveLength(1);
    expect(within(done).getAllByTestId('qr-symbol')).toHaveLength(2);
    expect(action('start-over').textContent).toBe('Finish');

    await userEvent.click(action('start-over'));
    await onScreen('kiosk-attract');
    expect(calls(api, 'kiosk.end')).toHaveLength(1);
    expect(document.documentElement.lang).toBe('vi');
  });

  it('keeps every entered value when the language changes in the middle of the form', async () => {
    const api = kioskApi();
    await toForm(api);
    await person.type(input('phone'), '0987 654 321');
    await person.type(input('email'), 'tuan@example.vn');
    await userEvent.clear(input('address'));
    await person.type(input('address'), 'Số 7 Lê Lợi, Quận 1');
    await userEvent.selectOptions(input('officeCode'), '07923');
    await userEvent.click(input('sendDeclarationCopy'));
    expect(screen.getByText('Số điện thoại di động')).toBeTruthy();

    await userEvent.click(action('language-en'));
    expect(await screen.findByText('Mobile phone number')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(input('phone').value).toBe('0987654321');
    expect(input('email').value).toBe('tuan@example.vn');
    expect(input('address').value).toBe('Số 7 Lê Lợi, Quận 1');
    expect(input('officeCode').value).toBe('07923');
    expect(input('sendDeclarationCopy').checked).toBe(true);

    // Back to the cards and forward again: still all there, and the cards too.
    await userEvent.click(action('back'));
    await onScreen('kiosk-scan');
    expect(screen.getByTestId('id-card-status').dataset.state).toBe('read');
    await userEvent.click(action('language-ja'));
    await userEvent.click(action('next'));
    await onScreen('kiosk-form');
    expect(document.documentElement.lang).toBe('ja');
    expect(input('phone').value).toBe('0987654321');
    expect(input('address').value).toBe('Số 7 Lê Lợi, Quận 1');
    expect(input('officeCode').value).toBe('07923');
  });

  it('sends one submission for a double tap, and the same submission id again after a failure', async () => {
    const api = kioskApi();
    let answer: (value: ReturnType<typeof fail>) => void = () => undefined;
    api.answer('kiosk.submit', () => new Promise((resolve) => (answer = resolve)));
    await toConsent(api);
    await userEvent.click(input('consent'));

    const submit = action('submit');
    act(() => {
      submit.click();
      submit.click();
    });
    expect(calls(api, 'kiosk.submit')).toHaveLength(1);
    expect(submit.disabled).toBe(true);
    expect(submit.getAttribute('aria-busy')).toBe('true');
    expect(submit.textContent).toBe('Đang gửi…');
    await userEvent.click(submit);
    expect(calls(api, 'kiosk.submit')).toHaveLength(1);

    await act(async () => answer(fail('backend-unavailable', 'không kết nối được')));
    const error = await screen.findByTestId('submit-error');
    expect(error.dataset.code).toBe('backend-unavailable');
    expect(error.textContent).toContain('Ki-ốt đang gặp sự cố kết nối.');
    expect(root('kiosk-consent')).toBeTruthy();
    expect(action('submit').textContent).toBe('Gửi lại');

    api.answer('kiosk.submit', ok(receipt));
    await userEvent.click(action('submit'));
    await onScreen('kiosk-done');
    const [first, second] = calls(api, 'kiosk.submit') as Array<{ submissionId: string }>;
    expect(second?.submissionId).toBe(first?.submissionId);
    expect(calls(api, 'kiosk.submit')).toHaveLength(2);
  });

  it('begins the visit again and sends the same form when the backend forgot the visit', async () => {
    const api = kioskApi();
    let attempts = 0;
    api.answer('kiosk.submit', () =>
      ++attempts === 1 ? fail('kiosk-visit-required', 'không có lượt') : ok(receipt),
    );
    await toConsent(api);
    await userEvent.click(input('consent'));
    await userEvent.click(action('submit'));
    await onScreen('kiosk-done');
    const sent = calls(api, 'kiosk.submit') as Array<{ submissionId: string }>;
    expect(sent).toHaveLength(2);
    expect(sent[1]?.submissionId).toBe(sent[0]?.submissionId);
    expect(calls(api, 'kiosk.begin')).toHaveLength(2);
  });

  it('sends the citizen back to the fields the service refused', async () => {
    const api = kioskApi();
    api.answer(
      'kiosk.submit',
      fail('invalid-argument', 'sai', {
        issues: [{ path: 'phone', message: 'sai', code: 'invalid_format' }],
      }),
    );
    await toConsent(api);
    await userEvent.click(input('consent'));
    await userEvent.click(action('submit'));
    await onScreen('kiosk-form');
    expect(screen.getByTestId('refused-fields').dataset.fields).toBe('phone');
    expect(screen.getByTestId('problem-phone').textContent).toBe(
      'Hệ thống chưa nhận thông tin này. Hãy kiểm tra lại.',
    );
    expect(input('phone').value).toBe('0912345678');
  });
});

describe('a person who already has a registration', () => {
  const pending: KioskStatusEntry = {
    registrationCode: 'DK-07921-2026-000123',
    reference: null,
    status: 'pending',
    waitingForSync: false,
    submittedAt: '2026-11-20T08:15:00Z',
    decidedAt: null,
    reasonCode: null,
    officeCode: '07921',
    officeName: 'BHXH Quận 1',
    maskedName: 'N***** T**** T***',
  };

  it('is shown it as soon as the ID card is read, and what to do', async () => {
    const api = kioskApi();
    api.answer('kiosk.existing', ok({ pending }));
    await toScan(api);
    emitScan(api, adult.payload);
    const existing = await onScreen('kiosk-existing');
    expect(existing.querySelector('[data-registration-code]')?.getAttribute('data-registration-code')).toBe(
      'DK-07921-2026-000123',
    );
    expect(within(existing).getByText('20/11/2026 15:15')).toBeTruthy();
    expect(screen.getByTestId('status-words').textContent).toContain('Đang chờ bạn đến quầy');
    expect(screen.getByTestId('status-words').textContent).toContain('thẻ Căn cước đến quầy');
    await userEvent.click(action('start-over'));
    await onScreen('kiosk-attract');
    expect(calls(api, 'kiosk.end')).toHaveLength(1);
  });

  it('is shown it when the submission finds it', async () => {
    const api = kioskApi();
    api.answer(
      'kiosk.submit',
      fail('kiosk-registration-exists', 'đã có', {
        registrationCode: null,
        reference: 'KS-AAAA-BBBB-CCCC',
        submittedAt: '2026-12-01T01:00:00Z',
        waitingForSync: true,
        officeName: 'BHXH khu vực Ba Đình, Hà Nội',
      }),
    );
    await toConsent(api);
    await userEvent.click(input('consent'));
    await userEvent.click(action('submit'));
    const existing = await onScreen('kiosk-existing');
    expect(existing.querySelector('[data-registration-code]')?.textContent).toBe('KS-AAAA-BBBB-CCCC');
    expect(screen.getByTestId('status-words').dataset.status).toBe('notSent');
    expect(existing.textContent).toContain('BHXH khu vực Ba Đình, Hà Nội');
  });
});

describe('the cards', () => {
  it('refuses the health-insurance card of another person, and explains a damaged scan', async () => {
    const api = kioskApi();
    await toScan(api);
    emitScan(api, adult.payload);
    emitScan(
      api,
      healthCardPayload({
        socialInsuranceNumber: '7900000001',
        fullName: 'Vũ Hồng Hoa',
        dateOfBirth: '1987-11-15',
      }),
    );
    const notice = screen.getByTestId('scan-notice');
    expect(notice.dataset.kind).toBe('health-card-other-person');
    expect(notice.textContent).toContain('Vũ Hồng Hoa');
    expect(screen.getByTestId('health-card-status').dataset.state).toBe('waiting');

    emitScan(api, adult.payload, {
      damage: {
        kind: 'input-method-telex',
        fix: 'input-method-off',
        evidence: ['Nguyeenx'],
        layout: null,
        confirmed: true,
        others: [],
      },
    });
    const damage = screen.getByTestId('scan-damage');
    expect(damage.dataset.kind).toBe('input-method-telex');
    expect(damage.textContent).toContain('Máy quét đọc sai các chữ trên thẻ của bạn.');
    expect(screen.getByTestId('scan-fix').dataset.fix).toBe('input-method-off');

    emitScan(api, 'https://vssid.vn/install');
    expect(screen.getByTestId('scan-notice').textContent).toContain('Đây không phải mã QR của thẻ');
  });

  it('lets a citizen without a health-insurance card type the number', async () => {
    const api = kioskApi();
    await toScan(api);
    emitScan(api, adult.payload);
    await userEvent.click(action('no-health-card'));
    expect(screen.getByTestId('health-card-status').dataset.state).toBe('skipped');
    await waitFor(() => expect(action('next').disabled).toBe(false));
    await userEvent.click(action('next'));
    await onScreen('kiosk-form');
    await person.type(input('socialInsuranceNumber'), '79123');
    await person.type(input('phone'), '0912345678');
    expect(screen.getByTestId('problem-socialInsuranceNumber').textContent).toBe(
      'Mã số BHXH gồm đúng 10 chữ số.',
    );
    expect(action('next').disabled).toBe(true);
    await person.type(input('socialInsuranceNumber'), '45678');
    await waitFor(() => expect(action('next').disabled).toBe(false));
  });

  it('asks a child for a parent or guardian, who scans their own card and says who they are', async () => {
    const api = kioskApi();
    await toScan(api);
    emitScan(api, child.payload);
    await userEvent.click(action('no-health-card'));
    await waitFor(() => expect(action('next').disabled).toBe(false));
    await userEvent.click(action('next'));
    await onScreen('kiosk-form');
    const guardian = screen.getByTestId('guardian-section');
    expect(guardian.textContent).toContain('Lý Thị Yến chưa đủ 18 tuổi');
    await person.type(input('socialInsuranceNumber'), '7912345670');
    await person.type(input('phone'), '0912345678');
    expect(action('next').disabled).toBe(true);
    expect(screen.getByTestId('next-blocked').textContent).toBe(
      'Cha, mẹ hoặc người giám hộ cần quét thẻ Căn cước / CCCD của mình.',
    );

    emitScan(api, child.payload);
    expect(screen.getByTestId('scan-notice').dataset.kind).toBe('guardian-is-child');
    emitScan(api, otherAdult.payload);
    expect(guardian.dataset.state).toBe('read');
    expect(within(guardian).getByText('Vũ Hồng Hoa')).toBeTruthy();
    expect(within(guardian).getAllByText('Từ thẻ Căn cước của người giám hộ')).toHaveLength(2);
    expect(screen.getByTestId('next-blocked').textContent).toBe(
      'Hãy chọn quan hệ của người giám hộ với em nhỏ.',
    );

    await userEvent.selectOptions(input('guardian.relationship'), 'Mẹ');
    await userEvent.click(action('language-en'));
    const relationship = input('guardian.relationship') as unknown as HTMLSelectElement;
    expect(relationship.value).toBe('Mẹ');
    expect(relationship.selectedOptions[0]?.textContent).toBe('Mother');
    await waitFor(() => expect(action('next').disabled).toBe(false));
    await userEvent.click(action('next'));
    await onScreen('kiosk-consent');
    await userEvent.click(input('consent'));
    await userEvent.click(action('submit'));
    await onScreen('kiosk-done');
    expect(calls(api, 'kiosk.submit')[0]).toMatchObject({
      fullName: 'Lý Thị Yến',
      socialInsuranceNumber: '7912345670',
      guardian: { fullName: 'Vũ Hồng Hoa', idNumber: '042187278319', relationship: 'Mẹ' },
    });
  });

  it('chooses the relationship when the guardian is the parent named on the child’s card', async () => {
    const api = kioskApi();
    await toScan(api);
    emitScan(api, child.payload);
    await waitFor(() => expect(action('next').disabled).toBe(false));
    await userEvent.click(action('next'));
    await onScreen('kiosk-form');
    const mother = idFixture('cancuoc-2024-adult-0').payload.replace('Nguyễn Thanh Yến', 'Phan Thị Nhung');
    emitScan(api, mother);
    expect((input('guardian.relationship') as unknown as HTMLSelectElement).value).toBe('Mẹ');
  });
});

describe('the phone number on the form', () => {
  it('says what is wrong once the length is reached or the field is left', async () => {
    const api = kioskApi();
    await toForm(api);
    await person.type(input('phone'), '0112345678');
    expect(screen.getByTestId('problem-phone').textContent).toBe(
      'Đây không phải số di động Việt Nam. Số di động bắt đầu bằng 03, 05, 07, 08 hoặc 09.',
    );
    await userEvent.clear(input('phone'));
    await person.type(input('phone'), '091234567');
    expect(screen.queryByTestId('problem-phone')).toBeNull();
    await userEvent.click(input('email'));
    expect(screen.getByTestId('problem-phone').textContent).toBe(
      'Số điện thoại còn thiếu: cần đủ 10 chữ số.',
    );
    await userEvent.clear(input('phone'));
    await person.type(input('phone'), 'abc');
    expect(screen.getByTestId('problem-phone').textContent).toBe('Số điện thoại chỉ gồm chữ số.');
  });

  it('keeps a person’s typing in the field, and a scanner’s burst out of it', async () => {
    const api = kioskApi();
    await toForm(api);
    await person.type(input('phone'), '0912');
    expect(input('phone').value).toBe('0912');
    expect(document.activeElement).toBe(input('phone'));
    // The scanner types the whole card in a few milliseconds, ending with Enter.
    const scanner = userEvent.setup({ delay: null });
    await scanner.type(input('phone'), `${otherAdult.payload}{Enter}`);
    await waitFor(() =>
      expect(calls(api, 'scan.submit')).toEqual([
        { source: 'keyboard-wedge', device: null, text: otherAdult.payload },
      ]),
    );
    expect(input('phone').value).toBe('0912');
  });
});

describe('the on-screen keyboard on the form', () => {
  it('stays a moment after its field is left, so a tap on the checkbox below is not moved away', async () => {
    const api = kioskApi();
    await toForm(api);
    await userEvent.click(input('email'));
    await person.type(input('email'), 'tuan@gmail.com');
    fireEvent.blur(input('email'));
    // The tap's click comes after the blur: the keyboard (and the layout) must not have changed yet.
    expect(screen.getByTestId('keyboard-dock').dataset.field).toBe('email');
    await userEvent.click(input('sendDeclarationCopy'));
    expect(input('sendDeclarationCopy').checked).toBe(true);
    await waitFor(() => expect(screen.queryByTestId('keyboard-dock')).toBeNull());
  });

  it('opens the right keyboard for each field, types into it, and keeps the field focused', async () => {
    const api = kioskApi();
    await toForm(api);
    expect(screen.queryByTestId('keyboard-dock')).toBeNull();
    await userEvent.click(input('phone'));
    const dock = screen.getByTestId('keyboard-dock');
    expect(dock.dataset.field).toBe('phone');
    expect(dock.querySelector('[data-keyboard-layout]')?.getAttribute('data-keyboard-layout')).toBe(
      'numeric',
    );
    for (const key of '0912345678')
      await userEvent.click(dock.querySelector(`[data-key="${key}"]`) as HTMLElement);
    expect(input('phone').value).toBe('0912345678');
    expect(document.activeElement).toBe(input('phone'));

    await userEvent.click(input('email'));
    expect(screen.getByTestId('keyboard-dock').dataset.field).toBe('email');
    const email = screen.getByTestId('keyboard-dock');
    for (const key of 'tuan')
      await userEvent.click(email.querySelector(`[data-key="${key}"]`) as HTMLElement);
    await userEvent.click(email.querySelector('[data-key="@gmail.com"]') as HTMLElement);
    expect(input('email').value).toBe('tuan@gmail.com');

    await userEvent.click(input('address'));
    expect(
      screen
        .getByTestId('keyboard-dock')
        .querySelector('[data-keyboard-layout]')
        ?.getAttribute('data-keyboard-layout'),
    ).toBe('vietnamese-text');
    await userEvent.click(
      screen.getByTestId('keyboard-dock').querySelector('[data-key="done"]') as HTMLElement,
    );
    expect(screen.queryByTestId('keyboard-dock')).toBeNull();
    await waitFor(() => expect(action('next').disabled).toBe(false));
  });
});

describe('typing on a physical keyboard as fast as a scanner', () => {
  /** The backend's part: every submitted scan comes back as a `scan` event, parsed. */
  function echoScans(api: FakeApi) {
    api.answer('scan.submit', (args) => {
      const { text } = args as { text: string };
      setTimeout(() =>
        act(() => api.emit({ name: 'scan', payload: scanEvent(text, { source: 'keyboard-wedge' }) })),
      );
      return ok({ scanId: 'scan-typed', duplicate: false });
    });
  }

  it('gives the burst back to the field it was typed into', async () => {
    const api = kioskApi();
    echoScans(api);
    await toForm(api);
    const fast = userEvent.setup({ delay: null });
    await fast.type(input('email'), 'cong.dan@example.vn');
    // The wedge took it for a scan (it is long and machine-fast)…
    await waitFor(() => expect(calls(api, 'scan.submit')).toHaveLength(1));
    // …which is not a card: it goes back into the e-mail field, and nothing is said about cards.
    await waitFor(() => expect(input('email').value).toBe('cong.dan@example.vn'));
    expect(screen.queryByTestId('scan-notice')).toBeNull();
  });

  it('splits a burst that ran on from one field into the next', async () => {
    const api = kioskApi();
    echoScans(api);
    await toForm(api);
    const fast = userEvent.setup({ delay: null });
    await fast.type(input('phone'), '0912 345 678');
    await fast.type(input('email'), 'cong.dan@example.vn');
    await waitFor(() => expect(input('email').value).toBe('cong.dan@example.vn'));
    expect(input('phone').value).toBe('0912 345 678');
    expect(calls(api, 'scan.submit')).toEqual([
      { source: 'keyboard-wedge', device: null, text: '0912 345 678cong.dan@example.vn' },
    ]);
    await waitFor(() => expect(action('next').disabled).toBe(false));
    await userEvent.click(action('next'));
    await onScreen('kiosk-consent');
    await userEvent.click(input('consent'));
    await userEvent.click(action('submit'));
    await onScreen('kiosk-done');
    expect(calls(api, 'kiosk.submit')[0]).toMatchObject({
      phone: '0912345678',
      email: 'cong.dan@example.vn',
    });
  });

  it('still takes a card scanned while a field has the focus as a card', async () => {
    const api = kioskApi();
    echoScans(api);
    await toForm(api);
    await userEvent.click(input('phone'));
    const scanner = userEvent.setup({ delay: null });
    await scanner.keyboard(`${otherAdult.payload}{Enter}`);
    expect(await screen.findByTestId('scan-notice')).toBeTruthy();
    expect(screen.getByTestId('scan-notice').dataset.kind).toBe('cards-already-read');
    expect(input('phone').value).toBe('');
  });
});

describe('the done screen', () => {
  it('prints once even under StrictMode, explains a printer failure, and prints again on request', async () => {
    const api = kioskApi();
    api.answer(
      'kiosk.print',
      ok({
        jobs: [{ jobId: 'job-1', state: 'failed', failure: { code: 'printer-stopped', reason: 'paused' } }],
        formCode: receipt.registrationCode,
      }),
    );
    render(
      <StrictMode>
        <App api={api} />
      </StrictMode>,
    );
    await onScreen('kiosk-attract');
    await userEvent.click(action('start'));
    await onScreen('kiosk-language');
    await userEvent.click(action('language-vi'));
    await onScreen('kiosk-scan');
    emitScan(api, adult.payload);
    emitScan(api, adultHealthCard);
    await waitFor(() => expect(action('next').disabled).toBe(false));
    await userEvent.click(action('next'));
    await onScreen('kiosk-form');
    await waitFor(() => expect(input('officeCode').value).toBe('07921'));
    await person.type(input('phone'), '0912345678');
    await userEvent.click(action('next'));
    await onScreen('kiosk-consent');
    await userEvent.click(input('consent'));
    await userEvent.click(action('submit'));
    await onScreen('kiosk-done');

    await waitFor(() => expect(screen.getByTestId('print-result').dataset.state).toBe('failed'));
    expect(calls(api, 'kiosk.print')).toHaveLength(1);
    const result = screen.getByTestId('print-result');
    expect(result.textContent).toContain('Máy in đang tạm dừng (có thể hết giấy hoặc kẹt giấy).');
    expect(result.textContent).toContain('Hãy đến quầy, cán bộ sẽ in giúp bạn.');

    api.answer(
      'kiosk.print',
      ok({ jobs: [{ jobId: 'job-1', state: 'done', failure: null }], formCode: receipt.registrationCode }),
    );
    await userEvent.click(action('print-again'));
    await waitFor(() => expect(screen.getByTestId('print-result').dataset.state).toBe('done'));
    expect(calls(api, 'kiosk.print')).toHaveLength(2);
  });

  it('shows the kiosk reference while offline and the code as soon as the receipt brings it', async () => {
    const api = kioskApi();
    const offline: KioskReceipt = {
      ...receipt,
      registrationCode: null,
      syncState: 'pending',
      email: 'tuan@example.vn',
      sendDeclarationCopy: true,
    };
    api.answer('kiosk.submit', ok(offline));
    api.answer('kiosk.receipt', ok(offline));
    // Printed while offline: the paper carries the kiosk reference.
    api.answer(
      'kiosk.print',
      ok({ jobs: [{ jobId: 'job-1', state: 'done', failure: null }], formCode: 'KS-7K3M-9QXD-2HPA' }),
    );
    await toConsent(api);
    await userEvent.click(input('consent'));
    await userEvent.click(action('submit'));
    const done = await onScreen('kiosk-done');
    const code = () => done.querySelector('[data-registration-code]') as HTMLElement;
    expect(code().getAttribute('data-registration-code')).toBe('KS-7K3M-9QXD-2HPA');
    expect(screen.getByTestId('offline-note')).toBeTruthy();
    expect(screen.getByTestId('email-copy').textContent).toBe('Bản tờ khai sẽ được gửi đến tuan@example.vn.');

    await waitFor(() => expect(calls(api, 'kiosk.receipt').length).toBeGreaterThan(0), { timeout: 3000 });
    // Delivered and printed, the kiosk erased the citizen's data: this receipt has no e-mail any more.
    api.answer(
      'kiosk.receipt',
      ok({
        ...offline,
        registrationCode: 'DK-07921-2026-000900',
        syncState: 'synced',
        email: null,
        sendDeclarationCopy: false,
      }),
    );
    await waitFor(() => expect(code().getAttribute('data-registration-code')).toBe('DK-07921-2026-000900'), {
      timeout: 3000,
    });
    expect(code().textContent).toBe('DK-07921-2026-000900');
    expect(screen.queryByTestId('offline-note')).toBeNull();
    // The screen and the paper now show different codes: the screen says they are one form.
    expect(screen.getByTestId('paper-reference').textContent).toContain('KS-7K3M-9QXD-2HPA');
    expect(screen.getByTestId('email-copy').textContent).toBe('Bản tờ khai sẽ được gửi đến tuan@example.vn.');
    const polls = calls(api, 'kiosk.receipt').length;
    await new Promise((resolve) => setTimeout(resolve, 2200));
    expect(calls(api, 'kiosk.receipt')).toHaveLength(polls);
  });
});

describe('the status lookup', () => {
  const entry = (overrides: Partial<KioskStatusEntry>): KioskStatusEntry => ({
    registrationCode: 'DK-07921-2026-000123',
    reference: null,
    status: 'pending',
    waitingForSync: false,
    submittedAt: '2026-11-20T08:15:00Z',
    decidedAt: null,
    reasonCode: null,
    officeCode: '07921',
    officeName: 'BHXH Quận 1',
    maskedName: 'N***** T**** T***',
    ...overrides,
  });

  it('says where each registration stands, in words', async () => {
    const api = kioskApi();
    api.answer(
      'kiosk.status',
      ok({
        entries: [
          entry({}),
          entry({
            registrationCode: 'DK-07921-2026-000100',
            status: 'rejected',
            reasonCode: 'identity-mismatch',
            decidedAt: '2026-11-21T02:00:00Z',
          }),
          entry({
            registrationCode: 'DK-07921-2026-000050',
            status: 'approved',
            decidedAt: '2026-10-02T02:00:00Z',
          }),
          entry({ registrationCode: null, reference: 'KS-AAAA-BBBB-CCCC', waitingForSync: true }),
        ],
      }),
    );
    await startKiosk(api);
    await userEvent.click(action('status'));
    const status = await onScreen('kiosk-status');
    expect(calls(api, 'kiosk.begin')).toEqual([{ language: 'vi' }]);

    emitScan(api, 'https://vssid.vn/install');
    expect(screen.getByTestId('scan-notice').textContent).toContain('Đây không phải mã QR của thẻ');
    expect(calls(api, 'kiosk.status')).toEqual([]);

    emitScan(api, adult.payload);
    const entries = await within(status).findAllByTestId('status-entry');
    expect(calls(api, 'kiosk.status')).toEqual([
      { idNumber: '060067086171', oldIdNumber: '186059021', socialInsuranceNumber: null },
    ]);
    const words = entries.map((item) => within(item).getByTestId('status-words').dataset.status);
    expect(words).toEqual(['pending', 'rejected', 'approved', 'notSent']);
    expect(entries[0]?.textContent).toContain('Đang chờ bạn đến quầy');
    expect(entries[0]?.textContent).toContain('N***** T**** T***');
    expect(entries[0]?.textContent).toContain('20/11/2026');
    expect(within(entries[1] as HTMLElement).getByTestId('rejection-reason').textContent).toBe(
      'Lý do: Giấy tờ tùy thân không khớp với hồ sơ đăng ký',
    );
    expect(entries[2]?.textContent).toContain('Đã được duyệt');
    expect(entries[3]?.textContent).toContain('Chưa gửi lên hệ thống BHXH (ki-ốt đang mất kết nối)');

    emitScan(api, 'KS-7K3M-9QXD-2HPA');
    await waitFor(() => expect(calls(api, 'kiosk.status').at(-1)).toEqual({ formCode: 'KS-7K3M-9QXD-2HPA' }));
  });

  it('says so when nothing is found', async () => {
    const api = kioskApi();
    await startKiosk(api);
    await userEvent.click(action('status'));
    await onScreen('kiosk-status');
    emitScan(api, adultHealthCard);
    expect((await screen.findByTestId('status-none')).textContent).toContain('Không tìm thấy hồ sơ');
    expect(calls(api, 'kiosk.status')).toEqual([
      { idNumber: null, oldIdNumber: null, socialInsuranceNumber: '7912345678' },
    ]);
  });
});

describe('the install screen', () => {
  it('shows both store codes, drawn on the page', async () => {
    const api = kioskApi();
    await startKiosk(api);
    await userEvent.click(action('install-app'));
    const install = await onScreen('kiosk-install');
    const codes = install.querySelectorAll('[data-store]');
    expect(Array.from(codes, (code) => code.getAttribute('data-url'))).toEqual([
      'https://play.google.com/store/apps/details?id=com.vss.vssid',
      'https://apps.apple.com/vn/app/vssid/id1521647386',
    ]);
    expect(install.querySelectorAll('svg path')).toHaveLength(2);
    expect(install.querySelector('img')).toBeNull();
  });
});

describe('idle and privacy', () => {
  /** Lets promises and timers of `ms` run (fake timers: nothing waits for real time). */
  const pass = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

  it('warns before the timeout, keeps the visit on "continue", and wipes it at the timeout', async () => {
    vi.useFakeTimers();
    const api = kioskApi();
    render(<App api={api} />);
    await pass(100);
    expect(root('kiosk-attract')).toBeTruthy();
    // No timer on the attract screen.
    await pass(200_000);
    expect(screen.queryByTestId('idle-warning')).toBeNull();

    fireEvent.click(action('start'));
    await pass(10);
    fireEvent.click(action('language-en'));
    await pass(10);
    expect(root('kiosk-scan')).toBeTruthy();
    emitScan(api, adult.payload);
    await pass(10);
    expect(screen.getByTestId('id-card-status').dataset.state).toBe('read');

    await pass(69_000);
    expect(screen.queryByTestId('idle-warning')).toBeNull();
    await pass(1_500);
    expect(screen.getByTestId('idle-seconds').dataset.seconds).toBe('20');
    expect(screen.getByRole('alertdialog').textContent).toContain('The screen will be cleared in 20 seconds');
    await pass(10_000);
    expect(screen.getByTestId('idle-seconds').dataset.seconds).toBe('10');
    fireEvent.click(action('continue'));
    await pass(10);
    expect(screen.queryByTestId('idle-warning')).toBeNull();
    expect(screen.getByTestId('id-card-status').dataset.state).toBe('read');

    // A scan is someone at the kiosk too.
    await pass(60_000);
    emitScan(api, adultHealthCard);
    await pass(60_000);
    expect(screen.queryByTestId('idle-warning')).toBeNull();
    await pass(30_000);
    expect(screen.getByTestId('idle-warning')).toBeTruthy();
    expect(calls(api, 'kiosk.end')).toEqual([]);

    await pass(21_000);
    expect(root('kiosk-attract')).toBeTruthy();
    expect(calls(api, 'kiosk.end')).toEqual([{}]);
    expect(document.documentElement.lang).toBe('vi');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Đăng ký tài khoản VssID tại đây');

    // Nothing of the visit is left: a new one starts empty.
    fireEvent.click(action('start'));
    await pass(10);
    fireEvent.click(action('language-vi'));
    await pass(10);
    expect(screen.getByTestId('id-card-status').dataset.state).toBe('waiting');
    expect(screen.getByTestId('health-card-status').dataset.state).toBe('waiting');
    expect(document.body.textContent).not.toContain('Nguyễn Thành Tuấn');
  });

  it('tells the backend the citizen is still there while they type, at most every 15 s, and never while idle', async () => {
    vi.useFakeTimers();
    const api = kioskApi();
    render(<App api={api} />);
    await pass(100);
    fireEvent.click(action('start'));
    await pass(10);
    fireEvent.click(action('language-en'));
    await pass(10);
    // 40 s of typing, a key every 2 s: reports at 15 s and 30 s, not one per key.
    for (let second = 0; second < 40; second += 2) {
      fireEvent.keyDown(window, { key: 'a' });
      await pass(2_000);
    }
    expect(calls(api, 'kiosk.activity')).toHaveLength(2);
    // The keys after the last report are reported once more (at 45 s), then nothing without input.
    await pass(20_000);
    expect(calls(api, 'kiosk.activity')).toHaveLength(3);
    await pass(45_000);
    expect(calls(api, 'kiosk.activity')).toHaveLength(3);
  });

  it('wipes everything at once on "start over", from any screen', async () => {
    const api = kioskApi();
    await toForm(api);
    await person.type(input('phone'), '0912345678');
    await userEvent.click(action('start-over'));
    await onScreen('kiosk-attract');
    expect(calls(api, 'kiosk.end')).toEqual([{}]);
    expect(document.body.textContent).not.toContain('Nguyễn Thành Tuấn');
    await userEvent.click(action('start'));
    await userEvent.click(await screen.findByRole('button', { name: 'Tiếng Việt' }));
    await onScreen('kiosk-scan');
    expect(screen.getByTestId('id-card-status').dataset.state).toBe('waiting');
  });
});

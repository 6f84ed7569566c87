import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../preload/contract/api-result.ts';
import { settingsSchema, type Settings } from '../../../preload/contract/settings-schema.ts';
import { displaySettings, fakeApi, type FakeApi } from '../../../tests/support/fake-api-client.ts';
import { ApiContext } from '../../app/api-context.ts';
import { DisplaySettingsProvider } from '../../app/display-settings-context.tsx';
import { RouterProvider } from '../../app/router-context.tsx';
import { setupI18n } from '../../i18n/setup-i18n.ts';
import { AdminScreen } from './AdminScreen.tsx';
import { reasonListProblems } from './RejectionReasonsSection.tsx';

const person = userEvent.setup({ delay: 20 });

const settings: Settings = settingsSchema.parse({ centralUrl: 'https://bhxh.example/sync' });
const reasons = [
  { code: 'identity-mismatch', labelVi: 'Giấy tờ không khớp', noteRequired: false },
  { code: 'other', labelVi: 'Lý do khác', noteRequired: true },
];
const syncStatus = {
  state: 'online' as const,
  trainingMode: false,
  lastSuccessAt: '2026-12-01T02:15:00.000Z',
  lastAttemptAt: '2026-12-01T02:15:00.000Z',
  nextAttemptAt: null,
  backlog: 1,
  oldestPendingAt: '2026-12-01T02:10:00.000Z',
  openConflicts: 0,
  pulledInRound: 0,
  clockOffsetMs: 0,
  clockWarning: false,
  error: null,
};
const backup = {
  fileName: 'bhxh-2026-12-01.sqlite',
  day: '2026-12-01',
  bytes: 3 * 1024 * 1024,
  modifiedAt: '2026-12-01T03:00:00.000Z',
};

function adminApi(): FakeApi {
  return fakeApi({
    'settings.display': ok({ ...displaySettings, trainingMode: false }),
    'settings.get': ok(settings),
    'settings.set': (args) => {
      const { patch } = args as { patch: Partial<Settings> };
      return ok({ ...settings, ...patch });
    },
    'printers.list': ok({ spooler: 'cups', printers: [], unavailable: null, chosen: null }),
    'admin.rejectionReasons': ok(reasons),
    'admin.setRejectionReasons': (args) => ok((args as { reasons: unknown }).reasons),
    'admin.retention': ok({
      registrationRetentionDays: 90,
      kioskPayloadRetentionDays: 7,
      finishedOutboxRetentionDays: 7,
      printJobRetentionDays: 7,
    }),
    'admin.backups': ok([backup]),
    'admin.outbox': ok({
      counts: { pending: 1, done: 3, conflict: 0, invalid: 0 },
      oldestPendingAt: '2026-12-01T02:10:00.000Z',
      items: [
        {
          seq: 4,
          eventId: 'e-4',
          type: 'decision',
          subject: 'DK-07921-2026-000123',
          createdAt: '2026-12-01T02:10:00.000Z',
          attempts: 2,
          nextAttemptAt: '2026-12-01T02:20:00.000Z',
          lastErrorCode: 'sync-network',
          state: 'pending',
          finishedAt: null,
        },
      ],
    }),
    'sync.status': ok(syncStatus),
    // The reports engineer's part may still be a stub: the section must cope.
    'reports.endOfDayStatus': fail('internal', 'Chưa có.'),
  });
}

async function renderAdmin(api: FakeApi, onRestarting: () => void = () => {}) {
  const i18n = await setupI18n('vi');
  render(
    <I18nextProvider i18n={i18n}>
      <ApiContext.Provider value={api}>
        <DisplaySettingsProvider initial={{ ...displaySettings, trainingMode: false }}>
          <RouterProvider
            caller={{
              mode: 'counter',
              enrolled: true,
              session: { role: 'admin', locked: false, pinRequired: false },
            }}
            home={{ name: 'admin' }}
          >
            <AdminScreen onRestarting={onRestarting} />
          </RouterProvider>
        </DisplaySettingsProvider>
      </ApiContext.Provider>
    </I18nextProvider>,
  );
  return screen.findByTestId('admin-section-this-pc');
}

const callsOf = (api: FakeApi, name: string) => api.calls.filter((call) => call.name === name);

describe('the administration screen', () => {
  it('shows every section with its heading, and tolerates a report status that does not answer yet', async () => {
    await renderAdmin(adminApi());
    for (const heading of [
      'Máy này và đăng ký',
      'Máy in và máy quét',
      'Bảo mật',
      'Lý do từ chối',
      'Thời gian lưu dữ liệu',
      'Báo cáo cuối ngày',
      'Sao lưu và khôi phục',
      'Đồng bộ và hàng đợi gửi',
    ])
      expect(screen.getByRole('heading', { level: 2, name: heading })).toBeTruthy();
    expect((await screen.findByTestId('end-of-day-status')).textContent).toBe(
      'Chưa xem được kết quả lần xuất gần nhất.',
    );
    expect(screen.getByTestId('enrollment-state').dataset.state).toBe('enrolled');
  });

  it.each([
    ['enrollment-code-mistyped', 'Mã đăng ký máy không đúng'],
    ['enrollment-code-expired', 'hết hạn'],
    ['enrollment-code-used', 'đã được dùng'],
    ['enrollment-code-other-office', 'cơ quan BHXH khác'],
  ])('tells the enrollment answer %s apart', async (code, words) => {
    const api = adminApi();
    api.answer('sync.enroll', fail(code, 'từ máy chủ'));
    const section = await renderAdmin(api);
    const form = within(section).getByTestId('admin-enrollment');
    await person.type(within(form).getByRole('textbox', { name: /Mã đăng ký thiết bị/ }), 'ABCD-EFGH');
    await person.click(within(form).getByRole('button', { name: 'Đăng ký máy' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.dataset.code).toBe(code);
    expect(alert.textContent).toContain(words);
    expect(callsOf(api, 'sync.enroll')).toEqual([
      { name: 'sync.enroll', args: { enrollmentCode: 'ABCD-EFGH' } },
    ]);
  });

  it('enrolls with a new central address and reads the settings again', async () => {
    const api = adminApi();
    api.answer('sync.enroll', ok(syncStatus));
    const section = await renderAdmin(api);
    const form = within(section).getByTestId('admin-enrollment');
    const url = within(form).getByRole('textbox', { name: 'Địa chỉ máy chủ BHXH trung tâm' });
    await person.clear(url);
    await person.type(url, 'https://moi.example/sync');
    await person.type(within(form).getByRole('textbox', { name: /Mã đăng ký thiết bị/ }), 'WXYZ-1234');
    await person.click(within(form).getByRole('button', { name: 'Đăng ký máy' }));
    expect((await within(form).findByRole('status')).textContent).toBe('Đã đăng ký máy và đồng bộ.');
    expect(callsOf(api, 'sync.enroll')[0]!.args).toEqual({
      enrollmentCode: 'WXYZ-1234',
      centralUrl: 'https://moi.example/sync',
    });
    await waitFor(() => expect(callsOf(api, 'settings.get')).toHaveLength(2));
  });

  it('saves the counter on its own and says so, or says why not', async () => {
    const api = adminApi();
    const section = await renderAdmin(api);
    const form = within(section).getByTestId('admin-office');
    const counter = within(form).getByRole('textbox', { name: 'Số quầy' });
    await person.clear(counter);
    await person.type(counter, 'Q07');
    await person.click(within(form).getByRole('button', { name: 'Lưu cấu hình' }));
    expect((await within(form).findByTestId('office-saved')).textContent).toMatch(/^Đã lưu lúc \d{2}:\d{2}/);
    expect(callsOf(api, 'settings.set')[0]!.args).toEqual({
      patch: { officeCode: '07921', counterId: 'Q07', language: 'vi' },
    });

    api.answer('settings.set', fail('config-write-failed', 'Không ghi được config.json'));
    await person.click(within(form).getByRole('button', { name: 'Lưu cấu hình' }));
    expect((await within(form).findByRole('alert')).dataset.code).toBe('config-write-failed');
    expect(within(form).queryByTestId('office-saved')).toBeNull();
  });

  it('saves every scanner field, and not while a USB id is mistyped', async () => {
    const api = adminApi();
    await renderAdmin(api);
    const form = await screen.findByTestId('admin-scanners');
    const ids = within(form).getByRole('textbox', { name: /USB/ });
    await person.type(ids, '0c2e-0b61');
    expect(within(form).getByRole('alert').dataset.code).toBe('bad-usb-ids');
    await person.click(within(form).getByRole('button', { name: 'Lưu cấu hình' }));
    expect(callsOf(api, 'settings.set')).toEqual([]);
    await person.clear(ids);
    await person.type(ids, '0c2e:0b61');
    const dedupe = form.querySelector<HTMLInputElement>('input[name="dedupeWindowMs"]')!;
    await person.clear(dedupe);
    await person.type(dedupe, '1500');
    await person.click(within(form).getByRole('button', { name: 'Lưu cấu hình' }));
    await within(form).findByTestId('scanners-saved');
    expect(callsOf(api, 'settings.set')[0]!.args).toEqual({
      patch: {
        scanner: {
          wedgeMaxKeyIntervalMs: settings.scanner.wedgeMaxKeyIntervalMs,
          wedgeMinLength: settings.scanner.wedgeMinLength,
          wedgeIdleEndMs: settings.scanner.wedgeIdleEndMs,
          dedupeWindowMs: 1500,
          hidPosEnabled: true,
          hidPosLayout: 'auto',
          hidPosDevices: [{ vendorId: 0x0c2e, productId: 0x0b61 }],
          soundCues: true,
          cameraDeviceId: null,
        },
      },
    });
  });

  it('edits the rejection reasons: a saved code stays, a new one must be unique', async () => {
    const api = adminApi();
    await renderAdmin(api);
    const form = await screen.findByTestId('admin-reasons');
    const label = within(form).getByRole('textbox', { name: 'Nội dung của lý do 1' });
    await person.clear(label);
    await person.type(label, 'Giấy tờ tùy thân không khớp hồ sơ');
    await person.click(within(form).getByRole('button', { name: 'Thêm lý do' }));
    await person.type(within(form).getByRole('textbox', { name: 'Mã của lý do 3' }), 'other');
    await person.type(within(form).getByRole('textbox', { name: 'Nội dung của lý do 3' }), 'Ảnh không rõ');
    await person.click(within(form).getByRole('checkbox', { name: 'Lý do 3 bắt buộc ghi chú' }));
    await person.click(within(form).getByRole('button', { name: 'Lưu danh sách lý do' }));
    expect((await within(form).findByRole('alert')).dataset.code).toBe('reasons-code-duplicate');
    expect(callsOf(api, 'admin.setRejectionReasons')).toEqual([]);

    const code = within(form).getByRole('textbox', { name: 'Mã của lý do 3' });
    await person.clear(code);
    await person.type(code, 'photo-unclear');
    await person.click(within(form).getAllByRole('button', { name: 'Xoá' })[1]!);
    await person.click(within(form).getByRole('button', { name: 'Lưu danh sách lý do' }));
    await within(form).findByTestId('reasons-saved');
    expect(callsOf(api, 'admin.setRejectionReasons')[0]!.args).toEqual({
      reasons: [
        { code: 'identity-mismatch', labelVi: 'Giấy tờ tùy thân không khớp hồ sơ', noteRequired: false },
        { code: 'photo-unclear', labelVi: 'Ảnh không rõ', noteRequired: true },
      ],
    });
  });

  it('checks a reason list as the backend does', () => {
    expect(reasonListProblems([])).toEqual(['none']);
    expect(reasonListProblems([{ code: 'Có Dấu', labelVi: 'x' }])).toEqual(['code-format']);
    expect(
      reasonListProblems([
        { code: 'a', labelVi: ' ' },
        { code: 'a', labelVi: 'b' },
      ]),
    ).toEqual(['code-duplicate', 'label-missing']);
    expect(reasonListProblems(reasons)).toEqual([]);
  });

  it('saves the retention in days', async () => {
    const api = adminApi();
    api.answer('admin.setRetention', (args) =>
      ok({
        registrationRetentionDays: 90,
        kioskPayloadRetentionDays: 7,
        finishedOutboxRetentionDays: 7,
        printJobRetentionDays: 7,
        ...(args as { patch: object }).patch,
      }),
    );
    await renderAdmin(api);
    const form = await screen.findByTestId('admin-retention');
    const days = within(form).getByRole('spinbutton', { name: /Hồ sơ đã xử lý xong/ });
    await person.clear(days);
    await person.type(days, '30');
    await person.click(within(form).getByRole('button', { name: 'Lưu cấu hình' }));
    await within(form).findByTestId('retention-saved');
    expect(callsOf(api, 'admin.setRetention')[0]!.args).toEqual({
      patch: {
        registrationRetentionDays: 30,
        kioskPayloadRetentionDays: 7,
        finishedOutboxRetentionDays: 7,
        printJobRetentionDays: 7,
      },
    });
  });

  it('backs up now, and restores only after saying what will happen, then restarts', async () => {
    const api = adminApi();
    api.answer('admin.backupNow', ok(backup));
    api.answer('admin.restore', fail('backup-corrupt', 'hỏng'));
    let restarted = 0;
    await renderAdmin(api, () => (restarted += 1));
    const section = screen.getByTestId('admin-section-backups');
    await person.click(within(section).getByRole('button', { name: 'Sao lưu ngay' }));
    expect((await within(section).findByTestId('backup-saved')).textContent).toMatch(/^Đã sao lưu lúc /);
    await waitFor(() => expect(callsOf(api, 'admin.backups')).toHaveLength(2));
    const row = within(section).getByRole('row', { name: /01\/12\/2026/ });
    expect(row.textContent).toContain('3 MB');

    await person.click(within(row).getByRole('button', { name: 'Khôi phục bản sao lưu ngày 01/12/2026' }));
    const confirm = within(section).getByRole('alertdialog');
    expect(confirm.textContent).toContain('không bị xoá');
    expect(confirm.textContent).toContain('khởi động lại');
    // Unsent changes first: the dialog says so, and how many wait (the outbox holds one).
    expect(within(confirm).getAllByRole('listitem')[0]!.textContent).toContain('Đồng bộ ngay');
    expect(confirm.textContent).toContain('Nhật ký kiểm toán được giữ trọn');
    expect((await within(confirm).findByTestId('restore-pending')).textContent).toBe(
      'Còn 1 thay đổi chờ gửi lên trung tâm. Hãy bấm "Đồng bộ ngay" và chờ gửi xong rồi mới khôi phục.',
    );
    expect(callsOf(api, 'admin.outbox').at(-1)!.args).toEqual({ state: 'pending', limit: 1 });
    expect(callsOf(api, 'admin.restore')).toEqual([]);
    await person.click(within(confirm).getByRole('button', { name: 'Khôi phục và khởi động lại' }));
    expect((await within(section).findByTestId('restore-error')).dataset.code).toBe('backup-corrupt');
    expect(restarted).toBe(0);

    api.answer('admin.restore', fail('restore-outbox-pending', 'còn', { pending: 1 }));
    await person.click(within(row).getByRole('button', { name: 'Khôi phục bản sao lưu ngày 01/12/2026' }));
    await person.click(within(section).getByRole('button', { name: 'Khôi phục và khởi động lại' }));
    const refused = await within(section).findByTestId('restore-error');
    expect(refused.dataset.code).toBe('restore-outbox-pending');
    expect(refused.textContent).toContain('Đồng bộ ngay');

    api.answer(
      'admin.restore',
      ok({
        restoredFrom: backup.fileName,
        movedAsideTo: 'bhxh-kiosk.sqlite.before-restore-20261201T040000Z',
        requestedAt: '2026-12-01T04:00:00.000Z',
      }),
    );
    await person.click(within(row).getByRole('button', { name: 'Khôi phục bản sao lưu ngày 01/12/2026' }));
    await person.click(within(section).getByRole('button', { name: 'Khôi phục và khởi động lại' }));
    expect((await within(section).findByTestId('restore-restarting')).textContent).toContain(
      'bhxh-kiosk.sqlite.before-restore-20261201T040000Z',
    );
    expect(callsOf(api, 'admin.restore').at(-1)!.args).toEqual({ fileName: backup.fileName });
    await waitFor(() => expect(restarted).toBe(1), { timeout: 4000 });
  });

  it('shows the sync health in words and the outbox without personal data', async () => {
    const api = adminApi();
    await renderAdmin(api);
    const section = screen.getByTestId('admin-section-sync');
    expect((await within(section).findByTestId('admin-sync-state')).textContent).toBe('Đang kết nối');
    expect(within(section).getByTestId('admin-sync-backlog').textContent).toBe(
      '1 thao tác, cũ nhất từ 01/12/2026 09:10',
    );
    const table = await within(section).findByTestId('outbox-table');
    expect(table.textContent).toContain('DK-07921-2026-000123');
    expect(table.textContent).toContain('sync-network');
    expect(table.textContent).toContain('thử lại lúc 01/12/2026 09:20');
    expect(within(section).getByTestId('outbox-counts').textContent).toContain('Chờ gửi: 1');

    await person.selectOptions(within(section).getByRole('combobox', { name: 'Hiển thị' }), 'done');
    await waitFor(() =>
      expect(callsOf(api, 'admin.outbox').at(-1)!.args).toEqual({ state: 'done', limit: 50 }),
    );
    await person.click(within(section).getByRole('button', { name: 'Đồng bộ ngay' }));
    expect(callsOf(api, 'sync.now')).toHaveLength(1);
  });
});

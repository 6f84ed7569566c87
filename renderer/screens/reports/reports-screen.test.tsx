import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { vietnamToday } from '../../../main/core/time/vietnam-time.ts';
import { fail, ok } from '../../../preload/contract/api-result.ts';
import type { AuditVerification, WireAuditEntry } from '../../../preload/contract/areas/audit.ts';
import type { EndOfDayStatus, Report, ReportExport } from '../../../preload/contract/areas/reports.ts';
import { reportDayExpected, reportMetrics } from '../../../tests/fixtures/report-day.ts';
import { fakeApi, type FakeApi } from '../../../tests/support/fake-api-client.ts';
import { ApiContext } from '../../app/api-context.ts';
import { routeAllowed } from '../../app/routes.ts';
import { setupI18n } from '../../i18n/setup-i18n.ts';
import { ReportsScreen } from './ReportsScreen.tsx';

const person = userEvent.setup({ delay: 20 });

const filters = ok({
  officers: reportDayExpected.byOfficer.map(({ officerId, fullName }) => ({ officerId, fullName })),
  counters: ['QUAY-01', 'QUAY-02'],
});

const endOfDay: EndOfDayStatus = {
  enabled: true,
  folder: 'D:\\BaoCao',
  time: '17:30',
  formats: ['csv', 'pdf'],
  lastRunDay: '2026-11-30',
  lastRunAt: '2026-11-30T10:30:05.000Z',
  lastFiles: ['bao-cao-07921-QUAY-01-2026-11-30.csv', 'bao-cao-07921-QUAY-01-2026-11-30.pdf'],
  lastError: null,
  lastErrorAt: null,
};

const intact: AuditVerification = {
  intact: true,
  entries: 42,
  head: { id: 42, hash: 'ab12cd34ef56'.padEnd(64, '0') },
  firstBroken: null,
  central: { state: 'matches', checkedAt: '2026-11-30T10:00:00.000Z', entryId: 40 },
  verifiedAt: '2026-12-01T01:00:00.000Z',
  durationMs: 12.4,
};

const exported: ReportExport = {
  fileName: 'bao-cao-07921-2026-11-30.csv',
  mimeType: 'text/csv;charset=utf-8',
  bytes: 9,
  contentBase64: btoa('a;b\r\n'),
  sha256: 'f'.repeat(64),
};

const auditEntry = (id: number, action: string, actor = 'gs-07921'): WireAuditEntry => ({
  id,
  at: '2026-11-30T02:00:00.000Z',
  actor,
  action,
  subject: null,
  details: {},
  hash: 'a'.repeat(64),
});

/** The seeded day's report whatever filter is asked, so the figures on screen come from the fixture. */
function seededApi(report: Report = reportDayExpected): FakeApi {
  return fakeApi({
    'reports.daily': (args) => ok({ ...report, filter: { ...report.filter, ...(args as object) } }),
    'reports.filters': filters,
    'reports.endOfDayStatus': ok(endOfDay),
    'audit.list': ok({
      entries: [auditEntry(2, 'report.exported'), auditEntry(1, 'session.signed-in')],
      nextBeforeId: null,
    }),
    'audit.verify': ok(intact),
    'reports.export': ok(exported),
  });
}

async function renderScreen(api: FakeApi, saved: ReportExport[] = [], language = 'vi') {
  const i18n = await setupI18n(language);
  return render(
    <I18nextProvider i18n={i18n}>
      <ApiContext.Provider value={api}>
        <ReportsScreen saveFile={(file) => saved.push(file)} />
      </ApiContext.Provider>
    </I18nextProvider>,
  );
}

const metric = (name: string) => {
  const element = document.querySelector<HTMLElement>(`[data-metric="${name}"]`);
  if (!element) throw new Error(`no data-metric="${name}"`);
  return element;
};

const dailyCalls = (api: FakeApi) => api.calls.filter((call) => call.name === 'reports.daily');

describe('the reports screen', () => {
  it('shows the seeded day’s figures exactly, each number alone in its data-metric', async () => {
    await renderScreen(seededApi());
    await screen.findByTestId('report');
    const expected = reportDayExpected;
    const figures = reportMetrics(expected);
    for (const [name, value] of Object.entries(figures))
      expect(metric(name).textContent, name).toBe(String(value));
    // 08:00 on 1/12 against R16, submitted 11:00 on 20/11: 10 whole days.
    expect(metric('pending-oldest-days').textContent).toBe('10');
    expect(metric('median-scan-to-decision').textContent).toBe('2 phút 15 giây');
    expect(metric('median-scan-to-decision').dataset.value).toBe('135');
    // Computed at 08:00 the next morning, 15 hours after the last sync: said so, as a warning.
    expect(screen.getByTestId('report-as-of').textContent).toBe(
      'Số liệu tính đến lần đồng bộ lúc 17:00 30/11/2026 Đã lâu chưa đồng bộ: việc của các quầy khác sau lúc đó chưa có trong số liệu.',
    );
    expect(screen.getByTestId('report-as-of').dataset.freshness).toBe('old');
  });

  it('breaks the day down per officer, counter, reason, age and hour in tables', async () => {
    await renderScreen(seededApi());
    const officers = await screen.findByTestId('report-by-officer');
    const hân = within(officers).getByText('Huỳnh Thị Ngọc Hân').closest('tr')!;
    expect(hân.querySelector('[data-column="approved"]')?.textContent).toBe('3');
    expect(hân.querySelector('[data-column="rejected"]')?.textContent).toBe('3');
    expect(hân.querySelector('[data-column="median"]')?.textContent).toBe('2 phút 15 giây');
    const q2 = screen.getByTestId('report-by-counter').querySelector('[data-counter-id="QUAY-02"]')!;
    expect([...q2.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual(['5', '2', '1']);
    const reasons = screen.getByTestId('report-by-reason');
    const mismatch = reasons.querySelector('[data-reason-code="identity-mismatch"]')!;
    expect(mismatch.querySelector('th')?.textContent).toBe('Giấy tờ tùy thân không khớp với hồ sơ đăng ký');
    expect(mismatch.querySelector('[data-column="count"]')?.textContent).toBe('2');
    const ages = screen.getByTestId('report-pending-age');
    expect(
      [...ages.querySelectorAll('tbody [data-column="count"]')].map((cell) => Number(cell.textContent)),
    ).toEqual([4, 2, 1, 1]);
    const nine = screen.getByTestId('report-by-hour').querySelector('[data-hour="9"]')!;
    expect(nine.querySelector('[data-column="received"]')?.textContent).toBe('3');
    expect(nine.querySelector('[data-column="decided"]')?.textContent).toBe('4');
    // One day: no per-day table or chart.
    expect(screen.queryByTestId('report-by-day')).toBeNull();
  });

  it('draws the charts as SVG, each with a spoken summary', async () => {
    await renderScreen(seededApi());
    await screen.findByTestId('report');
    const charts = [...document.querySelectorAll<HTMLElement>('[data-chart]')].map(
      (chart) => chart.dataset.chart,
    );
    expect(charts).toEqual(['per-hour', 'per-officer', 'by-reason']);
    const perHour = document.querySelector('[data-chart="per-hour"] [role="img"]')!;
    await waitFor(() => expect(perHour.querySelector('svg')).not.toBeNull());
    expect(perHour.getAttribute('aria-label')).toBe('Giờ đông nhất: 8h, 3 hồ sơ tiếp nhận.');
    expect(
      document.querySelector('[data-chart="per-officer"] [role="img"]')?.getAttribute('aria-label'),
    ).toContain('Võ Minh Tuấn: 5 duyệt, 1 từ chối');
  });

  it('starts on today in Vietnam and asks again for each filter the supervisor sets', async () => {
    const api = seededApi();
    await renderScreen(api);
    await screen.findByTestId('report');
    const today = vietnamToday();
    expect(dailyCalls(api)[0]?.args).toEqual({ from: today, to: today, officer: null, counter: null });
    const officer = screen.getByRole('combobox', { name: 'Cán bộ' });
    await waitFor(() => expect(within(officer).getAllByRole('option')).toHaveLength(4));
    await person.selectOptions(officer, 'cb-07921-2');
    await person.selectOptions(screen.getByRole('combobox', { name: 'Quầy' }), 'QUAY-02');
    await waitFor(() =>
      expect(dailyCalls(api).at(-1)?.args).toEqual({
        from: today,
        to: today,
        officer: 'cb-07921-2',
        counter: 'QUAY-02',
      }),
    );
    await waitFor(() => expect(screen.getByTestId('report').dataset.reportCounter).toBe('QUAY-02'));
  });

  it('takes days typed as dd/mm/yyyy (or ISO), shows them as dd/MM/yyyy, and ignores half-typed ones', async () => {
    const api = seededApi();
    await renderScreen(api);
    await screen.findByTestId('report');
    const from = screen.getByRole('textbox', { name: /Từ ngày/ });
    expect((from as HTMLInputElement).value).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const callsBefore = dailyCalls(api).length;
    await person.clear(from);
    await person.type(from, '1/11/202');
    expect(screen.getByText('Nhập ngày dạng ngày/tháng/năm, ví dụ 30/11/2026.')).toBeTruthy();
    expect(dailyCalls(api)).toHaveLength(callsBefore);
    await person.type(from, '6');
    await waitFor(() => expect(dailyCalls(api).at(-1)?.args).toMatchObject({ from: '2026-11-01' }));
    await person.tab();
    expect((from as HTMLInputElement).value).toBe('01/11/2026');
    const to = screen.getByRole('textbox', { name: /Đến ngày/ });
    await person.clear(to);
    await person.type(to, '2026-11-30');
    await waitFor(() =>
      expect(dailyCalls(api).at(-1)?.args).toMatchObject({ from: '2026-11-01', to: '2026-11-30' }),
    );
    await person.clear(to);
    await person.type(to, '31/02/2026');
    expect(dailyCalls(api).at(-1)?.args).toMatchObject({ to: '2026-11-30' });
  });

  it('says what is wrong with the range in words, and the last sync when there never was one', async () => {
    const api = fakeApi({
      'reports.daily': fail('report-range-invalid', 'from > to'),
      'reports.filters': filters,
      'reports.endOfDayStatus': ok({ ...endOfDay, enabled: false }),
      'audit.list': ok({ entries: [], nextBeforeId: null }),
    });
    await renderScreen(api);
    const error = await screen.findByTestId('report-error');
    expect(error.dataset.code).toBe('report-range-invalid');
    expect(error.textContent).not.toBe('from > to');
    expect(screen.getByTestId('end-of-day-status').textContent).toBe(
      'Chưa bật xuất báo cáo cuối ngày (cài đặt trong màn hình Quản trị).',
    );

    api.answer('reports.daily', ok({ ...reportDayExpected, asOf: null }));
    await person.click(screen.getByRole('button', { name: 'Tính lại' }));
    const asOf = await screen.findByTestId('report-as-of');
    expect(asOf.dataset.freshness).toBe('never');
    expect(asOf.className).toContain('warning-message');
  });

  it('exports with the current filter and language, saves the file, confirms, and reloads the audit list', async () => {
    const api = seededApi();
    const saved: ReportExport[] = [];
    await renderScreen(api, saved);
    await screen.findByTestId('report');
    const auditCallsBefore = api.calls.filter((call) => call.name === 'audit.list').length;
    await person.click(document.querySelector<HTMLElement>('[data-action="export-csv"]')!);
    expect(await screen.findByTestId('export-done')).toHaveProperty(
      'textContent',
      'Đã xuất tệp bao-cao-07921-2026-11-30.csv',
    );
    const today = vietnamToday();
    expect(api.calls.filter((call) => call.name === 'reports.export').map((call) => call.args)).toEqual([
      { filter: { from: today, to: today, officer: null, counter: null }, format: 'csv', language: 'vi' },
    ]);
    expect(saved.map((file) => file.fileName)).toEqual(['bao-cao-07921-2026-11-30.csv']);
    await waitFor(() =>
      expect(api.calls.filter((call) => call.name === 'audit.list').length).toBe(auditCallsBefore + 1),
    );
  });

  it('shows a failed export in the user’s language and saves nothing', async () => {
    const api = seededApi();
    api.answer('reports.export', fail('report-export-failed', 'pdfkit threw'));
    const saved: ReportExport[] = [];
    await renderScreen(api, saved, 'en');
    await screen.findByTestId('report');
    await person.click(document.querySelector<HTMLElement>('[data-action="export-pdf"]')!);
    const error = await screen.findByTestId('export-error');
    expect(error.dataset.code).toBe('report-export-failed');
    expect(error.textContent).not.toContain('pdfkit');
    expect(saved).toEqual([]);
    expect(api.calls.find((call) => call.name === 'reports.export')?.args).toMatchObject({ language: 'en' });
  });

  it('verifies the audit trail: intact with its head, or the first broken entry and why', async () => {
    const api = seededApi();
    await renderScreen(api);
    await person.click(await screen.findByRole('button', { name: 'Kiểm tra toàn vẹn nhật ký' }));
    const result = await screen.findByTestId('audit-verification');
    expect(result.dataset.intact).toBe('true');
    expect(result.textContent).toContain('Nhật ký toàn vẹn: 42 mục đều khớp.');
    expect(screen.getByTestId('audit-head-hash').textContent).toBe('ab12cd34ef56…');
    expect(screen.getByTestId('audit-central').textContent).toBe(
      'Máy chủ trung tâm xác nhận: mục số 40 khớp với bản đã gửi lúc 30/11/2026 17:00.',
    );

    api.answer(
      'audit.verify',
      ok({
        ...intact,
        intact: false,
        entries: 6,
        head: { id: 6, hash: 'c'.repeat(64) },
        firstBroken: { id: 7, reason: 'content-changed' },
        central: { state: 'mismatch', checkedAt: '2026-11-30T10:00:00.000Z', entryId: 40 },
      }),
    );
    await person.click(screen.getByRole('button', { name: 'Kiểm tra toàn vẹn nhật ký' }));
    await waitFor(() => expect(screen.getByTestId('audit-verification').dataset.intact).toBe('false'));
    expect(screen.getByTestId('audit-first-broken').textContent).toBe(
      'Mục hỏng đầu tiên: số 7 — nội dung đã bị sửa sau khi ghi.',
    );
    expect(screen.getByTestId('audit-verification').dataset.central).toBe('mismatch');
  });

  it('lists the range’s audit entries with actions and people in words, and pages back', async () => {
    const api = seededApi();
    api.answer('audit.list', (args) =>
      (args as { beforeId: number | null }).beforeId === null
        ? ok({
            entries: [auditEntry(3, 'report.exported'), auditEntry(2, 'session.signed-in')],
            nextBeforeId: 2,
          })
        : ok({ entries: [auditEntry(1, 'something.new', 'sync')], nextBeforeId: null }),
    );
    await renderScreen(api);
    const table = await screen.findByTestId('audit-entries');
    expect([...table.querySelectorAll('tbody tr')].map((row) => row.children[3]?.textContent)).toEqual([
      'Xuất báo cáo',
      'Đăng nhập',
    ]);
    expect(table.querySelector('tbody tr')?.children[2]?.textContent).toBe('Trương Thị Mai (gs-07921)');
    await person.click(screen.getByRole('button', { name: 'Xem các mục cũ hơn' }));
    await waitFor(() => expect(table.querySelectorAll('tbody tr')).toHaveLength(3));
    const last = table.querySelectorAll('tbody tr')[2]!;
    expect(last.children[3]?.textContent).toBe('something.new');
    expect(last.children[2]?.textContent).toBe('Đồng bộ');
    expect(screen.queryByRole('button', { name: 'Xem các mục cũ hơn' })).toBeNull();
    expect(screen.getByTestId('end-of-day-status').textContent).toBe(
      'Xuất báo cáo cuối ngày lúc 17:30 (CSV, PDF) vào thư mục D:\\BaoCao. Lần gần nhất: 30/11/2026 17:30, 2 tệp.',
    );
  });

  it('says why the end-of-day export failed and when, in the reader’s language', async () => {
    const failed: EndOfDayStatus = {
      ...endOfDay,
      lastError: {
        code: 'folder-not-writable',
        message: 'Không ghi được vào thư mục xuất báo cáo: D:\\BaoCao',
      },
      // The failure was this evening; the last success (lastRunAt) was the day before.
      lastErrorAt: '2026-11-30T10:45:00.000Z',
      lastRunAt: '2026-11-29T10:30:05.000Z',
    };
    for (const [language, expected] of [
      [
        'vi',
        'Lần xuất lúc 30/11/2026 17:45 bị lỗi: không ghi được vào thư mục (không có quyền ghi hoặc thư mục chỉ đọc).',
      ],
      [
        'en',
        'The run at 30/11/2026 17:45 failed: the folder cannot be written to (no permission, or read-only).',
      ],
    ] as const) {
      const api = seededApi();
      api.answer('reports.endOfDayStatus', ok(failed));
      const view = await renderScreen(api, [], language);
      const line = await screen.findByTestId('end-of-day-status');
      expect(line.textContent).toContain(expected);
      expect(line.textContent).not.toContain('29/11/2026');
      expect(line.dataset.errorCode).toBe('folder-not-writable');
      if (language === 'en') expect(line.textContent).not.toContain('Không ghi');
      view.unmount();
    }
  });

  it('names an approval despite a mismatch in the audit list, also under its old action name', async () => {
    const api = seededApi();
    api.answer(
      'audit.list',
      ok({
        entries: [
          { ...auditEntry(5, 'decision.recorded'), details: { outcome: 'approved', override: true } },
          auditEntry(4, 'decision.recorded-with-override'),
          { ...auditEntry(3, 'decision.recorded'), details: { outcome: 'rejected', override: false } },
        ],
        nextBeforeId: null,
      }),
    );
    await renderScreen(api);
    const table = await screen.findByTestId('audit-entries');
    expect([...table.querySelectorAll('tbody tr')].map((row) => row.children[3]?.textContent)).toEqual([
      'Ghi quyết định (duyệt vượt sai lệch)',
      'Ghi quyết định (duyệt vượt sai lệch)',
      'Ghi quyết định',
    ]);
    expect(table.querySelector('[data-audit-id="4"]')?.getAttribute('data-audit-action')).toBe(
      'decision.recorded-with-override',
    );
  });

  it('is open to supervisors and administrators only', () => {
    const caller = (role: 'officer' | 'supervisor' | 'admin') => ({
      mode: 'counter' as const,
      enrolled: true,
      session: { role, locked: false, pinRequired: false },
    });
    expect(routeAllowed('reports', caller('officer'))).toBe(false);
    expect(routeAllowed('reports', caller('supervisor'))).toBe(true);
    expect(routeAllowed('reports', caller('admin'))).toBe(true);
  });
});

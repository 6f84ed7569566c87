import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../preload/contract/api-result.ts';
import type { PrintJob, PrinterInfo } from '../../../preload/contract/areas/print.ts';
import { fakeApi, type FakeApi } from '../../../tests/support/fake-api-client.ts';
import { ApiContext } from '../../app/api-context.ts';
import { RouterProvider } from '../../app/router-context.tsx';
import { setupI18n } from '../../i18n/setup-i18n.ts';
import { PrintDialog, type PageRenderer } from './PrintDialog.tsx';
import { PrintQueueScreen } from './PrintQueueScreen.tsx';

const person = userEvent.setup({ delay: 50 });

const printer = (overrides: Partial<PrinterInfo> = {}): PrinterInfo => ({
  name: 'Quay-1',
  description: 'HP LaserJet quầy 1',
  isDefault: true,
  state: 'idle',
  stateReason: null,
  acceptingJobs: true,
  ...overrides,
});

const job = (overrides: Partial<PrintJob> = {}): PrintJob => ({
  jobId: 'job-1',
  document: 'declaration',
  registrationCode: 'DK-07921-2026-000123',
  citizenName: 'Trịnh Quang Vĩnh',
  summaryLanguage: null,
  printerName: 'Quay-1',
  copies: 1,
  state: 'done',
  attempts: 1,
  failure: null,
  requestedAt: '2026-12-01T02:00:00.000Z',
  updatedAt: '2026-12-01T02:00:01.000Z',
  finishedAt: '2026-12-01T02:00:01.000Z',
  ...overrides,
});

const previewValue = {
  fileName: 'to-khai-DK-07921-2026-000123.pdf',
  pdfBase64: btoa('%PDF-1.7 test'),
  bytes: 13,
  pages: 1,
  template: { source: 'default' as const, revision: '2026-12', problem: null },
};
const preview = ok(previewValue);

/** Stands in for pdf.js (jsdom has no canvas): one page per call, and remembers the bytes. */
function fakePages(): PageRenderer & { seen: string[] } {
  const seen: string[] = [];
  const renderer = async (pdf: Uint8Array) => {
    seen.push(new TextDecoder().decode(pdf));
    return [{ url: 'blob:page-1', width: 1190, height: 1684 }];
  };
  return Object.assign(renderer, { seen });
}

async function renderWith(api: FakeApi, children: ReactNode) {
  const i18n = await setupI18n('vi');
  return render(
    <I18nextProvider i18n={i18n}>
      <ApiContext.Provider value={api}>
        <RouterProvider
          caller={{
            mode: 'counter',
            enrolled: true,
            session: { role: 'officer', locked: false, pinRequired: false },
          }}
          home={{ name: 'counter-home' }}
        >
          {children}
        </RouterProvider>
      </ApiContext.Provider>
    </I18nextProvider>,
  );
}

describe('the print preview', () => {
  it('shows the pages and the printer, and tells the spooler’s failure, then prints on retry', async () => {
    const pages = fakePages();
    const api = fakeApi({
      'forms.preview': preview,
      'printers.list': ok({ spooler: 'cups', printers: [printer()], unavailable: null, chosen: null }),
      'print.submit': ok(
        job({ state: 'failed', finishedAt: null, failure: { code: 'printer-stopped', reason: 'Hết giấy' } }),
      ),
      'print.retry': ok(job({ attempts: 2 })),
    });
    await renderWith(
      api,
      <PrintDialog registrationCode="DK-07921-2026-000123" onClose={() => {}} renderPages={pages} />,
    );

    expect(await screen.findByTestId('print-page')).toHaveProperty('alt', 'Trang 1/1 của tờ khai');
    expect(pages.seen).toEqual(['%PDF-1.7 test']);
    expect(screen.getByTestId('printer-line').textContent).toBe('Sẽ in ra máy in: Quay-1');

    await person.click(screen.getByRole('button', { name: 'In tờ khai' }));
    const failure = await screen.findByTestId('print-result');
    expect(failure.dataset.state).toBe('failed');
    expect(failure.textContent).toContain('Máy in đang dừng nên chưa in.');
    expect(failure.textContent).toContain('“Hết giấy”');
    expect(failure.textContent).toContain('hàng đợi in');

    await person.click(screen.getByRole('button', { name: 'In lại' }));
    await waitFor(() => expect(screen.getByTestId('print-result').dataset.state).toBe('done'));
    expect(screen.getByTestId('print-result').textContent).toBe('Đã in xong ra máy in Quay-1.');
    expect(api.calls.filter((call) => call.name === 'print.retry')).toEqual([
      { name: 'print.retry', args: { jobId: 'job-1' } },
    ]);
    expect(api.calls.filter((call) => call.name === 'print.submit')).toHaveLength(1);
  });

  it('offers the download when the PC has no printer, and does not offer to print', async () => {
    const api = fakeApi({
      'forms.preview': preview,
      'printers.list': ok({ spooler: 'none', printers: [], unavailable: 'lp: không có CUPS', chosen: null }),
    });
    await renderWith(
      api,
      <PrintDialog registrationCode="DK-1" onClose={() => {}} renderPages={fakePages()} />,
    );
    expect((await screen.findByTestId('printer-line')).dataset.state).toBe('none');
    expect(screen.getByRole('button', { name: 'In tờ khai' })).toHaveProperty('disabled', true);
    const download = screen.getByRole('button', { name: 'Tải về (PDF)' });
    await waitFor(() => expect(download).toHaveProperty('disabled', false));
    expect(download.className).toBe('button-primary');
  });

  it('warns about a stopped printer before printing, and about a broken replacement template', async () => {
    const api = fakeApi({
      'forms.preview': ok({
        ...previewValue,
        template: {
          source: 'default',
          revision: '2026-12',
          problem: {
            code: 'form-template-invalid',
            path: '/data/forms/declaration-01-dk-gd.json',
            issues: ['title: thiếu'],
          },
        },
      }),
      'printers.list': ok({
        spooler: 'cups',
        printers: [printer({ state: 'stopped', stateReason: 'Hết giấy' })],
        unavailable: null,
        chosen: 'Quay-1',
      }),
    });
    await renderWith(
      api,
      <PrintDialog registrationCode="DK-1" onClose={() => {}} renderPages={fakePages()} />,
    );
    const line = await screen.findByTestId('printer-line');
    expect(line.dataset.state).toBe('stopped');
    expect(line.textContent).toContain('Hết giấy');
    expect((await screen.findByTestId('template-problem')).textContent).toContain('mẫu mặc định');
  });

  it('keeps Tab inside the dialog, closes on Escape and gives the focus back to what opened it', async () => {
    const api = fakeApi({
      'forms.preview': preview,
      'printers.list': ok({ spooler: 'cups', printers: [printer()], unavailable: null, chosen: null }),
    });
    let closed = 0;
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const view = await renderWith(
      api,
      <PrintDialog registrationCode="DK-1" onClose={() => (closed += 1)} renderPages={fakePages()} />,
    );
    const close = await screen.findByRole('button', { name: 'Đóng' });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'In tờ khai' })).toHaveProperty('disabled', false),
    );
    close.focus();
    await person.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'In tờ khai' }));
    await person.keyboard('{Escape}');
    expect(closed).toBe(1);
    view.unmount();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });

  it('shows the renderer’s error in words when the registration is not on this PC', async () => {
    const api = fakeApi({
      'forms.preview': fail('registration-not-found', 'x', { registrationCode: 'DK-9' }),
      'printers.list': ok({ spooler: 'cups', printers: [printer()], unavailable: null, chosen: null }),
    });
    await renderWith(
      api,
      <PrintDialog registrationCode="DK-9" onClose={() => {}} renderPages={fakePages()} />,
    );
    expect((await screen.findByRole('alert')).dataset.code).toBe('registration-not-found');
  });
});

describe('the print queue', () => {
  it('lists failed jobs with the reason, retries one and refreshes on the queue event', async () => {
    let jobs = [
      job({ jobId: 'failed-1', state: 'failed', finishedAt: null, failure: { code: 'timeout', reason: '' } }),
      job({ jobId: 'done-1', document: 'test-page', registrationCode: null, citizenName: null }),
    ];
    const api = fakeApi({
      'print.jobs': () => ok({ jobs }),
      'print.retry': (args) => {
        jobs = [job({ jobId: (args as { jobId: string }).jobId, attempts: 2 }), jobs[1] as PrintJob];
        return ok(jobs[0]);
      },
    });
    await renderWith(api, <PrintQueueScreen />);
    const failedRow = (await screen.findAllByTestId('print-job')).find(
      (row) => row.dataset.jobId === 'failed-1',
    );
    expect(failedRow?.dataset.state).toBe('failed');
    expect(failedRow?.textContent).toContain('Máy in không trả lời kịp');
    expect(failedRow?.textContent).toContain('Tờ khai DK-07921-2026-000123 – Trịnh Quang Vĩnh');

    await person.click(screen.getByRole('button', { name: 'In lại' }));
    await waitFor(() => expect(screen.getByTestId('print-queue-empty')).toBeTruthy());
    expect(screen.getAllByTestId('print-job').map((row) => row.dataset.state)).toEqual(['done', 'done']);

    jobs = [
      job({ jobId: 'new', state: 'failed', finishedAt: null, failure: { code: 'job-failed', reason: 'x' } }),
      ...jobs,
    ];
    api.emit({ name: 'print.queueChanged', payload: { waiting: 0, failed: 1 } });
    await waitFor(() => expect(screen.queryByTestId('print-queue-empty')).toBeNull());
  });
});

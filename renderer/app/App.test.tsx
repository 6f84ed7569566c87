import { act, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';

// A person types 50 ms apart at the fastest: faster bursts are keyboard-wedge scans.
const person = userEvent.setup({ delay: 50 });
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../preload/contract/api-result.ts';
import type { SessionView } from '../../preload/contract/areas/session.ts';
import { displaySettings, fakeApi } from '../../tests/support/fake-api-client.ts';
import { App } from './App.tsx';

const officer: SessionView = {
  staffId: 'cb-07921-1',
  fullName: 'Huỳnh Thị Ngọc Hân',
  role: 'officer',
  signedInAt: '2026-12-01T02:00:00.000Z',
  locked: false,
  pinSet: true,
  lockAt: '2099-01-01T00:00:00.000Z',
};

const screenRoot = (name: string) => document.querySelector(`[data-screen="${name}"]`);

describe('start-up', () => {
  it('shows the progress of the database check while the backend starts', async () => {
    const api = fakeApi({
      'startup.status': ok({
        state: 'starting',
        phase: 'checking-store',
        progress: { fraction: 0.42, bytes: 964 * 1024 * 1024, elapsedMs: 1300 },
      }),
    });
    render(<App api={api} />);
    expect(await screen.findByText('Đang kiểm tra cơ sở dữ liệu…')).toBeTruthy();
    expect(screen.getByText('Khoảng 42% · 964 MB · 1 giây')).toBeTruthy();
    expect(screen.getByRole('progressbar')).toBeTruthy();
  });

  it('explains a broken config file field by field, in the language the reader picks', async () => {
    const api = fakeApi({
      'startup.status': ok({
        state: 'failed',
        error: {
          code: 'config-invalid',
          message: 'Tệp cấu hình không hợp lệ',
          details: {
            file: '/data/config.json',
            issues: [{ path: 'officeCode', message: 'mã cơ quan BHXH gồm 5 chữ số', code: 'invalid_format' }],
          },
        },
      }),
    });
    render(<App api={api} />);
    expect(await screen.findByText(/Mở tệp cấu hình \/data\/config\.json/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    const failure = screenRoot('startup-failure') as HTMLElement;
    expect(failure.dataset.code).toBe('config-invalid');
    expect(within(failure).getByText('The configuration file is not valid.')).toBeTruthy();
    expect(within(failure).getByText(/Open the configuration file \/data\/config\.json/)).toBeTruthy();
    expect(within(failure).getByText('officeCode')).toBeTruthy();
    // zod's message is the backend's Vietnamese: in English the kind of problem is translated instead.
    expect(failure.textContent).toContain('officeCode: wrong format');
    expect(failure.textContent).not.toContain('mã cơ quan BHXH gồm 5 chữ số');
  });

  it('gives the restore command for a damaged database', async () => {
    const api = fakeApi({
      'startup.status': ok({
        state: 'failed',
        error: {
          code: 'store-corrupt',
          message: 'hỏng',
          details: {
            databasePath: '/data/bhxh-kiosk.sqlite',
            restoreCommand: 'npm run -s cli -- store restore …',
          },
        },
      }),
    });
    render(<App api={api} />);
    expect(await screen.findByText('npm run -s cli -- store restore …')).toBeTruthy();
  });

  it('says so when the page was opened without its launch token', async () => {
    render(<App api={null} />);
    expect(await screen.findByText(/Thiếu mã truy cập/)).toBeTruthy();
  });
});

describe('who is calling', () => {
  it('asks a counter PC to sign in, and shows the error in English, never the backend’s Vietnamese', async () => {
    const api = fakeApi({
      'session.signIn': fail('invalid-credentials', 'Sai mã cán bộ hoặc mật khẩu.', { attemptsLeft: 3 }),
    });
    render(<App api={api} />);
    await userEvent.click(await screen.findByRole('button', { name: 'English' }));
    await person.type(screen.getByLabelText('Staff id'), 'cb-07921-1');
    await person.type(screen.getByLabelText('Password'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Wrong staff id or password. Attempts left: 3.');
    expect(api.calls.find((call) => call.name === 'session.signIn')?.args).toEqual({
      username: 'cb-07921-1',
      password: 'wrong',
    });
    expect(screenRoot('sign-in')).toBeTruthy();
  });

  it('shows the lock screen the moment the session locks, and the route comes back after unlock', async () => {
    const api = fakeApi({
      'session.current': ok(officer),
      'conflicts.list': ok([]),
      'registrations.search': ok([]),
      'registrations.list': ok({ rows: [], total: 0, page: 0, pageSize: 20 }),
      'session.unlock': ok(officer),
    });
    render(<App api={api} />);
    await person.type(await screen.findByRole('searchbox'), 'Nguyễn Văn Hùng');
    await userEvent.click(screen.getByRole('button', { name: 'Tìm' }));
    expect(await screen.findByText(/Không có hồ sơ nào khớp với “Nguyễn Văn Hùng”/)).toBeTruthy();

    act(() =>
      api.emit({
        name: 'session.changed',
        payload: { session: { ...officer, locked: true, lockAt: null }, reason: 'idle-locked' },
      }),
    );
    expect(screenRoot('lock')).toBeTruthy();
    expect(screenRoot('counter-home')).toBeNull();
    expect(document.body.textContent).not.toContain('Nguyễn Văn Hùng');

    await person.type(screen.getByLabelText('Mã PIN'), '2468');
    await userEvent.click(screen.getByRole('button', { name: 'Mở khoá' }));
    await waitFor(() => expect(screenRoot('counter-home')).toBeTruthy());
    expect(api.calls.find((call) => call.name === 'session.unlock')?.args).toEqual({ pin: '2468' });
  });

  it('hides the screen at the idle deadline even before the backend says so', async () => {
    const soon = new Date(Date.now() + 150).toISOString();
    const api = fakeApi({ 'session.current': ok({ ...officer, lockAt: soon }), 'conflicts.list': ok([]) });
    render(<App api={api} />);
    expect(await screen.findByText(/Quét mã QR/)).toBeTruthy();
    // The backend is slow to confirm: the screen is hidden anyway.
    api.answer('session.current', () => new Promise(() => {}));
    await waitFor(() => expect(screenRoot('lock')).toBeTruthy(), { timeout: 1000 });
  });

  it('asks for a PIN at the first sign-in on this PC', async () => {
    const api = fakeApi({
      'session.current': ok({ ...officer, pinSet: false }),
      'session.setPin': ok(officer),
      'conflicts.list': ok([]),
    });
    render(<App api={api} />);
    await person.type(await screen.findByLabelText('Mã PIN mới'), '2468');
    await person.type(screen.getByLabelText('Nhập lại mã PIN'), '2469');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu mã PIN' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Hai lần nhập mã PIN không giống nhau.');
    expect(api.calls.some((call) => call.name === 'session.setPin')).toBe(false);
    await userEvent.clear(screen.getByLabelText('Nhập lại mã PIN'));
    await person.type(screen.getByLabelText('Nhập lại mã PIN'), '2468');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu mã PIN' }));
    await waitFor(() => expect(screenRoot('counter-home')).toBeTruthy());
  });

  it('sends an administrator to administration and keeps officers out of it', async () => {
    const admin = fakeApi({
      'session.current': ok({ ...officer, staffId: 'qt-07921', role: 'admin' }),
      'settings.get': fail('backend-unavailable', 'not in this test'),
    });
    const { unmount } = render(<App api={admin} />);
    await waitFor(() => expect(screenRoot('admin')).toBeTruthy());
    expect(document.querySelector('[data-action="home"]')).toBeNull();
    unmount();

    render(<App api={fakeApi({ 'session.current': ok(officer), 'conflicts.list': ok([]) })} />);
    await waitFor(() => expect(screenRoot('counter-home')).toBeTruthy());
    expect(document.querySelector('[data-action="admin"]')).toBeNull();
  });

  it('gives a kiosk its own screen without any sign-in, and an unenrolled PC its set-up', async () => {
    const kiosk = fakeApi({ 'settings.display': ok({ ...displaySettings, mode: 'kiosk' }) });
    const { unmount } = render(<App api={kiosk} />);
    await waitFor(() => expect(screenRoot('kiosk-attract')).toBeTruthy());
    expect(kiosk.calls.some((call) => call.name === 'session.signIn')).toBe(false);
    expect(document.querySelector('[data-action="sync-now"]')).toBeNull();
    unmount();

    render(
      <App
        api={fakeApi({
          'settings.display': ok({ ...displaySettings, enrolled: false, trainingMode: false }),
        })}
      />,
    );
    await waitFor(() => expect(screenRoot('setup')).toBeTruthy());
    expect(document.querySelector('input[name="enrollmentCode"]')).toBeTruthy();
  });
});

describe('settings', () => {
  it('follow the backend’s settings.changed event without a reload', async () => {
    const api = fakeApi();
    render(<App api={api} />);
    expect(await screen.findByText(/Cơ quan 07921 · Quầy Q01/)).toBeTruthy();
    act(() =>
      api.emit({
        name: 'settings.changed',
        payload: { ...displaySettings, counterId: 'Q07', language: 'en' },
      }),
    );
    expect(await screen.findByText(/Office 07921 · Counter Q07/)).toBeTruthy();
  });

  it('switches the language at run time, and keeps what was typed', async () => {
    render(<App api={fakeApi()} />);
    await person.type(await screen.findByLabelText('Mã cán bộ'), 'cb-07921-1');
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect((screen.getByLabelText('Staff id') as HTMLInputElement).value).toBe('cb-07921-1');
    expect(document.documentElement.lang).toBe('en');
  });
});

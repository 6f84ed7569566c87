import { render } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { keepsFocus, WedgeSink } from './WedgeSink.tsx';

// The invisible scan sink keeps the focus where no field has it, but never takes it from a keyboard
// user, a dialog, or an element a screen focused on purpose.
describe('the scan sink', () => {
  it('decides who keeps the focus', () => {
    document.body.innerHTML = `
      <input id="field" /><button id="button">OK</button>
      <div role="dialog"><button id="in-dialog">In</button></div>
      <div id="result" tabindex="-1">Đã duyệt</div>`;
    const byId = (id: string) => document.getElementById(id);
    expect(keepsFocus(document.body, true)).toBe(false);
    expect(keepsFocus(byId('field'), true)).toBe(true);
    expect(keepsFocus(byId('button'), true)).toBe(false);
    expect(keepsFocus(byId('button'), false)).toBe(true);
    expect(keepsFocus(byId('in-dialog'), true)).toBe(true);
    expect(keepsFocus(byId('result'), true)).toBe(true);
    document.body.innerHTML = '';
  });

  it('lets Tab rest on a button, and takes the focus back after a click', async () => {
    const user = userEvent.setup({ delay: 50 });
    const view = render(
      <>
        <WedgeSink />
        <button type="button">Tìm</button>
      </>,
    );
    const sink = view.getByTestId('scan-sink');
    const button = view.getByRole('button', { name: 'Tìm' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(document.activeElement).toBe(sink);
    await user.tab();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(document.activeElement).toBe(button);
    await user.click(button);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(document.activeElement).toBe(sink);
  });
});

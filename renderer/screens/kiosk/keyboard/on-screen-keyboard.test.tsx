import { render, screen, within } from '@testing-library/react';
import { userEvent, type UserEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { setupI18n } from '../../../i18n/setup-i18n.ts';
import { OnScreenKeyboard, type KeyboardLayout, type OnScreenKeyboardProps } from './OnScreenKeyboard.tsx';

// The kiosk's on-screen keyboard as a citizen uses it: keys pressed one by one into a controlled
// field (a real <input> that holds the focus), Telex composed by the input engine.

interface FieldProps extends Partial<Omit<OnScreenKeyboardProps, 'value' | 'onChange'>> {
  layout: KeyboardLayout;
  initial?: string;
  onChange?: (next: string) => void;
}

/** A kiosk field and its keyboard: the keyboard's onChange is the field's state. */
function Field({ initial = '', onChange, onDone = () => {}, ...props }: FieldProps) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <input
        aria-label="field"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        data-testid="field"
      />
      <OnScreenKeyboard
        {...props}
        value={value}
        onDone={onDone}
        onChange={(next) => {
          onChange?.(next);
          setValue(next);
        }}
      />
    </>
  );
}

async function renderField(props: FieldProps, language = 'vi') {
  const i18n = await setupI18n(language);
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={i18n}>
      <Field {...props} />
    </I18nextProvider>,
  );
  return { user, field: screen.getByTestId('field') as HTMLInputElement };
}

function key(id: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`[data-key="${CSS.escape(id)}"]`);
  if (found === null) throw new Error(`no key ${id}`);
  return found;
}

/**
 * Presses the keys that type `keys` on the Vietnamese layout: a capital is shift then the letter,
 * a space the space key; any other character its own key.
 */
async function typeKeys(user: UserEvent, keys: string) {
  for (const character of keys) {
    if (character === ' ') {
      await user.click(key('space'));
    } else if (character !== character.toLowerCase()) {
      await user.click(key('shift'));
      await user.click(key(character.toLowerCase()));
    } else {
      await user.click(key(character));
    }
  }
}

describe('the keyboard as a whole', () => {
  it('is a labelled group that names its layout', async () => {
    await renderField({ layout: 'vietnamese-text' });
    const keyboard = screen.getByRole('group', { name: 'Bàn phím trên màn hình' });
    expect(keyboard.dataset['keyboardLayout']).toBe('vietnamese-text');
  });

  it.each<[KeyboardLayout, number]>([
    ['numeric', 13],
    ['email', 46],
    ['vietnamese-text', 48],
  ])('every key of the %s layout is a button with a name and a data-key', async (layout, count) => {
    await renderField({ layout });
    const keyboard = screen.getByRole('group', { name: 'Bàn phím trên màn hình' });
    const keys = within(keyboard).getAllByRole('button');
    expect(keys).toHaveLength(count);
    for (const button of keys) {
      expect(button.getAttribute('type')).toBe('button');
      expect(button.tabIndex).toBe(-1);
      expect(button.dataset['key']).toMatch(/./);
      expect(button.textContent?.trim()).not.toBe('');
    }
  });

  it.each([
    ['backspace', 'Xoá'],
    ['space', 'Dấu cách'],
    ['shift', 'Chữ hoa'],
    ['clear', 'Xoá hết'],
    ['done', 'Xong'],
    ['telex-on', 'Gõ tiếng Việt (Telex)'],
    ['telex-off', 'Gõ không dấu'],
    ['a', 'a'],
    ['1', '1'],
  ])('the %s key is named "%s"', async (id, name) => {
    await renderField({ layout: 'vietnamese-text' });
    expect(screen.getByRole('button', { name })).toBe(key(id));
  });

  it('names its keys in the language of the page', async () => {
    await renderField({ layout: 'vietnamese-text' }, 'en');
    expect(screen.getByRole('group', { name: 'On-screen keyboard' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete' })).toBe(key('backspace'));
    expect(screen.getByRole('button', { name: 'Done' })).toBe(key('done'));
  });

  it('shows the Telex hint on the Vietnamese layout only', async () => {
    const hint = /aw → ă/;
    await renderField({ layout: 'vietnamese-text' });
    expect(screen.getByText(hint)).toBeTruthy();
    document.body.innerHTML = '';
    await renderField({ layout: 'email' });
    expect(screen.queryByText(hint)).toBeNull();
  });

  it.each<KeyboardLayout>(['numeric', 'email', 'vietnamese-text'])(
    'keys of the %s layout leave the focus in the field being edited',
    async (layout) => {
      const { user, field } = await renderField({ layout });
      field.focus();
      const keyboard = screen.getByRole('group', { name: 'Bàn phím trên màn hình' });
      for (const button of within(keyboard).getAllByRole('button')) {
        if (!(button as HTMLButtonElement).disabled) await user.click(button);
        expect(document.activeElement).toBe(field);
      }
    },
  );

  it('works with touch', async () => {
    const { user, field } = await renderField({ layout: 'vietnamese-text' });
    field.focus();
    for (const id of ['h', 'o', 'a', 'f']) {
      await user.pointer([{ keys: '[TouchA]', target: key(id) }]);
    }
    expect(field.value).toBe('hoà');
    expect(document.activeElement).toBe(field);
  });
});

describe('Vietnamese text with Telex', () => {
  it.each([
    ['modern', 'Nguyễn Thị Hoà'],
    ['classic', 'Nguyễn Thị Hòa'],
  ] as const)('"Nguyeenx Thij Hoaf" gives the %s "%s"', async (toneStyle, expected) => {
    const { user, field } = await renderField({ layout: 'vietnamese-text', toneStyle });
    await typeKeys(user, 'Nguyeenx Thij Hoaf');
    expect(field.value).toBe(expected);
  });

  it.each([
    // What the engine does, through the keys.
    ['dd', 'đ'],
    ['ddd', 'dd'],
    ['ddw', 'đư'],
    ['ddwowngf', 'đường'],
    ['as', 'á'],
    ['ass', 'as'],
    ['aa', 'â'],
    ['aaa', 'aa'],
    ['ww', 'w'],
    ['uoww', 'ươ'],
    ['truowngf', 'trường'],
    ['nguyenxe', 'nguyễn'],
    ['hoafng', 'hoàng'],
    ['smith', 'smith'],
    ['maria', 'maria'],
    ['thuyr', 'thuỷ'],
    ['DDawngj', 'Đặng'],
    ['soos 12/3', 'số 12/3'],
    ['ha, noi', 'ha, noi'],
    ['haf, nooij.', 'hà, nội.'],
  ])('%s → %s', async (keys, expected) => {
    const { user, field } = await renderField({ layout: 'vietnamese-text' });
    await typeKeys(user, keys);
    expect(field.value).toBe(expected);
  });

  it('repeating a tone key undoes it: "as" then "s" is "as"', async () => {
    const { user, field } = await renderField({ layout: 'vietnamese-text' });
    await typeKeys(user, 'as');
    expect(field.value).toBe('á');
    await typeKeys(user, 's');
    expect(field.value).toBe('as');
  });

  it('shows an unfinished word marked and restores its keys when the word ends', async () => {
    const { user, field } = await renderField({ layout: 'vietnamese-text' });
    await typeKeys(user, 'tiens');
    expect(field.value).toBe('tién');
    await typeKeys(user, ' ');
    expect(field.value).toBe('tiens ');
  });

  it('finishes the word on Done, then calls onDone', async () => {
    const onDone = vi.fn();
    const { user, field } = await renderField({ layout: 'vietnamese-text', onDone });
    await typeKeys(user, 'tiens');
    await user.click(key('done'));
    expect(field.value).toBe('tiens');
    expect(onDone).toHaveBeenCalledTimes(1);
    // The keys are kept: going on with the word still composes it.
    await typeKeys(user, 'e');
    expect(field.value).toBe('tiến');
  });

  it('gives the whole new value, in NFC, on every key that changes it', async () => {
    const changes: string[] = [];
    const { user } = await renderField({ layout: 'vietnamese-text', onChange: (next) => changes.push(next) });
    await typeKeys(user, 'Nguyeenx Thij Hoaf');
    // One change per character typed; the three shift taps change nothing.
    expect(changes).toHaveLength(18);
    expect(changes.slice(0, 8)).toEqual(['N', 'Ng', 'Ngu', 'Nguy', 'Nguye', 'Nguyê', 'Nguyên', 'Nguyễn']);
    expect(changes.at(-1)).toBe('Nguyễn Thị Hoà');
    for (const change of changes) expect(change).toBe(change.normalize('NFC'));
  });

  it('normalises a value given in NFD', async () => {
    const { user, field } = await renderField({ layout: 'vietnamese-text', initial: 'Nguye\u0302n' });
    await typeKeys(user, 'x');
    expect(field.value).toBe('Nguy\u1ec5n');
  });

  it('types plain letters with Telex off, and composes again when it is back on', async () => {
    const { user, field } = await renderField({ layout: 'vietnamese-text' });
    await user.click(key('telex-off'));
    expect(key('telex-off').getAttribute('aria-pressed')).toBe('true');
    expect(key('telex-on').getAttribute('aria-pressed')).toBe('false');
    await typeKeys(user, 'Ross aas');
    expect(field.value).toBe('Ross aas');
    await user.click(key('telex-on'));
    await typeKeys(user, ' hoaf');
    expect(field.value).toBe('Ross aas hoà');
  });

  it('shift: one tap for the next letter, a second for capitals, a third for lower case', async () => {
    const { user, field } = await renderField({ layout: 'vietnamese-text' });
    const shift = key('shift');
    expect(shift.getAttribute('aria-pressed')).toBe('false');
    await user.click(shift);
    expect(shift.dataset['shift']).toBe('once');
    expect(shift.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'A' })).toBe(key('a'));
    await typeKeys(user, 'ha');
    expect(field.value).toBe('Ha');
    expect(shift.dataset['shift']).toBe('off');

    await user.click(shift);
    await user.click(shift);
    expect(shift.dataset['shift']).toBe('locked');
    await typeKeys(user, ' traafn');
    expect(field.value).toBe('Ha TRẦN');
    await user.click(shift);
    expect(shift.dataset['shift']).toBe('off');
    await typeKeys(user, 'x');
    expect(field.value).toBe('Ha TRẪN');
  });

  it('backspace deletes the last character shown and typing goes on from what is left', async () => {
    const { user, field } = await renderField({ layout: 'vietnamese-text' });
    await typeKeys(user, 'nguyeenx');
    await user.click(key('backspace'));
    expect(field.value).toBe('nguyễ');
    await typeKeys(user, 'n');
    expect(field.value).toBe('nguyễn');
    await user.click(key('backspace'));
    await user.click(key('backspace'));
    expect(field.value).toBe('nguy');
    await typeKeys(user, 'eenf');
    expect(field.value).toBe('nguyền');
  });

  it('backspace keeps the keys of what is left: the word ends as if typed without the deleted key', async () => {
    const { user, field } = await renderField({ layout: 'vietnamese-text' });
    await typeKeys(user, 'tiensg');
    expect(field.value).toBe('tiéng');
    await user.click(key('backspace'));
    expect(field.value).toBe('tién');
    await typeKeys(user, ' ');
    expect(field.value).toBe('tiens ');
  });

  it.each([
    // A tone typed after the deleted letter: no start of the keys types "tién"; the word goes on
    // from its text and is not "restored" to keys never typed ("tiesn").
    ['tiengs', 'tién', 'tién '],
    ['nguyeenx', 'nguyễ', 'nguyễ '],
  ])('backspace after %s leaves %s, which ends as %j', async (keys, left, ended) => {
    const { user, field } = await renderField({ layout: 'vietnamese-text' });
    await typeKeys(user, keys);
    await user.click(key('backspace'));
    expect(field.value).toBe(left);
    await typeKeys(user, ' ');
    expect(field.value).toBe(ended);
  });

  it('backspace in a word from outside goes on from its text ("dd" + o is "ddo", not "đo")', async () => {
    const { user, field } = await renderField({ layout: 'vietnamese-text', initial: 'ddi' });
    await user.click(key('backspace'));
    await typeKeys(user, 'o');
    expect(field.value).toBe('ddo');
  });

  it('backspace in a word shown as typed goes on as typed ("Mari" + a is "Maria")', async () => {
    const { user, field } = await renderField({ layout: 'vietnamese-text' });
    await typeKeys(user, 'maria');
    await user.click(key('backspace'));
    expect(field.value).toBe('mari');
    await typeKeys(user, 'a');
    expect(field.value).toBe('maria');
  });

  it('continues a word changed from outside from its text', async () => {
    const { user, field } = await renderField({ layout: 'vietnamese-text', initial: 'Nguyên' });
    await typeKeys(user, 'x');
    expect(field.value).toBe('Nguyễn');
    // Edited with a physical keyboard: the keyboard's memory of "hoaf" no longer applies.
    await typeKeys(user, ' hoaf');
    await user.clear(field);
    await user.type(field, 'Thuy');
    await typeKeys(user, 'r');
    expect(field.value).toBe('Thuỷ');
  });

  it('clear empties the field', async () => {
    const { user, field } = await renderField({ layout: 'vietnamese-text', initial: 'Hà Nội' });
    await user.click(key('clear'));
    expect(field.value).toBe('');
    await typeKeys(user, 'hoaf');
    expect(field.value).toBe('hoà');
  });

  it('respects maxLength, yet lets a mark change a full field', async () => {
    const { user, field } = await renderField({ layout: 'vietnamese-text', maxLength: 3 });
    await typeKeys(user, 'hoan');
    expect(field.value).toBe('hoa');
    await typeKeys(user, 'f');
    expect(field.value).toBe('hoà');
  });
});

describe('the number pad', () => {
  it('is a phone pad: 1–9, clear, 0, backspace, then Done', async () => {
    await renderField({ layout: 'numeric' });
    const pad = screen.getByRole('group', { name: 'Bàn phím số' });
    const order = within(pad)
      .getAllByRole('button')
      .map((button) => button.dataset['key']);
    expect(order).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'backspace', 'done']);
  });

  it.each([
    [['0', '9', '1', '2'], '0912'],
    [['0', '9', 'backspace', '8'], '08'],
    [['1', '2', 'clear', '0'], '0'],
    [['backspace'], ''],
  ])('%j → %s', async (keys, expected) => {
    const { user, field } = await renderField({ layout: 'numeric' });
    for (const id of keys) await user.click(key(id));
    expect(field.value).toBe(expected);
  });

  it('respects maxLength', async () => {
    const onChange = vi.fn();
    const { user, field } = await renderField({ layout: 'numeric', maxLength: 10, onChange });
    for (const id of '09123456789') await user.click(key(id));
    expect(field.value).toBe('0912345678');
    expect(onChange).toHaveBeenCalledTimes(10);
  });

  it('calls onDone', async () => {
    const onDone = vi.fn();
    const { user, field } = await renderField({ layout: 'numeric', initial: '0912', onDone });
    await user.click(key('done'));
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(field.value).toBe('0912');
  });
});

describe('the e-mail layout', () => {
  it('types an address with the quick key, without Telex', async () => {
    const { user, field } = await renderField({ layout: 'email' });
    for (const id of [...'an.nguyeen_01', '@gmail.com']) await user.click(key(id));
    expect(field.value).toBe('an.nguyeen_01@gmail.com');
  });

  it('types ".com" and the other symbols', async () => {
    const { user, field } = await renderField({ layout: 'email' });
    for (const id of ['a', '+', 'b', '-', 'c', '@', 'd', '.com']) await user.click(key(id));
    expect(field.value).toBe('a+b-c@d.com');
  });

  it('rests the @ keys once the address has its @', async () => {
    const { user } = await renderField({ layout: 'email' });
    await user.click(key('a'));
    expect((key('@') as HTMLButtonElement).disabled).toBe(false);
    await user.click(key('@'));
    expect((key('@') as HTMLButtonElement).disabled).toBe(true);
    expect((key('@gmail.com') as HTMLButtonElement).disabled).toBe(true);
    await user.click(key('backspace'));
    expect((key('@') as HTMLButtonElement).disabled).toBe(false);
  });

  it('has no shift: addresses are lower case', async () => {
    await renderField({ layout: 'email' });
    expect(document.querySelector('[data-key="shift"]')).toBeNull();
  });
});

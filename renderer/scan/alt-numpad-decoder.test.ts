import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AltNumpadDecoder, decodeAltDecimal, decodeAltHex, type AltKeyEvent } from './alt-numpad-decoder.ts';

// Keypad keys as the browser names them with NumLock off.
const withoutNumLock = [
  'Insert',
  'End',
  'ArrowDown',
  'PageDown',
  'ArrowLeft',
  'Clear',
  'ArrowRight',
  'Home',
  'ArrowUp',
  'PageUp',
];

interface SequenceOptions {
  /** `+` first: hex (EnableHexNumpad). */
  hex?: boolean;
  numLock?: boolean;
  /** How the OS inserts its own copy of the character, if it does. */
  echo?: { how: 'beforeinput' | 'keydown' | 'beforeinput-before-keyup'; data: string };
}

/** The events of one Alt code typed from `time` on, 2 ms apart, as a scanner sends them. */
function altCode(code: string, time: number, options: SequenceOptions = {}): AltKeyEvent[] {
  let now = time;
  const at = () => (now += 2);
  const events: AltKeyEvent[] = [
    { type: 'keydown', key: 'Alt', code: 'AltLeft', altKey: true, timeStamp: now },
  ];
  const press = (key: string, keyCode: string) => {
    events.push({ type: 'keydown', key, code: keyCode, altKey: true, timeStamp: at() });
    events.push({ type: 'keyup', key, code: keyCode, altKey: true, timeStamp: at() });
  };
  if (options.hex === true) press('+', 'NumpadAdd');
  for (const digit of code) {
    if (/[0-9]/.test(digit)) {
      press(options.numLock === false ? (withoutNumLock[Number(digit)] as string) : digit, `Numpad${digit}`);
    } else {
      press(digit, `Key${digit.toUpperCase()}`);
    }
  }
  const echo = options.echo;
  if (echo?.how === 'beforeinput-before-keyup') {
    events.push({ type: 'beforeinput', key: '', code: '', altKey: true, timeStamp: at(), data: echo.data });
  }
  events.push({ type: 'keyup', key: 'Alt', code: 'AltLeft', altKey: false, timeStamp: at() });
  if (echo?.how === 'beforeinput') {
    events.push({ type: 'beforeinput', key: '', code: '', altKey: false, timeStamp: at(), data: echo.data });
  }
  if (echo?.how === 'keydown') {
    events.push({ type: 'keydown', key: echo.data, code: '', altKey: false, timeStamp: at() });
    events.push({ type: 'keyup', key: echo.data, code: '', altKey: false, timeStamp: at() });
  }
  return events;
}

/** Plain keys, as a scanner types ASCII. */
function plain(text: string, time: number): AltKeyEvent[] {
  return [...text].flatMap((key, index) => {
    const code = /[a-z]/i.test(key) ? `Key${key.toUpperCase()}` : /[0-9]/.test(key) ? `Digit${key}` : 'Space';
    const timeStamp = time + index * 2;
    return [
      { type: 'keydown', key, code, altKey: false, timeStamp },
      { type: 'keyup', key, code, altKey: false, timeStamp: timeStamp + 1 },
    ] satisfies AltKeyEvent[];
  });
}

/**
 * What a wedge sink built on the decoder receives: emitted characters, and the text of the events
 * it lets through (printable keydowns; insertions). Also the count of swallowed events.
 */
function typed(events: readonly AltKeyEvent[], decoder = new AltNumpadDecoder()) {
  let text = '';
  let swallowed = 0;
  for (const event of events) {
    const outcome = decoder.handle(event);
    if (outcome.action === 'emit') text += outcome.character;
    else if (outcome.action === 'swallow') swallowed += 1;
    else if (event.type === 'keydown' && event.key.length === 1 && !event.altKey) text += event.key;
    else if (event.type === 'beforeinput' && event.data) text += event.data;
  }
  return { text, swallowed };
}

describe('Alt code numbers', () => {
  it.each([
    ['0233', 'é'],
    ['0224', 'à'],
    ['0128', '€'],
    ['0150', '–'],
    ['0157', '\u009d'],
    ['065', 'A'],
    ['00233', 'é'],
    ['130', 'é'],
    ['133', 'à'],
    ['65', 'A'],
    ['1', '☺'],
    ['127', '⌂'],
    ['197', '┼'],
    ['255', '\u00a0'],
    ['432', 'ư'],
    ['417', 'ơ'],
    ['273', 'đ'],
    ['272', 'Đ'],
    ['7877', 'ễ'],
    ['7846', 'Ầ'],
    ['7909', 'ụ'],
    ['128512', '😀'],
    ['0', null],
    ['00', null],
    ['0013', null],
    ['0127', null],
    ['55296', null],
    ['1114112', null],
    ['99999999', null],
    ['', null],
  ])('Alt+%s → %s', (digits, expected) => {
    expect(decodeAltDecimal(digits)).toBe(expected);
  });

  it.each([
    ['1b0', 'ư'],
    ['1EC5', 'ễ'],
    ['111', 'đ'],
    ['e9', 'é'],
    ['1f600', '😀'],
    ['d800', null],
    ['110000', null],
    ['1000000', null],
    ['1f', null],
    ['', null],
  ])('Alt+NumpadAdd+%s → %s', (digits, expected) => {
    expect(decodeAltHex(digits)).toBe(expected);
  });
});

describe('Alt+numpad event sequences', () => {
  it.each([
    ['0233', 'é'],
    ['130', 'é'],
    ['432', 'ư'],
    ['417', 'ơ'],
    ['273', 'đ'],
    ['7877', 'ễ'],
    ['7846', 'Ầ'],
  ])('Alt+%s types %s and swallows the keypad keys', (code, expected) => {
    const result = typed(altCode(code, 0));
    expect(result.text).toBe(expected);
    expect(result.swallowed).toBe(code.length * 2);
  });

  it('reads the keypad by position, with NumLock off too', () => {
    expect(typed(altCode('7877', 0, { numLock: false })).text).toBe('ễ');
  });

  it('reads hex codes typed with the keypad and the letter keys', () => {
    expect(typed(altCode('1ec5', 0, { hex: true })).text).toBe('ễ');
    expect(typed(altCode('1B0', 0, { hex: true })).text).toBe('ư');
    const digitRow: AltKeyEvent[] = [
      { type: 'keydown', key: 'Alt', code: 'AltLeft', altKey: true, timeStamp: 0 },
      { type: 'keydown', key: '+', code: 'NumpadAdd', altKey: true, timeStamp: 1 },
      { type: 'keydown', key: '1', code: 'Digit1', altKey: true, timeStamp: 2 },
      { type: 'keydown', key: '1', code: 'Digit1', altKey: true, timeStamp: 3 },
      { type: 'keydown', key: '1', code: 'Digit1', altKey: true, timeStamp: 4 },
      { type: 'keyup', key: 'Alt', code: 'AltLeft', altKey: false, timeStamp: 5 },
    ];
    expect(typed(digitRow).text).toBe('đ');
  });

  it('types a Vietnamese name sent as ASCII keys and Alt codes', () => {
    const events = [
      ...plain('Nguy', 0),
      ...altCode('7877', 10),
      ...plain('n Th', 30),
      ...altCode('7883', 40),
      ...plain(' Ho', 60),
      ...altCode('224', 70), // cp437 à is α: the OEM page has no à at 224
      ...plain(' ', 90),
      ...altCode('0224', 100),
    ];
    expect(typed(events).text).toBe('Nguyễn Thị Hoα à');
  });

  it.each(['beforeinput', 'keydown', 'beforeinput-before-keyup'] as const)(
    "does not count the OS's own copy of the character twice (%s)",
    (how) => {
      const events = [
        ...plain('Nguy', 0),
        ...altCode('7877', 10, { echo: { how, data: 'ễ' } }),
        ...plain('n', 40),
      ];
      expect(typed(events).text).toBe('Nguyễn');
    },
  );

  it("swallows the OS's copy even when the OS read the code otherwise", () => {
    // Most Windows programs take 7877 modulo 256 = 197, '┼' in code page 437.
    const events = [...altCode('7877', 0, { echo: { how: 'beforeinput', data: '┼' } }), ...plain('n', 30)];
    expect(typed(events).text).toBe('ễn');
  });

  it('does not swallow a real key that follows when the OS typed nothing', () => {
    const decoder = new AltNumpadDecoder();
    const events = [...altCode('7877', 0), ...plain('n', 12)];
    const insertionAfter: AltKeyEvent = {
      type: 'beforeinput',
      key: '',
      code: '',
      altKey: false,
      timeStamp: 16,
      data: 'x',
    };
    expect(typed([...events, insertionAfter], decoder).text).toBe('ễnx');
  });

  it('does not swallow an insertion long after the sequence', () => {
    const late: AltKeyEvent = {
      type: 'beforeinput',
      key: '',
      code: '',
      altKey: false,
      timeStamp: 500,
      data: 'ễ',
    };
    expect(typed([...altCode('7877', 0), late]).text).toBe('ễễ');
  });

  it('treats Alt alone and Alt shortcuts as no sequence', () => {
    const altAlone: AltKeyEvent[] = [
      { type: 'keydown', key: 'Alt', code: 'AltLeft', altKey: true, timeStamp: 0 },
      { type: 'keyup', key: 'Alt', code: 'AltLeft', altKey: false, timeStamp: 5 },
    ];
    const decoder = new AltNumpadDecoder();
    expect(altAlone.map((event) => decoder.handle(event).action)).toEqual(['pass', 'pass']);

    const altTab: AltKeyEvent[] = [
      { type: 'keydown', key: 'Alt', code: 'AltLeft', altKey: true, timeStamp: 0 },
      { type: 'keydown', key: 'Tab', code: 'Tab', altKey: true, timeStamp: 2 },
      { type: 'keyup', key: 'Tab', code: 'Tab', altKey: true, timeStamp: 3 },
      { type: 'keyup', key: 'Alt', code: 'AltLeft', altKey: false, timeStamp: 5 },
    ];
    expect(altTab.map((event) => decoder.handle(event).action)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(typed([...altTab, ...plain('ab', 10)]).text).toBe('ab');
  });

  it('types nothing for a sequence broken by a shortcut key or another keypad key', () => {
    const broken: AltKeyEvent[] = [
      { type: 'keydown', key: 'Alt', code: 'AltLeft', altKey: true, timeStamp: 0 },
      { type: 'keydown', key: '7', code: 'Numpad7', altKey: true, timeStamp: 1 },
      { type: 'keydown', key: 'x', code: 'KeyX', altKey: true, timeStamp: 2 },
      { type: 'keydown', key: '8', code: 'Numpad8', altKey: true, timeStamp: 3 },
      { type: 'keyup', key: 'Alt', code: 'AltLeft', altKey: false, timeStamp: 4 },
    ];
    expect(typed(broken).text).toBe('');
    const multiply: AltKeyEvent[] = [
      { type: 'keydown', key: 'Alt', code: 'AltLeft', altKey: true, timeStamp: 0 },
      { type: 'keydown', key: '1', code: 'Numpad1', altKey: true, timeStamp: 1 },
      { type: 'keydown', key: '*', code: 'NumpadMultiply', altKey: true, timeStamp: 2 },
      { type: 'keyup', key: 'Alt', code: 'AltLeft', altKey: false, timeStamp: 3 },
    ];
    expect(typed(multiply)).toEqual({ text: '', swallowed: 2 });
  });

  it.each(['99999999', '0', '55296', '0013'])('types nothing for Alt+%s and carries on', (code) => {
    expect(typed([...altCode(code, 0), ...plain('ok', 40)]).text).toBe('ok');
  });

  it('types nothing for Alt+NumpadAdd without digits or with too many', () => {
    expect(typed(altCode('', 0, { hex: true })).text).toBe('');
    expect(typed(altCode('1000000', 0, { hex: true })).text).toBe('');
  });

  it('gives up a sequence whose Alt keyup was lost', () => {
    const lost: AltKeyEvent[] = [
      { type: 'keydown', key: 'Alt', code: 'AltLeft', altKey: true, timeStamp: 0 },
      { type: 'keydown', key: '4', code: 'Numpad4', altKey: true, timeStamp: 1 },
      { type: 'keyup', key: '4', code: 'Numpad4', altKey: true, timeStamp: 2 },
      { type: 'keydown', key: '5', code: 'Numpad5', altKey: false, timeStamp: 50 },
    ];
    expect(typed(lost).text).toBe('5');
  });

  it('lets plain keypad digits through when Alt is not held', () => {
    expect(typed(plain('2024', 0)).text).toBe('2024');
  });

  it('forgets everything on reset', () => {
    const decoder = new AltNumpadDecoder();
    for (const event of altCode('7877', 0).slice(0, 4)) decoder.handle(event);
    decoder.reset();
    expect(typed(plain('a', 10), decoder).text).toBe('a');
  });

  it('never throws and answers a known action for any events', () => {
    const anyEvent = fc.record({
      type: fc.constantFrom('keydown', 'keyup', 'beforeinput'),
      key: fc.oneof(fc.constantFrom('Alt', '+', 'a', 'End', 'ễ', ''), fc.string()),
      code: fc.oneof(
        fc.constantFrom('AltLeft', 'Numpad1', 'Numpad0', 'NumpadAdd', 'KeyA', 'Digit3', ''),
        fc.string(),
      ),
      altKey: fc.boolean(),
      timeStamp: fc.double({ noNaN: false }),
      data: fc.option(fc.string()),
    }) as fc.Arbitrary<AltKeyEvent>;
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 40 }), (events) => {
        const decoder = new AltNumpadDecoder();
        return events.every((event) => {
          const outcome = decoder.handle(event);
          return (
            outcome.action === 'pass' ||
            outcome.action === 'swallow' ||
            (outcome.action === 'emit' && outcome.character.length > 0)
          );
        });
      }),
      { numRuns: 1000 },
    );
  });
});

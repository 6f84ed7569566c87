import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idFixture, idFixtures, type IdFixture } from '../../../tests/support/id-fixtures.ts';
import { keyboardLayouts } from './keyboard-layouts.ts';
import { diagnoseWedgeText, type WedgeDiagnosis } from './wedge-damage.ts';
import { wedgeDamageKinds, wedgeFixes, wedgeNotes } from './wedge-damage-codes.ts';
import {
  inputMethodSetups,
  loseCharacters,
  sendUtf8Bytes,
  typeThroughInputMethod,
  typeThroughLayout,
  type CharacterLoss,
} from './wedge-damage-test-helpers.ts';

const warns = (fixture: IdFixture, code: string) => fixture.expect.warnings?.includes(code) === true;
const readable = idFixtures().filter((fixture) => fixture.expect.ok);
const clean = readable.filter((fixture) => !warns(fixture, 'lost-diacritics'));
const cleanCccd = clean.filter((fixture) => fixture.expect.kind === 'cccd');
const cleanBhyt = clean.filter((fixture) => fixture.expect.kind === 'bhyt');
const named = (fixtures: readonly IdFixture[]) => fixtures.map((fixture) => [fixture.name, fixture] as const);

function damageOf(diagnosis: WedgeDiagnosis) {
  return diagnosis.kind === 'none' ? null : diagnosis;
}

describe('clean scans', () => {
  // Every fixture that reads without the parser's lost-diacritics warning (the two that have it
  // are damaged scans, below).
  it.each(named(clean))('%s: none', (_name, fixture) => {
    const diagnosis = diagnoseWedgeText(fixture.payload);
    expect(diagnosis.kind).toBe('none');
  });

  it('notes an upper-cased scan without calling it damage', () => {
    expect(diagnoseWedgeText(idFixture('cccd-2021-upper-cased-by-scanner').payload)).toEqual({
      kind: 'none',
      notes: ['upper-cased'],
    });
    for (const fixture of clean) {
      expect(diagnoseWedgeText(fixture.payload.toUpperCase()), fixture.name).toEqual({
        kind: 'none',
        notes: ['upper-cased'],
      });
    }
    expect(diagnoseWedgeText(idFixture('cccd-2021-0').payload)).toEqual({ kind: 'none', notes: [] });
  });

  it('keeps out of what is no card at all', () => {
    for (const text of ['', '   ', 'https://vssid.vn/install?id=1&x=é', 'Xin chào', '????']) {
      expect(diagnoseWedgeText(text).kind, text).toBe('none');
    }
  });

  it('reads NFD and padding as clean', () => {
    const payload = idFixture('cccd-2021-0').payload;
    expect(diagnoseWedgeText(`\r\n${payload.normalize('NFD')}\t`).kind).toBe('none');
  });
});

describe('lost characters', () => {
  it.each([
    ['cccd-2021-wedge-lost-diacritics-warns', ['??', 'C?ng', '??ng']],
    ['bhyt-2015-child-guardian-lost-diacritics', ['tr?n', 'th?', 'h?ng']],
  ])('%s', (name, evidence) => {
    expect(diagnoseWedgeText(idFixture(name).payload)).toEqual({
      kind: 'lost-characters',
      fix: 'scanner-unicode-or-hid-pos',
      evidence,
      confirmed: true,
      layout: null,
      others: [],
    });
  });

  const losses: readonly CharacterLoss[] = [
    'question-mark',
    'question-mark-per-byte',
    'replacement',
    'stripped',
  ];
  const cases = cleanCccd.flatMap((fixture) => losses.map((how) => [fixture.name, how, fixture] as const));

  it.each(cases)('%s, non-ASCII as %s', (_name, how, fixture) => {
    const damage = damageOf(diagnoseWedgeText(loseCharacters(fixture.payload, how)));
    expect(damage?.kind).toBe('lost-characters');
    expect(damage?.fix).toBe('scanner-unicode-or-hid-pos');
    expect(damage?.evidence.length).toBeGreaterThan(0);
  });

  it('calls "Nu" for "Nữ" lost, and an all-ASCII card only suspect', () => {
    const woman = damageOf(diagnoseWedgeText(loseCharacters(idFixture('cccd-2021-3').payload, 'stripped')));
    expect(woman).toMatchObject({ kind: 'lost-characters', evidence: ['Nu'], confirmed: true });
    const man = damageOf(diagnoseWedgeText(loseCharacters(idFixture('cccd-2021-0').payload, 'stripped')));
    expect(man).toMatchObject({ kind: 'lost-characters', confirmed: false });
  });

  it('does not judge an ASCII card with too little text to tell', () => {
    expect(diagnoseWedgeText('001099012345||Kim Minh Anh|01011999|Nam|12 Tran Phu|10072021').kind).toBe(
      'none',
    );
  });
});

describe('keyboard layout', () => {
  const cases = readable.flatMap((fixture) =>
    keyboardLayouts.flatMap((layout) =>
      (['lost', 'alt-codes'] as const).map((nonAscii) => [fixture.name, layout, nonAscii, fixture] as const),
    ),
  );

  it.each(cases)('%s typed on %s, non-ASCII %s', (_name, layout, nonAscii, fixture) => {
    const damage = damageOf(diagnoseWedgeText(typeThroughLayout(fixture.payload, layout, nonAscii)));
    expect(damage).toMatchObject({
      kind: 'keyboard-layout',
      fix: 'keyboard-layout-us',
      layout,
      confirmed: true,
    });
    expect(damage?.evidence).toHaveLength(1);
    // The scanner's own loss of non-ASCII characters shows too, once the layout is undone, and
    // letters it typed as Alt codes are not mistaken for lost ones.
    const lostToo = nonAscii === 'lost' && /[\u0080-\u{10ffff}]/u.test(fixture.payload);
    expect(damage?.others, 'others').toEqual(
      lostToo || warns(fixture, 'lost-diacritics') ? ['lost-characters'] : [],
    );
  });

  it.each([
    ['fr-azerty', 'à-àà-èà_-&è&µ&_-'],
    ['de-qwertz', "060067086171'186"],
    ['vi-windows', 'đ\u0309đđ\u0309\u0303đ\u0301\u0309ă\u0303ă|ă\u0301\u0309'],
  ] as const)('shows the start of the scan on %s', (layout, evidence) => {
    const typed = typeThroughLayout(idFixture('cccd-2021-0').payload, layout, 'alt-codes');
    expect(damageOf(diagnoseWedgeText(typed))?.evidence).toEqual([evidence]);
  });

  it('reads the Vietnamese layout back after the text was composed (NFC)', () => {
    for (const fixture of cleanCccd) {
      const typed = typeThroughLayout(fixture.payload, 'vi-windows', 'alt-codes').normalize('NFC');
      expect(damageOf(diagnoseWedgeText(typed))?.kind, fixture.name).toBe('keyboard-layout');
    }
  });

  it('recognises a cut scan by its card number alone', () => {
    const cut = typeThroughLayout(idFixture('cccd-2021-0').payload, 'fr-azerty', 'alt-codes').slice(0, 30);
    expect(damageOf(diagnoseWedgeText(cut))).toMatchObject({
      kind: 'keyboard-layout',
      layout: 'fr-azerty',
      confirmed: false,
    });
  });
});

describe('input method', () => {
  const cases = [...cleanBhyt, idFixture('bhyt-2015-child-guardian-lost-diacritics')].flatMap((fixture) =>
    inputMethodSetups.map((setup) => [fixture.name, setup.name, setup.options, fixture] as const),
  );

  it.each(cases)('BHYT %s through %s', (_name, _setup, options, fixture) => {
    const typed = typeThroughInputMethod(fixture.payload, options);
    const diagnosis = diagnoseWedgeText(typed);
    if (typed === fixture.payload) {
      // Unikey's defaults leave most hex alone: a digit inside a word stops its rewriting.
      expect(diagnosis).toEqual(diagnoseWedgeText(fixture.payload));
      return;
    }
    const damage = damageOf(diagnosis);
    expect(damage?.fix).toBe('input-method-off');
    const onlyStrokes = [...typed].every((character) => character.charCodeAt(0) < 128 || character === 'đ');
    if (onlyStrokes) {
      // "dd" → "đ" is the same under both methods (VNI types it from "d9").
      expect(['input-method-telex', 'input-method-vni']).toContain(damage?.kind);
    } else {
      expect(damage?.kind).toBe(options.method === 'vni' ? 'input-method-vni' : 'input-method-telex');
    }
    if (options.method === 'telex') expect(damage?.confirmed).toBe(true);
  });

  it.each(
    [
      ...cleanCccd,
      ...cleanCccd.map((fixture) => ({ ...fixture, payload: loseCharacters(fixture.payload, 'stripped') })),
    ].flatMap((fixture) =>
      inputMethodSetups.map((setup) => [fixture.name, setup.name, setup.options, fixture] as const),
    ),
  )('CCCD %s comes through %s unchanged', (_name, _setup, options, fixture) => {
    expect(typeThroughInputMethod(fixture.payload, options)).toBe(fixture.payload);
  });

  it('names the input method and the fix, with the damaged hex as evidence', () => {
    const typed = typeThroughInputMethod(
      idFixture('bhyt-2021-0').payload,
      inputMethodSetups[3]?.options ?? {},
    );
    expect(diagnoseWedgeText(typed)).toEqual({
      kind: 'input-method-telex',
      fix: 'input-method-off',
      evidence: ['54e1bâ1204b696d2', '75e1bâd6e2031322'],
      confirmed: true,
      layout: null,
      others: [],
    });
  });
});

describe('wrong encoding', () => {
  const cases = cleanCccd.flatMap((fixture) =>
    (['windows-1252', 'cp437'] as const).map((page) => [fixture.name, page, fixture] as const),
  );

  it.each(cases)('%s sent as UTF-8 bytes in %s', (_name, page, fixture) => {
    expect(damageOf(diagnoseWedgeText(sendUtf8Bytes(fixture.payload, page)))).toMatchObject({
      kind: 'wrong-encoding',
      fix: 'scanner-encoding-or-hid-pos',
      confirmed: true,
      others: [],
    });
  });

  it('shows where the bytes start', () => {
    const damage = damageOf(
      diagnoseWedgeText(sendUtf8Bytes(idFixture('cccd-2021-0').payload, 'windows-1252')),
    );
    expect(damage?.evidence).toEqual(['|Nguyá»…n ThÃ\u00a0nh']);
  });
});

describe('any text', () => {
  function wellFormed(diagnosis: WedgeDiagnosis): boolean {
    if (diagnosis.kind === 'none') return diagnosis.notes.every((note) => wedgeNotes.includes(note));
    return (
      wedgeDamageKinds.includes(diagnosis.kind) &&
      wedgeFixes.includes(diagnosis.fix) &&
      diagnosis.evidence.length <= 3 &&
      diagnosis.evidence.every((snippet) => snippet.length <= 16) &&
      diagnosis.others.every((kind) => wedgeDamageKinds.includes(kind) && kind !== diagnosis.kind)
    );
  }

  it('never throws and always answers a known shape', () => {
    const payloads = readable.map((fixture) => fixture.payload);
    const mutated = fc
      .tuple(
        fc.constantFrom(...payloads),
        fc.nat(),
        fc.nat({ max: 20 }),
        fc.string({ unit: 'binary', maxLength: 8 }),
      )
      .map(([payload, at, drop, insert]) => {
        const index = at % (payload.length + 1);
        return payload.slice(0, index) + insert + payload.slice(index + drop);
      });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string(), mutated), (text) =>
        wellFormed(diagnoseWedgeText(text)),
      ),
      { numRuns: 3000 },
    );
    expect(wellFormed(diagnoseWedgeText('x'.repeat(100_000)))).toBe(true);
  });

  it('is fast enough for every scan: well under 1 ms for a long payload', () => {
    const long = idFixture('bhyt-2015-0').payload; // 300 characters
    const damaged = typeThroughInputMethod(long, inputMethodSetups[3]?.options ?? {});
    const onLayout = typeThroughLayout(idFixture('cccd-2021-0').payload, 'vi-windows', 'alt-codes');
    for (const text of [long, damaged, onLayout]) {
      for (let warm = 0; warm < 200; warm += 1) diagnoseWedgeText(text);
      const runs = 500;
      const started = performance.now();
      for (let run = 0; run < runs; run += 1) diagnoseWedgeText(text);
      expect((performance.now() - started) / runs).toBeLessThan(1);
    }
  });
});

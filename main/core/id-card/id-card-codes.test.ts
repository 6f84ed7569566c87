import { describe, expect, it } from 'vitest';
import { idCardErrorCodes, idCardWarningCodes } from './id-card-code-lists.ts';
import { cardWarning, failure, idCardErrorMessages, idCardWarningMessages } from './id-card-codes.ts';

const kebab = /^[a-z]+(-[a-z0-9]+)*$/;

describe('id-card codes', () => {
  it('are unique lower-kebab strings, errors and warnings never sharing a code', () => {
    const all = [...idCardErrorCodes, ...idCardWarningCodes];
    expect(new Set(all).size).toBe(all.length);
    for (const code of all) expect(code).toMatch(kebab);
  });

  it('include the codes ID-CARDS.md and the issue name', () => {
    expect(idCardErrorCodes).toEqual(
      expect.arrayContaining([
        'not-an-id-payload',
        'payload-too-large',
        'bad-field-count',
        'bad-date',
        'bad-id-number',
        'bad-sex',
        'bad-hex',
        'bad-card-number',
      ]),
    );
    expect(idCardWarningCodes).toEqual(
      expect.arrayContaining([
        'id-sex-mismatch',
        'id-year-mismatch',
        'id-century-mismatch',
        'unknown-province',
        'lost-diacritics',
        'card-expired',
        'card-not-yet-valid',
      ]),
    );
  });

  it('have exactly one non-empty Vietnamese message per code', () => {
    expect(Object.keys(idCardErrorMessages).sort()).toEqual([...idCardErrorCodes].sort());
    expect(Object.keys(idCardWarningMessages).sort()).toEqual([...idCardWarningCodes].sort());
    const vietnamese = /[àáảãạăâđèéêìíòóôơùúưýỳ]/i;
    for (const message of [...Object.values(idCardErrorMessages), ...Object.values(idCardWarningMessages)]) {
      expect(message).toMatch(vietnamese);
    }
  });

  it('build shared, frozen results that nobody can reword', () => {
    const badDate = failure('bad-date');
    expect(badDate).toEqual({
      ok: false,
      error: { code: 'bad-date', message: idCardErrorMessages['bad-date'] },
    });
    expect(failure('bad-date')).toBe(badDate);
    expect(Object.isFrozen(badDate) && Object.isFrozen(badDate.error)).toBe(true);
    const expired = cardWarning('card-expired');
    expect(expired).toEqual({ code: 'card-expired', message: idCardWarningMessages['card-expired'] });
    expect(Object.isFrozen(expired)).toBe(true);
  });
});

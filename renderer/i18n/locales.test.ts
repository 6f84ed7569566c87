import { describe, expect, it } from 'vitest';
import { apiErrorCodes } from '../../preload/contract/api-result.ts';
import { idCardErrorCodes, idCardWarningCodes } from '../../main/core/id-card/id-card-codes.ts';
import vi from './locales/vi.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

function lookup(tree: Tree, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);
}

// Vietnamese is the source language; every language the app ships has exactly its keys.
const shipped: Record<string, Tree> = { en };

describe('translations', () => {
  it.each(Object.keys(shipped))('%s has exactly the keys of vi', (language) => {
    expect(keys(shipped[language] as Tree).sort()).toEqual(keys(vi).sort());
  });

  it.each(Object.keys(shipped))('%s has no empty string', (language) => {
    for (const key of keys(shipped[language] as Tree))
      expect(lookup(shipped[language] as Tree, key), key).not.toBe('');
  });

  it('translates every ID-card error and warning code the parser can return', () => {
    for (const code of idCardErrorCodes)
      expect(lookup(vi, `cardError.${code}`), code).toEqual(expect.any(String));
    for (const code of idCardWarningCodes)
      expect(lookup(vi, `cardWarning.${code}`), code).toEqual(expect.any(String));
  });

  it('translates every API error code of the transport', () => {
    for (const code of apiErrorCodes)
      expect(lookup(vi, `apiError.${code}`), code).toEqual(expect.any(String));
  });

  it('has no translation for a code that does not exist', () => {
    expect(Object.keys(vi.cardError).sort()).toEqual([...idCardErrorCodes].sort());
    expect(Object.keys(vi.cardWarning).sort()).toEqual([...idCardWarningCodes].sort());
  });
});

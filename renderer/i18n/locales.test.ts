import { describe, expect, it } from 'vitest';
import { idCardErrorCodes, idCardWarningCodes } from '../../main/core/id-card/id-card-code-lists.ts';
import { errorCodes, fieldIssueCodes } from '../../preload/contract/error-codes.ts';
import { keyboardLayouts } from '../../main/core/scan/keyboard-layouts.ts';
import { wedgeDamageKinds, wedgeFixes } from '../../main/core/scan/wedge-damage-codes.ts';
import { printFailureCodes, printJobStates } from '../../preload/contract/areas/print.ts';
import { scanSources } from '../../preload/contract/areas/scan.ts';
import { syncErrorKinds } from '../../preload/contract/areas/sync.ts';
import { startupPhases } from '../../preload/contract/areas/startup.ts';
import { shippedLanguages } from './setup-i18n.ts';

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
// The kiosk's texts (locales/kiosk/*.json) are merged in under `kiosk`, so they are checked too.
const languages: Record<string, Tree> = shippedLanguages as unknown as Record<string, Tree>;
const vi = shippedLanguages.vi;
const others = Object.keys(languages).filter((language) => language !== 'vi');

describe('translations', () => {
  it.each(others)('%s has exactly the keys of vi', (language) => {
    expect(keys(languages[language] as Tree).sort()).toEqual(keys(vi).sort());
  });

  it.each(Object.keys(languages))('%s has no empty string', (language) => {
    for (const key of keys(languages[language] as Tree))
      expect(lookup(languages[language] as Tree, key), key).not.toBe('');
  });

  // Every code the API can answer with, in every shipped language (codes × languages).
  const codesByLanguage = Object.keys(languages).flatMap((language) =>
    errorCodes.map((code) => [language, code]),
  );
  it.each(codesByLanguage)('%s translates the API error code %s', (language, code) => {
    expect(lookup(languages[language as string] as Tree, `apiError.${code}`)).toEqual(expect.any(String));
  });

  it('has no API error translation for a code that is not in the catalogue', () => {
    expect(Object.keys(vi.apiError).sort()).toEqual([...errorCodes, 'unknown'].sort());
  });

  it('translates every ID-card error and warning code, every sync error kind, start-up phase, field-issue kind, scan source, scan damage, print failure and print job state', () => {
    for (const language of Object.values(languages)) {
      for (const code of idCardErrorCodes)
        expect(lookup(language, `cardError.${code}`), code).toEqual(expect.any(String));
      for (const code of idCardWarningCodes)
        expect(lookup(language, `cardWarning.${code}`), code).toEqual(expect.any(String));
      for (const kind of syncErrorKinds)
        expect(lookup(language, `sync.error.${kind}`), kind).toEqual(expect.any(String));
      for (const phase of startupPhases)
        expect(lookup(language, `startup.phase.${phase}`), phase).toEqual(expect.any(String));
      for (const code of fieldIssueCodes)
        expect(lookup(language, `fieldIssue.${code}`), code).toEqual(expect.any(String));
      for (const kind of wedgeDamageKinds)
        expect(lookup(language, `scanDamage.${kind}`), kind).toEqual(expect.any(String));
      for (const fix of wedgeFixes)
        expect(lookup(language, `scanFix.${fix}`), fix).toEqual(expect.any(String));
      for (const layout of keyboardLayouts)
        expect(lookup(language, `scanLayout.${layout}`), layout).toEqual(expect.any(String));
      for (const source of scanSources)
        expect(lookup(language, `scanSource.${source}`), source).toEqual(expect.any(String));
      for (const code of printFailureCodes)
        expect(lookup(language, `printFailure.${code}`), code).toEqual(expect.any(String));
      for (const state of printJobStates)
        expect(lookup(language, `printJobState.${state}`), state).toEqual(expect.any(String));
    }
    expect(Object.keys(vi.printFailure).sort()).toEqual([...printFailureCodes].sort());
    expect(Object.keys(vi.cardError).sort()).toEqual([...idCardErrorCodes].sort());
    expect(Object.keys(vi.cardWarning).sort()).toEqual([...idCardWarningCodes].sort());
  });
});

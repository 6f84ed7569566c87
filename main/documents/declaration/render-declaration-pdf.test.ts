import { describe, expect, it } from 'vitest';
import { documentedRegistration } from '../../../tests/fixtures/documented-registration.ts';
import { loadedFontKeys } from './declaration-fonts.ts';
import { defaultDeclarationTemplate } from './load-declaration-template.ts';
import {
  DeclarationRenderError,
  renderDeclarationDocument,
  renderDeclarationPdf,
  type DeclarationInput,
} from './render-declaration-pdf.ts';

const input: DeclarationInput = {
  registration: documentedRegistration,
  office: { code: '07921', name: null },
  printedAt: new Date('2026-11-21T02:30:00Z'),
  summaryLanguage: null,
  training: false,
};

describe('renderDeclarationPdf', () => {
  it('refuses a registration that fails its schema, naming the fields', async () => {
    const broken = { ...documentedRegistration, socialInsuranceNumber: '12', fullName: '' };
    const error = await renderDeclarationPdf(
      { ...input, registration: broken },
      defaultDeclarationTemplate,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeclarationRenderError);
    expect((error as DeclarationRenderError).code).toBe('declaration-registration-invalid');
    expect((error as DeclarationRenderError).issues.join('\n')).toMatch(
      /socialInsuranceNumber[\s\S]*fullName|fullName[\s\S]*socialInsuranceNumber/,
    );
  });

  it('refuses an invalid printedAt', async () => {
    await expect(
      renderDeclarationPdf({ ...input, printedAt: new Date('x') }, defaultDeclarationTemplate),
    ).rejects.toMatchObject({
      code: 'declaration-input-invalid',
    });
  });

  it('gives the same bytes for the same input, and different ones for another print time', async () => {
    const first = await renderDeclarationPdf(input, defaultDeclarationTemplate);
    const second = await renderDeclarationPdf(input, defaultDeclarationTemplate);
    expect(first.equals(second)).toBe(true);
    const later = await renderDeclarationPdf(
      { ...input, printedAt: new Date('2026-11-22T02:30:00Z') },
      defaultDeclarationTemplate,
    );
    expect(later.equals(first)).toBe(false);
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('reads a CJK font only for a summary in that language', async () => {
    await renderDeclarationPdf({ ...input, summaryLanguage: 'en' }, defaultDeclarationTemplate);
    expect(loadedFontKeys().sort()).toEqual(['vietnameseBold', 'vietnameseRegular']);
    const korean = await renderDeclarationDocument(
      { ...input, summaryLanguage: 'ko' },
      defaultDeclarationTemplate,
    );
    expect(korean.pages).toBe(2);
    expect(loadedFontKeys()).toContain('korean');
    expect(loadedFontKeys()).not.toContain('chinese');
  });

  it('prints on A5 when asked', async () => {
    const pdf = await renderDeclarationPdf({ ...input, paperSize: 'A5' }, defaultDeclarationTemplate);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 419\.53 595\.28\]/);
  });
});

import { describe, expect, it } from 'vitest';
import { documentedRegistration } from '../../../tests/fixtures/documented-registration.ts';
import { defaultDeclarationTemplate } from './load-declaration-template.ts';
import {
  declarationValues,
  displayCalendarDate,
  displayOffice,
  displayVietnamDateTime,
} from './declaration-values.ts';

const wording = {
  words: defaultDeclarationTemplate.values,
  officeFormat: defaultDeclarationTemplate.values.office,
  empty: defaultDeclarationTemplate.values.empty,
};

describe('declaration values', () => {
  it('writes dates as dd/MM/yyyy and instants on Vietnam time', () => {
    expect(displayCalendarDate('1992-04-17')).toBe('17/04/1992');
    // 20:30 UTC is already the next day in Hà Nội.
    expect(displayVietnamDateTime('2026-11-20T20:30:00Z')).toBe('21/11/2026 03:30');
  });

  it('prints the office by name and code, or the code alone', () => {
    expect(displayOffice({ code: '07921', name: 'BHXH khu vực Sài Gòn' }, '{name} (mã {code})')).toBe(
      'BHXH khu vực Sài Gòn (mã 07921)',
    );
    expect(displayOffice({ code: '99999', name: null }, '{name} (mã {code})')).toBe('99999');
  });

  it('words sex, document type and channel in Vietnamese, and fills blanks', () => {
    const values = declarationValues(
      { ...documentedRegistration, email: null, sex: 'female' },
      { code: '07921', name: null },
      wording,
    );
    expect(values.sex).toEqual({ text: 'Nữ', origin: 'words' });
    expect(values.idDocumentType.text).toBe('Thẻ Căn cước công dân / Thẻ Căn cước');
    expect(values.channel.text).toBe('Cổng Dịch vụ công');
    expect(values.email.text).toBe('—');
    expect(values.submittedAt.text).toBe('20/11/2026 15:15');
    expect(values.guardianFullName.text).toBe('—');
  });

  it('sanitizes what the citizen typed', () => {
    const values = declarationValues(
      { ...documentedRegistration, fullName: '\u202eTrịnh\u0000 Quang' },
      { code: '07921', name: null },
      wording,
    );
    expect(values.fullName.text).toBe('Trịnh Quang');
  });
});

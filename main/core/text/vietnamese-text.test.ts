import { describe, expect, it } from 'vitest';
import { nameComparisonKey, nameSearchKey, stripDiacritics, tidyText } from './vietnamese-text.ts';

describe('vietnamese text', () => {
  it('keeps diacritics in the comparison key, so Hùng and Hưng stay different', () => {
    expect(nameComparisonKey('Nguyễn Văn Hùng')).not.toBe(nameComparisonKey('Nguyễn Văn Hưng'));
  });

  it('folds case, NFD input and whitespace in the comparison key', () => {
    const decomposed = 'NGUYỄN  VĂN\tHÙNG'.normalize('NFD');
    expect(nameComparisonKey(decomposed)).toBe(nameComparisonKey(' Nguyễn Văn Hùng '));
  });

  it('folds diacritics and the stroke of đ for search', () => {
    expect(nameSearchKey('Đặng Thị  Ngọc Ánh')).toBe('dang thi ngoc anh');
    expect(stripDiacritics('Đỗ Đức')).toBe('Do Duc');
  });

  it('tidies to NFC', () => {
    expect(tidyText('Ánh'.normalize('NFD'))).toBe('Ánh'.normalize('NFC'));
  });
});

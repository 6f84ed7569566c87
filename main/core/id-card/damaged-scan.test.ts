import { describe, expect, it } from 'vitest';
import { isDamagedAddress, isDamagedName } from './damaged-scan.ts';
import { textTraits } from './field-text.ts';

const damagedName = (name: string, address: string) => isDamagedName(textTraits(name), textTraits(address));

describe('damaged scan', () => {
  it('flags a `?` or U+FFFD where a letter was', () => {
    expect(damagedName('?? C?ng ??ng', 'Xóm 3, Xã Nghi Phong')).toBe(true);
    expect(damagedName('tr?n th? h?ng', '')).toBe(true);
    expect(damagedName('Nguy\ufffdn Văn A', 'Hà Nội')).toBe(true);
  });

  it('flags a plain-ASCII name when the address on the card kept its diacritics', () => {
    expect(damagedName('Nguyen Van Hung', 'Xóm 3, Xã Nghi Phong')).toBe(true);
  });

  it('does not flag names that kept their diacritics, upper-cased or not', () => {
    expect(damagedName('Nguyễn Văn Hùng', 'Xóm 3, Xã Nghi Phong')).toBe(false);
    expect(damagedName('VÕ HỮU NHÂN', 'KHU PHỐ 4, PHƯỜNG TÂN HIỆP')).toBe(false);
  });

  it('does not judge an ASCII name when nothing on the card shows diacritics', () => {
    expect(damagedName('Kim Minh Anh', '')).toBe(false);
    expect(damagedName('Kim Minh Anh', '12 Tran Phu')).toBe(false);
  });

  it('flags an address that lost characters', () => {
    expect(isDamagedAddress(textTraits('X?m 3, X? Nghi Phong'))).toBe(true);
    expect(isDamagedAddress(textTraits('Xóm 3, Xã Nghi Phong'))).toBe(false);
  });
});

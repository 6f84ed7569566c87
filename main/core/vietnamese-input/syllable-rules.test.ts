import { describe, expect, it } from 'vitest';
import { analyseSyllable, tonePosition, type SyllableState, type ToneStyle } from './syllable-rules.ts';

describe('syllable rules', () => {
  it.each<[string, string, string, string, SyllableState]>([
    ['nguyên', 'ng', 'uyê', 'n', 'complete'],
    ['nguyen', 'ng', 'uye', 'n', 'prefix'],
    ['gia', 'gi', 'a', '', 'complete'],
    ['gin', 'g', 'i', 'n', 'complete'],
    ['giêng', 'gi', 'ê', 'ng', 'complete'],
    ['quy', 'qu', 'y', '', 'complete'],
    ['quynh', 'qu', 'y', 'nh', 'complete'],
    ['q', 'q', '', '', 'prefix'],
    ['ngh', 'ngh', '', '', 'prefix'],
    ['tuan', 't', 'ua', 'n', 'prefix'],
    ['tuân', 't', 'uâ', 'n', 'complete'],
    ['thuơ', 'th', 'uơ', '', 'complete'],
    ['thuơn', 'th', 'uơ', 'n', 'invalid'],
    ['smith', 'sm', 'i', 'th', 'invalid'],
    ['ke', 'k', 'e', '', 'complete'],
    ['ka', 'k', 'a', '', 'invalid'],
    ['quu', 'qu', 'u', '', 'invalid'],
    ['xoong', 'x', 'oo', 'ng', 'invalid'],
    ['ac', '', 'a', 'c', 'complete'],
    ['ênh', '', 'ê', 'nh', 'complete'],
    ['êng', '', 'ê', 'ng', 'invalid'],
    ['', '', '', '', 'prefix'],
  ])('%s = %s + %s + %s: %s', (word, onset, nucleus, coda, state) => {
    const analysed = analyseSyllable(word);
    expect(analysed.parts).toMatchObject({ onset, nucleus, coda });
    expect(analysed.state).toBe(state);
  });

  it.each<[string, ToneStyle, number]>([
    ['hoa', 'modern', 2],
    ['hoa', 'classic', 1],
    ['hoang', 'classic', 2],
    ['thuy', 'modern', 3],
    ['thuy', 'classic', 2],
    ['khoe', 'modern', 3],
    ['khoe', 'classic', 2],
    ['huynh', 'classic', 2],
    ['gia', 'classic', 2],
    ['quy', 'classic', 2],
    ['ngươi', 'classic', 3],
    ['trương', 'classic', 3],
    ['tiên', 'classic', 2],
    ['muôn', 'classic', 2],
    ['mua', 'modern', 1],
    ['mưa', 'modern', 1],
    ['xoai', 'modern', 2],
    ['khuyu', 'modern', 3],
    ['tuân', 'modern', 2],
    ['yêu', 'modern', 1],
    ['chuyên', 'modern', 4],
  ])('the tone of %s (%s) goes on letter %i', (word, style, position) => {
    expect(tonePosition(analyseSyllable(word).parts, style)).toBe(position);
  });
});

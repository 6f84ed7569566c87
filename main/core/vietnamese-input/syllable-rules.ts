// What a Vietnamese syllable may be: onset consonant + vowel nucleus + final consonant, and which
// of them go together. The engine asks two questions of these tables: "is this still (or already)
// Vietnamese?" — a word that cannot be Vietnamese is left as typed — and "which vowel carries the
// tone?". The tables follow the sequences Unikey accepts (its ukengine.cpp), written out here as
// data; the incomplete nuclei ("ie", "uo" …) are there because they are what one types on the way
// to "iê", "ươ" …, not because they are words.

import { isVowel } from './vietnamese-letters.ts';

/** Modern ("hoà", "thuỷ", "khoẻ") or classic ("hòa", "thủy", "khỏe") placement of the tone. */
export type ToneStyle = 'modern' | 'classic';

const onsets = new Set([
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'gh',
  'gi',
  'h',
  'k',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'ngh',
  'nh',
  'p',
  'ph',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
]);

/**
 * The finals that forbid huyền, hỏi and ngã ("các", "cạc", never "cảc"). "k" ends the Central
 * Highlands' place names written the Vietnamese way (Đắk Lắk, Buôn Đôn's Búk): a stop like "c".
 */
export const stopCodas = new Set(['c', 'ch', 'p', 't', 'k']);

interface NucleusRule {
  /** False for the sequences that are only typed on the way to another ("ie" before "iê"). */
  complete: boolean;
  /** The finals it takes; a final marked `?` is accepted only on the way ("luan" before "luân"). */
  codas: ReadonlyMap<string, boolean>;
}

// nucleus, complete (+) or on the way (-), the finals it takes.
const nucleusTable: ReadonlyArray<readonly [string, '+' | '-', string]> = [
  ['a', '+', 'c ch m n ng nh p t'],
  ['ă', '+', 'c m n ng p t'],
  ['â', '+', 'c m n ng p t'],
  ['e', '+', 'c ch m n ng nh p t'],
  ['ê', '+', 'c ch m n nh p t'],
  ['i', '+', 'c ch m n nh p t'],
  ['o', '+', 'c m n ng p t'],
  ['ô', '+', 'c m n ng p t'],
  ['ơ', '+', 'm n p t'],
  ['u', '+', 'c m n ng p t'],
  ['ư', '+', 'c m n ng t'],
  ['y', '+', 't'],
  ['ai', '+', ''],
  ['ao', '+', ''],
  ['au', '+', ''],
  ['ay', '+', ''],
  ['âu', '+', ''],
  ['ây', '+', ''],
  ['eo', '+', ''],
  ['eu', '-', ''],
  ['êu', '+', ''],
  ['ia', '+', ''],
  ['ie', '-', 'c m n ng p t'],
  ['iê', '+', 'c m n ng p t'],
  ['iu', '+', ''],
  ['oa', '+', 'c ch m n ng nh p t'],
  ['oă', '+', 'c m n ng t'],
  ['oe', '+', 'n t'],
  ['oi', '+', ''],
  ['ôi', '+', ''],
  ['ơi', '+', ''],
  ['ua', '+', 'n? ng? t?'],
  ['uâ', '+', 'n ng t'],
  ['ue', '-', 'c ch n nh'],
  ['uê', '+', 'c ch n nh'],
  ['ui', '+', ''],
  ['uo', '-', 'c m n ng p t'],
  ['uô', '+', 'c m n ng t'],
  ['uơ', '+', ''],
  ['uu', '-', ''],
  ['uy', '+', 'c ch n nh p t'],
  ['ưa', '+', ''],
  ['ưi', '+', ''],
  ['ưo', '-', 'c m n ng p t'],
  ['ươ', '+', 'c m n ng p t'],
  ['ưu', '+', ''],
  ['ye', '-', 'm n ng t'],
  ['yê', '+', 'm n ng t'],
  ['ieu', '-', ''],
  ['iêu', '+', ''],
  ['oai', '+', ''],
  ['oay', '+', ''],
  ['oeo', '+', ''],
  ['uay', '-', ''],
  ['uây', '+', ''],
  ['uoi', '-', ''],
  ['uôi', '+', ''],
  ['uou', '-', ''],
  ['uơi', '-', ''],
  ['uơu', '-', ''],
  ['uya', '+', ''],
  ['uye', '-', 'n t'],
  ['uyê', '+', 'n t'],
  ['uyu', '+', ''],
  ['ưoi', '-', ''],
  ['ưou', '-', ''],
  ['ươi', '+', ''],
  ['ươu', '+', ''],
  ['yeu', '-', ''],
  ['yêu', '+', ''],
];

const nuclei: ReadonlyMap<string, NucleusRule> = new Map(
  nucleusTable.map(([nucleus, complete, codas]) => [
    nucleus,
    {
      complete: complete === '+',
      codas: new Map(
        codas
          .split(' ')
          .filter((coda) => coda.length > 0)
          .map((coda) => [coda.replace('?', ''), !coda.endsWith('?')]),
      ),
    },
  ]),
);

export function isNucleus(letters: string): boolean {
  return nuclei.has(letters);
}

/** A word split into onset, nucleus and final; `nucleusStart` indexes the word's letters. */
export interface SyllableParts {
  onset: string;
  nucleus: string;
  coda: string;
  nucleusStart: number;
}

/** `complete`: a syllable; `prefix`: the start of one; `invalid`: cannot become Vietnamese. */
export type SyllableState = 'complete' | 'prefix' | 'invalid';

function partsAt(word: string, nucleusStart: number): SyllableParts {
  let codaStart = nucleusStart;
  while (codaStart < word.length && isVowel(word[codaStart])) codaStart += 1;
  return {
    onset: word.slice(0, nucleusStart),
    nucleus: word.slice(nucleusStart, codaStart),
    coda: word.slice(codaStart),
    nucleusStart,
  };
}

function onsetFits(onset: string, nucleus: string): boolean {
  const first = nucleus[0];
  if (onset === 'gi') return first !== 'i';
  if (onset === 'qu') return first !== 'u' && first !== 'ư';
  if (onset === 'k') return first === 'e' || first === 'ê' || first === 'i' || first === 'y';
  return true;
}

/**
 * The finals that break the nucleus rule yet are words: "quỳnh", "giếng", and the final "k" of
 * place names an address must hold (Đắk Lắk, Đắk Nông, Krông Búk, Ea Kar's Pắk).
 */
function isCodaException(parts: SyllableParts): boolean {
  const { onset, nucleus, coda } = parts;
  if (coda === 'k') return kNuclei.has(nucleus);
  if (onset === 'qu' && nucleus === 'y') return coda === 'n' || coda === 'nh';
  if (onset === 'gi' && (nucleus === 'e' || nucleus === 'ê')) return coda === 'n' || coda === 'ng';
  return false;
}

const kNuclei = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư']);

function classifyParts(parts: SyllableParts): SyllableState {
  const { onset, nucleus, coda } = parts;
  // A lone "q" is only ever the start of "qu".
  if (onset !== '' && !onsets.has(onset) && !(onset === 'q' && nucleus === '' && coda === '')) {
    return 'invalid';
  }
  if (nucleus === '') return coda === '' ? 'prefix' : 'invalid';
  const rule = nuclei.get(nucleus);
  if (rule === undefined || !onsetFits(onset, nucleus)) return 'invalid';
  if (coda === '') return rule.complete ? 'complete' : 'prefix';
  const codaComplete = rule.codas.get(coda);
  if (codaComplete === undefined) {
    if (isCodaException(parts)) return 'complete';
    // "c", "n" typed on the way to "ch", "ng", "nh".
    for (const allowed of rule.codas.keys()) if (allowed.startsWith(coda)) return 'prefix';
    return 'invalid';
  }
  return rule.complete && codaComplete ? 'complete' : 'prefix';
}

/**
 * Splits a lower-case word into its parts and says what it is. "gi" and "qu" are onsets when a
 * vowel follows ("già", "quý": the tone is not on their i/u); "gì", "gìn" have the nucleus i.
 */
export function analyseSyllable(word: string): { parts: SyllableParts; state: SyllableState } {
  let nucleusStart = 0;
  while (nucleusStart < word.length && !isVowel(word[nucleusStart])) nucleusStart += 1;
  if (word.startsWith('qu')) nucleusStart = 2;
  else if (word.startsWith('gi') && nucleusStart === 1 && isVowel(word[2])) {
    const withGi = partsAt(word, 2);
    const state = classifyParts(withGi);
    if (state !== 'invalid') return { parts: withGi, state };
  }
  const parts = partsAt(word, nucleusStart);
  return { parts, state: classifyParts(parts) };
}

/** The index in the word of the vowel that carries the tone (the nucleus must not be empty). */
export function tonePosition(parts: SyllableParts, style: ToneStyle): number {
  const { nucleus, coda, nucleusStart } = parts;
  return nucleusStart + toneOffset(nucleus, coda !== '', style);
}

function toneOffset(nucleus: string, hasCoda: boolean, style: ToneStyle): number {
  if (nucleus.length === 1) return 0;
  // A vowel with a shape mark takes the tone; in "ươ" it is the ơ ("người", "trường").
  const horn = nucleus.indexOf('ươ');
  if (horn >= 0) return horn + 1;
  for (let index = 0; index < nucleus.length; index += 1) {
    if ('ăâêôơư'.includes(nucleus[index] as string)) return index;
  }
  if (nucleus.length === 3) return 1; // oai, oay, oeo, uya, uyu
  if (style === 'modern' && (nucleus === 'oa' || nucleus === 'oe' || nucleus === 'uy')) return 1;
  // "mía", "túi", "hòa" (classic) — but "hoàng", "huỳnh", "tiến": a final moves it on.
  return hasCoda ? 1 : 0;
}

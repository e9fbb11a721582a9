/**
 * Internal: the adjective under a derived word the lexicons do not list, so a listed adjective
 * reads its derived forms: adverbs ("jodidamente" -> "jodida", "affreusement" -> "affreuse",
 * "horrivelmente" -> "horrivel"), Spanish and Portuguese diminutives ("asquito" -> "asco",
 * "nerviosita" -> "nerviosa", "chatinho" -> "chato", "dorzinha" -> "dor"), the Portuguese
 * augmentative in -ona ("chatona" -> "chata") and English superlatives ("rudest" -> "rude",
 * "saddest" -> "sad", "ugliest" -> "ugly"). The stemmers leave these whole or cut them short of
 * the adjective. Spelling rules from the standard grammars, on folded words; a candidate is only a
 * guess, which `sentiment.ts` keeps when it is a rated word.
 */
import { superlativeBase } from './superlative-forms';

/** How a derived word relates to its adjective: its weight is the adjective's times `factor`. */
export type Derivation = 'adverb' | 'diminutive' | 'augmentative' | 'superlative';

export interface DerivedBase {
  /** Folded candidate adjective. */
  base: string;
  derivation: Derivation;
}

/** The shortest stem a suffix may leave: "cita" and "vinho" are words, not "c" + "ita", "v" + "inho". */
const MIN_STEM = 3;

/** Spanish and Portuguese write "c"/"g" as "qu"/"gu" before "i": "poquito" is "poco", "amiguinho" "amigo". */
function undoSpelling(stem: string): string {
  if (stem.endsWith('qu')) return `${stem.slice(0, -2)}c`;
  if (stem.endsWith('gu')) return stem.slice(0, -1);
  return stem;
}

function adverb(word: string, suffix: string, out: DerivedBase[]): void {
  if (word.length - suffix.length >= MIN_STEM + 1 && word.endsWith(suffix)) out.push({ base: word.slice(0, -suffix.length), derivation: 'adverb' });
}

function spanish(word: string, out: DerivedBase[]): void {
  adverb(word, 'mente', out);
  // -ito/-ita(s) replace the final vowel ("lentita" -> "lenta"); -cito follows -e and consonants ("tristecito" -> "triste").
  const small = /^(\p{L}+?)(c?)it([oa]s?)$/u.exec(word);
  if (small) {
    const [, stem = '', c = '', ending = ''] = small;
    if (stem.length >= MIN_STEM) out.push({ base: undoSpelling(stem) + ending, derivation: 'diminutive' });
    if (c && stem.length >= MIN_STEM) out.push({ base: stem, derivation: 'diminutive' });
  }
}

function portuguese(word: string, out: DerivedBase[]): void {
  adverb(word, 'mente', out);
  // -zinho/-zinha follow a whole word ("dorzinha" -> "dor"); -inho/-inha replace the final vowel ("chatinho" -> "chato", "tristinha" -> "triste").
  const small = /^(\p{L}+?)(z?)inh([oa])(s?)$/u.exec(word);
  if (small) {
    const [, stem = '', z = '', vowel = '', plural = ''] = small;
    if (z && stem.length >= MIN_STEM - 1) out.push({ base: stem + plural, derivation: 'diminutive' });
    const whole = stem + z;
    if (whole.length >= MIN_STEM) {
      out.push({ base: undoSpelling(whole) + vowel + plural, derivation: 'diminutive' });
      out.push({ base: `${whole}e${plural}`, derivation: 'diminutive' });
    }
  }
  const large = /^(\p{L}{3,})ona(s?)$/u.exec(word);
  if (large) out.push({ base: `${large[1]}a${large[2]}`, derivation: 'augmentative' });
}

function french(word: string, out: DerivedBase[]): void {
  // "méchamment" is "méchant", "violemment" "violent"; other adverbs add -ment to the feminine ("affreusement").
  if (word.length >= MIN_STEM + 6 && /[ae]mment$/.test(word)) out.push({ base: `${word.slice(0, -5)}nt`, derivation: 'adverb' });
  else if (/[aeiu]ment$/.test(word)) adverb(word, 'ment', out);
}

function english(word: string, out: DerivedBase[]): void {
  if (word.length < MIN_STEM + 3) return;
  if (word.endsWith('iest')) out.push({ base: `${word.slice(0, -4)}y`, derivation: 'superlative' });
  else if (word.endsWith('est')) {
    const stem = word.slice(0, -3);
    out.push({ base: stem, derivation: 'superlative' }, { base: `${stem}e`, derivation: 'superlative' });
    // "saddest", "maddest": the doubled consonant is spelling.
    if (stem.at(-1) === stem.at(-2)) out.push({ base: stem.slice(0, -1), derivation: 'superlative' });
  }
}

const RULES: Readonly<Record<string, (word: string, out: DerivedBase[]) => void>> = { es: spanish, pt: portuguese, fr: french, en: english };

/**
 * The candidate adjectives under folded `word` in `language` (ISO 639-1), most likely first;
 * empty when `word` has no derivational ending the language's rules know. Spanish and Portuguese
 * absolute superlatives come from `superlative-forms.ts`.
 */
export function derivedBases(language: string, word: string): DerivedBase[] {
  const out: DerivedBase[] = [];
  const superlative = superlativeBase(language, word);
  if (superlative !== undefined) out.push({ base: superlative, derivation: 'superlative' });
  RULES[language]?.(word, out);
  return out;
}

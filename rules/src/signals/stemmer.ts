/**
 * Internal: memoised Snowball stemming per language (nlp.js stemmers, called through their
 * synchronous core so their unbounded per-instance cache is bypassed). Languages without a
 * stemmer stem to the folded word itself.
 */
import { languagePack } from './language-packs';

/** Most distinct words remembered per language before the memo starts over. */
const MEMO_LIMIT = 50_000;
const memos = new Map<string, Map<string, string>>();

/**
 * What the stemmers miss on folded words, undone before stemming. Folding drops the accent
 * Snowball's French stemmer reads a feminine participle by ("volée" -> "volee" stems to "vole",
 * apart from "volé" -> "vol"): it is put back, so "ma carte a été volée" meets a lexicon's "volé".
 * The Portuguese and Spanish stemmers leave the plurals of "-ão" and "-ción" apart from their
 * singulars ("cartões" -> "carto", "cartão" -> "carta"; "cancelaciones" -> "cancelacion",
 * "cancelación" -> "cancel"): the plural is read as its singular, so "roubaram meus cartões" meets
 * "cartão". Short words stay as written ("caos" is no plural).
 */
function readableByStemmer(language: string, word: string): string {
  switch (language) {
    case 'fr':
      return word.replace(/ee(s?)$/, 'ée$1');
    case 'pt':
      return word.length >= 5 ? word.replace(/(?:oes|aos)$/, 'ao') : word;
    case 'es':
      return word.replace(/([cs])iones$/, '$1ion');
    default:
      return word;
  }
}

/**
 * Stem of a folded word (`"charged"` -> `"charg"` in `en`, `"cobraron"` -> `"cobr"` in `es`).
 * Pure: the memo only saves work, so equal inputs always give equal stems.
 */
export function stem(language: string, word: string): string {
  let memo = memos.get(language);
  if (!memo) {
    memo = new Map();
    memos.set(language, memo);
  }
  const known = memo.get(word);
  if (known !== undefined) return known;
  const pack = languagePack(language);
  let result = word;
  if (pack && word.length > 2 && !/\d/.test(word)) {
    pack.stemmer.setCurrent(readableByStemmer(language, word));
    pack.stemmer.innerStem();
    result = pack.stemmer.getCurrent() || word;
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, result);
  return result;
}

/** Shortest stem the lexicon matches by; a shorter one is a word's remnant ("tuer" -> "tu", "suing" -> "su"). */
export const MIN_MATCHING_STEM = 3;

/**
 * The key a lexicon word and a message word meet on: the stem, unless stemming left fewer than
 * `MIN_MATCHING_STEM` letters, then the word itself. A remnant that short is another language's
 * or the same language's function word ("tu", "su"): French "tuer" (kill) must not meet "tu"
 * (you), English "suing" not Spanish "su".
 * @param stemmed `stem(language, word)` when the caller has it already
 */
export function matchingStem(language: string, word: string, stemmed: string = stem(language, word)): string {
  return stemmed.length < MIN_MATCHING_STEM ? word : stemmed;
}

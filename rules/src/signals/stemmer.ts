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
    pack.stemmer.setCurrent(word);
    pack.stemmer.innerStem();
    result = pack.stemmer.getCurrent() || word;
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, result);
  return result;
}

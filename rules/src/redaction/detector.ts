/**
 * Internal: what every detector of the redaction stage returns, and the word boundaries their
 * patterns share.
 */

/** One stretch of the original text to mask, `[start, end)` in UTF-16 units. */
export interface RedactionSpan {
  start: number;
  end: number;
  /** What replaces the stretch, brackets included: `"[cvv]"`, `"[card ••••1234]"`. */
  replacement: string;
}

/**
 * Finds the stretches to mask in one text. `folded` is `text` after `foldForMatching` (same
 * length, accents stripped); keyword patterns read it, values are cut from `text`.
 */
export type Detector = (text: string, folded: string) => RedactionSpan[];

/** Regex source: no letter or digit just before (a Unicode-aware `\b` at a word's start). */
export const WORD_START = '(?<![\\p{L}\\p{N}_])';
/** Regex source: no letter or digit just after. */
export const WORD_END = '(?![\\p{L}\\p{N}_])';

/** Calls `onMatch` for every match of a global regex, resetting it first (module regexes are shared). */
export function eachMatch(regex: RegExp, text: string, onMatch: (match: RegExpExecArray) => void): void {
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    if (match[0].length > 0) onMatch(match);
    else regex.lastIndex = match.index + ((text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1);
  }
}

/**
 * Internal: typo tolerance for lexicon words. A word matches a lexicon word one edit away
 * (insertion, deletion or swap of neighbours: "acount", "hackd", "recieve"), keeping the first
 * letter. A substituted letter is accepted between vowels ("humen") or in long words only,
 * because other short substitutions are mostly other real words ("charged"/"changed").
 */

/** Shortest lexicon word that tolerates a typo. */
export const MIN_TYPO_LENGTH = 5;
/** Shortest lexicon word that tolerates a substituted letter. */
const MIN_SUBSTITUTION_LENGTH = 8;

const VOWELS = new Set([...'aeiouy'].map((c) => c.charCodeAt(0)));

function sameFrom(a: string, aFrom: number, b: string, bFrom: number): boolean {
  if (a.length - aFrom !== b.length - bFrom) return false;
  for (let i = 0; i < a.length - aFrom; i += 1) {
    if (a.charCodeAt(aFrom + i) !== b.charCodeAt(bFrom + i)) return false;
  }
  return true;
}

/**
 * True when `word` is `target` with one typo (see the header for which). Both are folded words.
 * Equal words are not typos and return false.
 */
export function isTypoOf(word: string, target: string): boolean {
  if (target.length < MIN_TYPO_LENGTH || word === target) return false;
  if (word.charCodeAt(0) !== target.charCodeAt(0)) return false;
  const delta = word.length - target.length;
  if (delta > 1 || delta < -1) return false;
  const shorter = delta < 0 ? word : target;
  const longer = delta < 0 ? target : word;
  let i = 0;
  while (i < shorter.length && shorter.charCodeAt(i) === longer.charCodeAt(i)) i += 1;
  if (delta !== 0) return sameFrom(longer, i + 1, shorter, i);
  const swapped =
    i + 1 < word.length &&
    word.charCodeAt(i) === target.charCodeAt(i + 1) &&
    word.charCodeAt(i + 1) === target.charCodeAt(i) &&
    sameFrom(word, i + 2, target, i + 2);
  if (swapped) return true;
  const vowelSwap = VOWELS.has(word.charCodeAt(i)) && VOWELS.has(target.charCodeAt(i));
  return (vowelSwap || target.length >= MIN_SUBSTITUTION_LENGTH) && sameFrom(word, i + 1, target, i + 1);
}

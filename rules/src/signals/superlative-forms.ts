/**
 * Internal: the base adjective of a Spanish or Portuguese absolute superlative ("cabreadísimo" ->
 * "cabreado", "chatíssima" -> "chata", "malísimo" -> "malo"), so a lexicon that lists the adjective
 * reads its intensified form. Spelling rules from the standard grammars, on folded words: -ísimo
 * (es) and -íssimo (pt) replace the final vowel, and "qu"/"gu" before them were "c"/"g"
 * ("riquísimo" -> "rico", "larguísimo" -> "largo"). Irregular forms ("pésimo", "paupérrimo") are
 * lexicon words of their own.
 */

const SUFFIX: Readonly<Record<string, RegExp>> = {
  es: /^(\p{L}{2,}?)isim([oa]s?)$/u,
  pt: /^(\p{L}{2,}?)issim([oa]s?)$/u,
};

/** The base form of a folded absolute superlative in `language`, or undefined when `word` is none. */
export function superlativeBase(language: string, word: string): string | undefined {
  const match = SUFFIX[language]?.exec(word);
  if (!match) return undefined;
  const [, stem = '', ending = ''] = match;
  const base = stem.endsWith('qu') ? `${stem.slice(0, -2)}c` : stem.endsWith('gu') ? `${stem.slice(0, -1)}` : stem;
  return base + ending;
}

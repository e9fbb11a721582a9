/**
 * Internal: the regular plural of a Portuguese, Spanish or French word, for lexicons whose
 * words are adjectives in the singular. The Snowball stemmers do not always give a singular and
 * its plural one stem (Portuguese "horrível" stays whole while "horríveis" stems to "horrív";
 * "péssimo" and "péssimos" part too), so a lexicon would miss "vocês são péssimos". Spelling
 * rules from the standard grammars of each language, on folded words (accents removed, as
 * lexicons and messages are compared); irregular plurals are left out.
 */

function portuguese(word: string): string[] {
  if (/vel$/.test(word)) return [`${word.slice(0, -3)}veis`];
  // Unstressed -il ("inútil") takes -eis, stressed -il ("hostil") -is; folding hid the accent that tells them apart.
  if (/il$/.test(word)) return [`${word.slice(0, -2)}eis`, `${word.slice(0, -1)}s`];
  if (/[aeiou]l$/.test(word)) return [`${word.slice(0, -1)}is`];
  if (/m$/.test(word)) return [`${word.slice(0, -1)}ns`];
  if (/[rz]$/.test(word)) return [`${word}es`];
  if (/[aeiou]$/.test(word)) return [`${word}s`];
  return [];
}

function spanish(word: string): string[] {
  if (/z$/.test(word)) return [`${word.slice(0, -1)}ces`];
  if (/[aeiou]$/.test(word)) return [`${word}s`];
  if (/[lrndj]$/.test(word)) return [`${word}es`];
  return [];
}

function french(word: string): string[] {
  if (/al$/.test(word)) return [`${word.slice(0, -2)}aux`];
  if (/eau$/.test(word)) return [`${word}x`];
  if (/[sxz]$/.test(word)) return [];
  return [`${word}s`];
}

const RULES: Readonly<Record<string, (word: string) => string[]>> = { pt: portuguese, es: spanish, fr: french };

/** The regular plural forms of `word` (folded, one word) in `language`; empty when there is none or no rule for the language. */
export function pluralsOf(language: string, word: string): string[] {
  if (word.includes(' ') || word.length < 3) return [];
  return RULES[language]?.(word) ?? [];
}

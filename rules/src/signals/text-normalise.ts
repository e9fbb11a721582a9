/**
 * Internal: turns message text into folded word tokens that every matcher of the signals stage
 * shares. Folding is lower-case, accents stripped, `ß` -> `ss` (what nlp.js's normalisers do
 * before stemming, so stems line up with its sentiment dictionaries).
 */

/** One word of a message, folded, with where it came from. */
export interface TextToken {
  /** Folded word: lower-case, no accents (`"Lächerlich"` -> `"lacherlich"`). */
  word: string;
  /** Offsets of the source word in the original text, `[start, end)` in UTF-16 units. */
  start: number;
  end: number;
  /** Sentence number (split at . ! ? ; : and line breaks, but not inside a number: "14.99"), from 0. */
  sentence: number;
  /**
   * Clause number by punctuation alone (sentences further split at commas, dashes and brackets,
   * not inside "12,99"), from 0. A language's "but"-words split clauses further: read clauses
   * through `clauseNumbers` (or `AnalysedText.clauses`), which knows the language.
   */
  punctuationClause: number;
  /** The source word was written in capitals (3+ letters, all upper-case). */
  shouted: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const SENTENCE_BREAK = /[.!?;:\n…]/;
/** One separator inside a number ("14.99", "12,99", "1,299", "10:30"): neither a sentence nor a clause break. */
const NUMBER_SEPARATOR = /^[.,:']$/;
const ENDS_IN_DIGIT = /\p{N}$/u;
const STARTS_WITH_DIGIT = /^\p{N}/u;
const CLAUSE_BREAK = /[,–—(){}[\]"“”«»]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const ASCII = /^[ -~\s]*$/;

/**
 * Words that open a new clause in each language, folded: negation and sentiment do not reach
 * across them. They are per language because folding makes one spelling mean two things:
 * French "mais" is "but" where Portuguese "mais" is "more" ("não preciso mais de…"), and
 * Portuguese "mas" is "but" where Spanish "más" folds to "mas", "more".
 */
const CLAUSE_OPENERS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(['but', 'however', 'although', 'though']),
  es: new Set(['pero', 'aunque', 'sino']),
  pt: new Set(['mas', 'porem', 'contudo', 'embora', 'entretanto']),
  de: new Set(['aber', 'sondern', 'jedoch', 'obwohl']),
  fr: new Set(['mais', 'cependant', 'pourtant']),
};
/** For a language without a list of its own: every listed word but the ones that mean "more" somewhere. */
const ANY_LANGUAGE_OPENERS: ReadonlySet<string> = new Set(
  Object.values(CLAUSE_OPENERS)
    .flatMap((openers) => [...openers])
    .filter((word) => word !== 'mas' && word !== 'mais'),
);

/** English contractions typed without the apostrophe, and the words they stand for. */
const BARE_CONTRACTIONS: Record<string, string[]> = {
  dont: ['do', 'not'],
  doesnt: ['does', 'not'],
  didnt: ['did', 'not'],
  cant: ['can', 'not'],
  wont: ['will', 'not'],
  isnt: ['is', 'not'],
  arent: ['are', 'not'],
  wasnt: ['was', 'not'],
  werent: ['were', 'not'],
  havent: ['have', 'not'],
  hasnt: ['has', 'not'],
  shouldnt: ['should', 'not'],
  couldnt: ['could', 'not'],
  wouldnt: ['would', 'not'],
  im: ['i', 'am'],
  ive: ['i', 'have'],
};

/** Lower-case, strip accents and fold `ß`; keeps the string otherwise intact. */
export function foldText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(/ß/g, 'ss');
}

/** Splits one folded source word into words: "don't" -> do, not; "j'ai" -> j, ai; "dont" -> do, not. */
function expandWord(folded: string): string[] {
  const bare = BARE_CONTRACTIONS[folded];
  if (bare) return bare;
  if (!/['’]/.test(folded)) return [folded];
  const unified = folded.replace(/’/g, "'");
  if (unified === "can't") return ['can', 'not'];
  if (unified === "won't") return ['will', 'not'];
  if (unified.endsWith("n't")) return [unified.slice(0, -3), 'not'];
  return unified.split("'").filter((part) => part.length > 0);
}

function isShouted(source: string): boolean {
  return source.length >= 3 && /\p{Lu}/u.test(source) && source === source.toUpperCase() && !/\p{N}/u.test(source);
}

/**
 * Tokenises `text` into folded words with offsets, sentence and punctuation-clause numbers.
 * Punctuation never becomes a token; it only advances the sentence and clause counters.
 */
export function tokenise(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let sentence = 0;
  let clause = 0;
  let previousEnd = 0;
  let previousSource = '';
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const source = match[0];
    const gap = text.slice(previousEnd, start);
    const insideNumber = NUMBER_SEPARATOR.test(gap) && STARTS_WITH_DIGIT.test(source) && ENDS_IN_DIGIT.test(previousSource);
    if (tokens.length > 0 && !insideNumber) {
      if (SENTENCE_BREAK.test(gap)) {
        sentence += 1;
        clause += 1;
      } else if (CLAUSE_BREAK.test(gap)) {
        clause += 1;
      }
    }
    const end = start + source.length;
    const shouted = isShouted(source);
    for (const word of expandWord(foldText(source))) tokens.push({ word, start, end, sentence, punctuationClause: clause, shouted });
    previousEnd = end;
    previousSource = source;
  }
  return tokens;
}

/**
 * Clause number of each token of `tokens` read in `language` (ISO 639-1), from 0: the
 * punctuation's clauses, further split before each "but"-word of the language ("Bien, pero no",
 * "it works but slowly"). Numbers only grow, so two tokens share a clause exactly when their
 * numbers are equal.
 */
export function clauseNumbers(tokens: readonly TextToken[], language: string): number[] {
  const openers = CLAUSE_OPENERS[language] ?? ANY_LANGUAGE_OPENERS;
  const clauses: number[] = [];
  let clause = 0;
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    if (previous && previous.punctuationClause !== token.punctuationClause) clause += 1;
    else if (previous && openers.has(token.word)) clause += 1;
    clauses.push(clause);
  });
  return clauses;
}

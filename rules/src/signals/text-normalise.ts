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
  /** Clause number (sentences further split at commas, dashes and "but"-words, not inside "12,99"), from 0. */
  clause: number;
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

/** Words that open a new clause: negation and sentiment do not reach across them. */
const CLAUSE_OPENERS = new Set([
  'but',
  'however',
  'although',
  'though',
  'pero',
  'aunque',
  'sino',
  'aber',
  'sondern',
  'jedoch',
  'obwohl',
  'mais',
  'cependant',
  'pourtant',
  'porem',
  'contudo',
  'embora',
  'entretanto',
]);

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
 * Tokenises `text` into folded words with offsets, sentence and clause numbers.
 * Punctuation never becomes a token; it only advances sentence and clause counters.
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
    for (const word of expandWord(foldText(source))) {
      if (CLAUSE_OPENERS.has(word) && tokens.length > 0) clause += 1;
      tokens.push({ word, start, end, sentence, clause, shouted });
    }
    previousEnd = end;
    previousSource = source;
  }
  return tokens;
}

/**
 * Sentiment of one customer message, -1 (angry) to 1 (happy).
 *
 * Source: nlp.js (`@nlpjs/lang-en`, `-es`, `-pt`, `-de`, `-fr`: senticon / pattern / AFINN dictionaries
 * and Snowball stemmers; MIT, maintained by AXA). It is the one maintained JavaScript library
 * with sentiment resources for es, pt, de and fr that runs without a model download, and its
 * dictionaries are plain data, so we score synchronously instead of through its asynchronous
 * `SentimentAnalyzer.process`. Its general-purpose scores are weighed down (x0.6) and Baton's
 * support lexicon (`sentiment-lexicon.ts`) takes precedence. English scores with the support
 * lexicon alone: nlp.js's English dictionary (SentiCon) gives everyday support words mild
 * positive values ("money" 0.44, "wait" 0.5, "month" 0.38, "crash" 0.38, "late" 0.38), which
 * summed to clearly positive scores on plain complaints and neutral questions.
 *
 * Scoring, in the spirit of VADER: word valences (-1..1) are summed; a negator up to three words
 * earlier in the clause flips and softens a word (x-0.75; German also looks for a clause-final
 * "nicht" up to three words later); boosters ("very", "muy") multiply the next word by 1.3;
 * after "but" words weigh 1.5, before it 0.5; "!!", "???" and shouting add frustration and
 * emphasis; emoji add their valence. A demand word written in capitals ("Fix this NOW!!!",
 * "¡ARREGLEN ESTO YA!", "Machen Sie das SOFORT") is an impatient order and weighs -0.4 (more as a
 * shouted word); in lower case ("it works now", "ya funciona") it is neutral.
 * Fault words ("broken", "not working": the lexicon's `faults`) together add at most -0.25, so a
 * plain report of what broke scores about -0.24 at worst: below neutral, but not an upset turn
 * (the reference threshold is -0.3) and never a sharp drop by itself; "still", "again", "!!" or
 * any feeling on top of it are.
 * The sum S becomes a score by S / sqrt(S² + 1), so one strong word gives about ±0.6 and short
 * angry messages are not diluted by their length.
 */
import { isStopword, languagePack } from './language-packs';
import type { AnalysedText, LanguageView } from './message-analysis';
import { EMOJI_VALENCE, EMOTICON_VALENCE, SUPPORT_LEXICONS, type SupportLexicon } from './sentiment-lexicon';
import { stem } from './stemmer';
import { foldText, tokenise } from './text-normalise';

/** Sentiment of one message. */
export interface SentimentScore {
  /** -1..1, rounded to 3 decimals. */
  score: number;
  /** Language whose lexicons scored the message. */
  language: string;
}

/**
 * A multi-word expression: its content-word stems, matched on the message's content words in a
 * row; or, when it has fewer than two content words ("de nouveau"), all its stems, matched on
 * consecutive words (`sequence`), so it never shrinks to one common word.
 */
interface Expression {
  stems: string[];
  sequence: boolean;
  valence: Valence;
}

/** A lexicon valence, and whether it describes a fault rather than a feeling. */
interface Valence {
  value: number;
  fault: boolean;
}

interface SentimentLanguage {
  /** Folded word -> valence: the lexicon's own forms ("helpful" stays positive). */
  exact: Map<string, Valence>;
  /** Stem -> valence for other inflections; a neutral word wins a shared stem ("help"). */
  words: Map<string, Valence>;
  expressions: Map<string, Expression[]>;
  boosters: Set<string>;
  contrast: Set<string>;
  /** Folded demand words ("now", "sofort"), negative when written in capitals. */
  demands: Set<string>;
}

const LIBRARY_WEIGHT = 0.6;
/** Languages whose nlp.js dictionary weighs differently from `LIBRARY_WEIGHT` (0: not used). */
const LIBRARY_WEIGHTS: Readonly<Record<string, number>> = { en: 0 };
const LIBRARY_MIN_MAGNITUDE = 0.1;
const NEGATION_FACTOR = -0.75;
const NEGATION_REACH = 3;
const BOOSTER_FACTOR = 1.3;
const SHOUTED_WORD_FACTOR = 1.3;
const CONTRAST_BEFORE = 0.5;
const CONTRAST_AFTER = 1.5;
const DEMAND_VALENCE = -0.4;
/**
 * The most fault words add up to in one message: -0.25 squashes to about -0.24, above the
 * reference policy's negative threshold (-0.3), so a plain report of what broke never counts as
 * an upset turn by itself.
 */
const FAULT_FLOOR = -0.25;

const compiled = new Map<string, SentimentLanguage>();

function wordList(list: string): string[] {
  return list
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map(foldText);
}

function compile(language: string, lexicon: SupportLexicon): SentimentLanguage {
  const exact = new Map<string, Valence>();
  const words = new Map<string, Valence>();
  const faultWords = new Set(wordList(lexicon.faults.words));
  const faultExpressions = new Set(lexicon.faults.expressions);
  for (const [valence, list] of Object.entries(lexicon.words)) {
    for (const word of wordList(list)) {
      const entry = { value: Number(valence), fault: faultWords.has(word) };
      exact.set(word, entry);
      const key = stem(language, word);
      if (entry.value === 0 || words.get(key)?.value !== 0) words.set(key, entry);
    }
  }
  const expressions = new Map<string, Expression[]>();
  for (const [phrase, value] of lexicon.expressions) {
    const valence = { value, fault: faultExpressions.has(phrase) };
    const all = tokenise(phrase).map((token) => token.word);
    const content = all.filter((word) => !isStopword(language, word));
    const sequence = content.length < 2;
    const stems = (sequence ? all : content).map((word) => stem(language, word));
    const first = stems[0];
    if (first === undefined) continue;
    expressions.set(first, [...(expressions.get(first) ?? []), { stems, sequence, valence }]);
  }
  return {
    exact,
    words,
    expressions,
    boosters: new Set(wordList(lexicon.boosters)),
    contrast: new Set(wordList(lexicon.contrast)),
    demands: new Set(wordList(lexicon.demands)),
  };
}

function sentimentLanguage(language: string): SentimentLanguage {
  let result = compiled.get(language);
  if (!result) {
    result = compile(language, SUPPORT_LEXICONS[language] ?? SUPPORT_LEXICONS.en!);
    compiled.set(language, result);
  }
  return result;
}

/** Compiles the sentiment lexicon of `language` now rather than on the first message. */
export function warmSentiment(language: string): void {
  if (languagePack(language)) sentimentLanguage(language);
}

/** Token positions an expression covers when it starts at token `start`, or undefined. */
function expressionAt(text: AnalysedText, view: LanguageView, content: readonly number[], expression: Expression, start: number): number[] | undefined {
  const from = expression.sequence ? start : content.indexOf(start);
  if (from < 0) return undefined;
  const positions = expression.sequence ? expression.stems.map((_, k) => start + k) : content.slice(from, from + expression.stems.length);
  const sentence = text.tokens[start]?.sentence;
  const matches =
    positions.length === expression.stems.length && positions.every((p, k) => view.stems[p] === expression.stems[k] && text.tokens[p]?.sentence === sentence);
  return matches ? positions : undefined;
}

/** Marks expression words consumed; returns the valence placed on each expression's first word. */
function scoreExpressions(text: AnalysedText, lexicon: SentimentLanguage, language: string, consumed: boolean[]): Map<number, Valence> {
  const view = text.view(language);
  const content = text.tokens.map((_, i) => i).filter((i) => !view.stop[i]);
  const found = new Map<number, Valence>();
  for (let start = 0; start < text.tokens.length; start += 1) {
    if (consumed[start]) continue;
    for (const expression of lexicon.expressions.get(view.stems[start] ?? '') ?? []) {
      const positions = expressionAt(text, view, content, expression, start);
      if (!positions) continue;
      for (const p of positions) consumed[p] = true;
      found.set(start, expression.valence);
      break;
    }
  }
  return found;
}

function isNegated(text: AnalysedText, i: number, negators: ReadonlySet<string>, language: string, consumed: boolean[]): boolean {
  const tokens = text.tokens;
  const clause = tokens[i]?.clause;
  for (let j = Math.max(0, i - NEGATION_REACH); j < i; j += 1) {
    const token = tokens[j];
    if (token && token.clause === clause && !consumed[j] && negators.has(token.word)) return true;
  }
  if (language !== 'de') return false;
  // German main clauses put "nicht" last: "Das gefällt mir nicht."
  for (let j = i + 1; j <= i + NEGATION_REACH; j += 1) {
    const token = tokens[j];
    if (!token || token.clause !== clause) return false;
    if (negators.has(token.word) && tokens[j + 1]?.clause !== clause) return true;
  }
  return false;
}

/** True when the source of `token` has 2+ letters, all capitals ("NOW", "YA"; `shouted` needs 3). */
function inCapitals(text: AnalysedText, token: AnalysedText['tokens'][number]): boolean {
  const source = text.text.slice(token.start, token.end);
  return (source.match(/\p{Lu}/gu) ?? []).length >= 2 && source === source.toUpperCase();
}

/** A sentence of 2+ words of 3+ letters, at least half of them in capitals ("WHERE IS MY ORDER"). */
function isShouting(text: AnalysedText): boolean {
  const perSentence = new Map<number, { long: number; shouted: number }>();
  for (const token of text.tokens) {
    if (token.end - token.start < 3) continue;
    const counts = perSentence.get(token.sentence) ?? { long: 0, shouted: 0 };
    counts.long += 1;
    if (token.shouted) counts.shouted += 1;
    perSentence.set(token.sentence, counts);
  }
  return [...perSentence.values()].some(({ long, shouted }) => shouted >= 2 && shouted * 2 >= long);
}

function punctuationAdjusted(text: AnalysedText, sum: number, shouting: boolean): number {
  const exclamations = Math.min(3, (text.text.match(/!/g) ?? []).length);
  let adjusted = sum;
  if (adjusted <= 0) {
    if (shouting) adjusted -= 0.3;
    if (exclamations >= 2) adjusted -= 0.15;
    if (/\?\s*\?/.test(text.text)) adjusted -= 0.15;
  }
  return adjusted * (1 + 0.1 * exclamations + (shouting ? 0.2 : 0));
}

/**
 * Scores one customer message in `language` (ISO 639-1; languages without lexicons score with
 * English's). Pure and synchronous; about 5–20 µs for a chat message once warm.
 */
export function scoreSentiment(text: AnalysedText, language: string): SentimentScore {
  const lang = languagePack(language) ? language : 'en';
  const pack = languagePack(lang);
  const lexicon = sentimentLanguage(lang);
  const view = text.view(lang);
  const tokens = text.tokens;
  const libraryWeight = LIBRARY_WEIGHTS[lang] ?? LIBRARY_WEIGHT;
  const consumed = tokens.map(() => false);
  const expressions = scoreExpressions(text, lexicon, lang, consumed);
  const shouting = isShouting(text);
  let contrastAt = -1;
  tokens.forEach((token, i) => {
    if (lexicon.contrast.has(token.word)) contrastAt = i;
  });
  let sum = 0;
  let faults = 0;
  tokens.forEach((token, i) => {
    const expression = expressions.get(i);
    let valence = expression?.value;
    let fault = expression?.fault ?? false;
    if (expression === undefined) {
      if (consumed[i]) return;
      const tokenStem = view.stems[i] ?? token.word;
      const entry = lexicon.exact.get(token.word) ?? lexicon.words.get(tokenStem);
      valence = entry?.value;
      fault = entry?.fault ?? false;
      if (lexicon.demands.has(token.word)) valence = inCapitals(text, token) ? DEMAND_VALENCE : 0;
      if (valence === undefined && libraryWeight > 0 && !view.stop[i] && !pack?.negators.has(token.word)) {
        const library = pack?.sentiment.get(tokenStem);
        if (library !== undefined && Math.abs(library) >= LIBRARY_MIN_MAGNITUDE) valence = library * libraryWeight;
      }
      if (!valence) return;
      const previous = tokens[i - 1];
      if (previous && previous.clause === token.clause && lexicon.boosters.has(previous.word)) valence *= BOOSTER_FACTOR;
      if (token.shouted && !shouting) valence *= SHOUTED_WORD_FACTOR;
      if (pack && isNegated(text, i, pack.negators, lang, consumed)) valence *= NEGATION_FACTOR;
    }
    if (valence === undefined) return;
    const weight = contrastAt < 0 ? 1 : i < contrastAt ? CONTRAST_BEFORE : i > contrastAt ? CONTRAST_AFTER : 1;
    // A negated fault ("not broken") is relief, not a fault: it joins the other words.
    if (fault && valence < 0) faults += valence * weight;
    else sum += valence * weight;
  });
  sum += Math.max(FAULT_FLOOR, faults);
  for (const [emoji, valence] of EMOJI_VALENCE) if (text.text.includes(emoji)) sum += valence;
  for (const [emoticon, valence] of EMOTICON_VALENCE) if (emoticon.test(text.text)) sum += valence;
  const adjusted = punctuationAdjusted(text, sum, shouting);
  const score = adjusted / Math.sqrt(adjusted * adjusted + 1);
  return { score: Math.round(score * 1000) / 1000, language: lang };
}

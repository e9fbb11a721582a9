/**
 * Sentiment of one customer message, -1 (angry) to 1 (happy), tuned so that the reference
 * threshold, -0.3, means "upset": a feeling ("annoyed", "qué rabia"), a complaint pattern ("third
 * time I ask", "nobody answers", "wie oft noch"), sarcasm ("oh great", "só que não") or a mild
 * word with a second cue ("?!", "!!" on a negative message) reach it; a plain report of a fault,
 * a stolen card or a refused payment does not.
 *
 * Words are looked up in three places, first hit wins:
 * 1. Baton's support lexicon (`sentiment-lexicon.ts`): the words and expressions of support chats
 *    in each language, written natively, with faults marked apart from feelings;
 * 2. AFINN-165 and its translations (`sentiment-general.ts`), for the general vocabulary of
 *    complaint and insult;
 * 3. for French only, nlp.js's dictionary (`@nlpjs/lang-fr`, pattern: hand-rated adjectives; MIT,
 *    maintained by AXA), weighed x0.6. The other nlp.js dictionaries are not used: English
 *    SentiCon gives everyday support words positive values ("money" 0.44, "wait" 0.5, "crash"
 *    0.38), and the Spanish and German ones, built semi-automatically, read plain words as
 *    feelings ("ir", to go, -0.5).
 * nlp.js's Snowball stemmers (through `stemmer.ts`) let lexicon words match their inflections.
 *
 * Scoring, in the spirit of VADER: word valences (-1..1) are summed; a negator up to three words
 * earlier in the clause flips and softens a word (x-0.75; German also looks for a clause-final
 * "nicht" up to five words later, or before a closing "mehr"), but a negated curse stays negative
 * at half weight ("no jodas"), thanks and regret do not flip ("no thanks", "leider nicht"), and a
 * negated state word ("not fixed", "no funciona") counts as a fault; boosters ("very", "muy")
 * multiply the next word by 1.3 and have no valence of their own ("super lento"), unless one that
 * is also a complaint word has nothing to strengthen ("unglaublich, dass …"); a stretched or
 * shouted word ("sooo", "USELESS") weighs 1.3; after "but" words weigh 1.5, before it 0.5;
 * praise in a message whose feelings already add up to -0.4 counts a quarter ("Thanks, nobody
 * answers"); thanks in a message that reports a fault count for nothing unless a "but" weighs the
 * parts ("Thanks, my card was stolen and the money is gone" is a report, not relief); a last
 * clause of bare praise after a complaint is sarcasm and counts negative ("Card declined again,
 * great", "Schon wieder kaputt, toll"), and so is bare praise opening or inside a complaint that
 * neither thanks nor praises otherwise ("Great, another delay", "Un cupón. Qué maravilla. …");
 * expressions match their content words in a row over boosters they do not list ("verliere ich
 * echt die Geduld");
 * punctuation and shouting follow `sentiment-emphasis.ts`; emoji and emoticons add their valence.
 * Derived words the lexicons do not list read as their adjective (`sentiment-derived-forms.ts`):
 * Spanish and Portuguese absolute superlatives, English "-est" superlatives and the Portuguese
 * "-ona" augmentative with a booster ("cabreadísimo", "rudest", "chatona"); Spanish and Portuguese
 * diminutives of Baton's own words as they are ("asquito", "chatinho"); adverbs of negative
 * adjectives as the adjective ("jodidamente"), unless praise follows, which they strengthen
 * instead ("awfully nice", "terriblemente amable").
 * Written laughter ("lol", "jajaja", "kkkk", "mdr") is a light tone, a mild 0.2 in every language;
 * a sarcasm hashtag ("#not", "#sarcasmo", "#sarkasmus") turns the message's praise into blame.
 * German compounds the lexicons do not list are read by a pejorative prefix ("Mistwetter") or
 * their head, the longest own-lexicon word they end with ("Verkehrschaos"); the machine-translated
 * general lists are not used for heads, nor looked up by stem: both made plain words collide with
 * rated ones ("Gesellschaft" ending in "Haft", "große" stemming like "größer").
 * A demand word written in capitals ("Fix this NOW!!!", "¡ARREGLEN ESTO YA!", "Machen Sie das
 * SOFORT") is an impatient order and weighs -0.4; in lower case ("it works now", "ya funciona")
 * it is neutral.
 * Clauses are read in the message's language (`AnalysedText.clauses`): Portuguese "mais" is "more"
 * and keeps a negation in reach ("não estou mais satisfeito"), French "mais" is "but".
 * Fault words ("broken", "not working", "declined", "don't recognise": the lexicon's `faults`)
 * together add at most -0.25, so a plain report of what broke scores about -0.24 at worst: below
 * neutral, but not an upset turn and never a sharp drop by itself; "still", "again", "?!" or any
 * feeling on top of it are.
 * The sum S becomes a score by S / sqrt(S² + 1), so one strong word gives about ±0.6 and short
 * angry messages are not diluted by their length.
 *
 * Development set (XLM-T sentiment tweets, `../shared/eval/`): see the README's sentiment section
 * for the share of negative, neutral and positive messages at or below -0.3 per language.
 */
import { isStopword, languagePack } from './language-packs';
import type { AnalysedText, LanguageView } from './message-analysis';
import { elongationVariants, inCapitals, isElongated, isHashtag, isShoutedWord, isShouting, punctuationAdjusted } from './sentiment-emphasis';
import { derivedBases } from './sentiment-derived-forms';
import { generalValences } from './sentiment-general';
import { EMOJI_VALENCE, EMOTICON_VALENCE, SUPPORT_LEXICONS, type SupportLexicon } from './sentiment-lexicon';
import { pluralsOf } from './plural-forms';
import { stem } from './stemmer';
import { foldText, tokenise } from './text-normalise';

/** Sentiment of one message. */
export interface SentimentScore {
  /** -1..1, rounded to 3 decimals. */
  score: number;
  /** Language whose lexicons scored the message. */
  language: string;
  /**
   * The score when the customer was upset in their previous message, -1..1: set only for a
   * message whose only praise stands bare in a clause of its own after the first ("3 to 5 days?
   * Brilliant.", "Nochmal 7 Tage. Toll. Dann …"), with no thanks; after an upset message that
   * praise is sarcasm. Alone, the message cannot tell ("Arrives tomorrow. Brilliant." can be glad).
   */
  afterUpset?: number;
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
  /**
   * Folded words the message must have as written, for an expression listed with a leading "="
   * ("=esperava mais", I expected more): its stems are shared by a plain phrase ("espero mais",
   * I'll wait some more).
   */
  forms?: string[];
}

/** A valence, whether it describes a fault rather than a feeling, and whether Baton's support lexicon gave it. */
interface Valence {
  value: number;
  fault: boolean;
  own: boolean;
}

interface SentimentLanguage {
  /** Folded word -> valence: the lexicon's own forms ("helpful" stays positive). */
  exact: Map<string, Valence>;
  /** Stem -> valence and lexicon word for other inflections; a neutral word wins a shared stem ("help"). */
  words: Map<string, Valence & { word: string }>;
  expressions: Map<string, Expression[]>;
  boosters: Set<string>;
  contrast: Set<string>;
  /** Folded demand words ("now", "sofort"), negative when written in capitals. */
  demands: Set<string>;
  /** Folded words a negation does not flip ("no thanks", "leider nicht"). */
  unnegated: Set<string>;
  /** Folded praise words read as sarcasm when they close a complaint ("…, great"). */
  ironic: Set<string>;
  /** Folded verbs of feeling ("feel", "sens", "fühle"): a fault word they take is a feeling. */
  feelings: Set<string>;
  /** Stems of the thanking words ("Vielen Dank" as "danke"): politeness in a message that reports a problem. */
  courtesy: Set<string>;
  /** Folded pejorative prefixes of compounds, when the language compounds (German). */
  compoundPrefixes: string[] | undefined;
}

const LIBRARY_WEIGHT = 0.6;
/**
 * Languages whose nlp.js dictionary is used, with its weight. French's (pattern, hand-rated
 * adjectives) adds what AFINN's translation misses; the others read support words wrongly (see
 * the header) or repeat AFINN (Portuguese), and `sentiment-general.ts` covers them.
 */
const LIBRARY_WEIGHTS: Readonly<Record<string, number>> = { fr: LIBRARY_WEIGHT };
const LIBRARY_MIN_MAGNITUDE = 0.1;
const NEGATION_FACTOR = -0.75;
const NEGATION_REACH = 3;
/**
 * How far a German clause-final "nicht" reaches back: the verb it negates may stand five words
 * before it ("Das interessiert mich gerade echt nicht").
 */
const CLAUSE_FINAL_REACH = 5;
/**
 * A negated curse or insult ("no jodas", "not fucking working") stays negative at half weight:
 * these words do not flip like "not happy" or "not bad" do.
 */
const STRONG_NEGATIVE = -0.8;
/**
 * The support lexicons' mildest praise (0.3) is a state ("works", "fixed", "funktioniert"):
 * negated, it counts with the faults.
 */
const STATE_PRAISE = 0.3;
const NEGATED_STRONG_FACTOR = 0.5;
/**
 * Praise in a message whose feelings (not its faults) add up to -0.4 or less counts a quarter:
 * "Thanks, nobody answers" is sarcasm or politeness, not relief. A "but" turns this off: its own
 * weighting says which part counts.
 */
const COMPLAINT = -0.4;
const PRAISE_IN_COMPLAINT = 0.25;
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
/**
 * A fault word taken by a verb of feeling ("I feel robbed", "me siento estafada", "je me sens
 * volé") weighs at least like a complaint word of the support lexicons' middle tier (-0.55).
 */
const FELT_FAULT = -0.55;
/** Pronouns between a verb of feeling and its word ("me siento", "fühle ich mich"), folded. */
const FEELING_PRONOUNS = new Set(['me', 'mich', 'myself', 'ich']);
/**
 * Compounds: a word of 7+ letters splits into a modifier of 3+ letters and a head of 4+
 * ("Verkehrs|chaos"); shorter heads ("gut", "tot", "arm") end too many plain words ("Saatgut").
 * A pejorative prefix ("Mist|wetter") needs 4+ letters after it, so "Mistral" stays a name.
 */
const COMPOUND_MIN_LENGTH = 7;
const COMPOUND_MIN_MODIFIER = 3;
const COMPOUND_MIN_HEAD = 4;
const PEJORATIVE: Valence = { value: -0.55, fault: false, own: true };
/**
 * Sarcasm: praise closing a message whose other words add up to this or less ("late again,
 * great") is turned negative; a plain fault report reaches it ("card declined, great").
 */
const IRONIC_AFTER = -0.2;

/**
 * How many letters an inflection may differ by at the end of a lexicon word: a stem shared with a
 * word that has a longer ending is a collision, not an inflection (German "lach", the stem of
 * "lächerlich", is also "lach" from "lachen", to laugh).
 */
const INFLECTION_REACH = 3;

/** Marks a lexicon expression matched on its written words, not their stems (`Expression.forms`). */
const WRITTEN_FORMS = '=';

const compiled = new Map<string, SentimentLanguage>();
const NO_NEGATORS: ReadonlySet<string> = new Set();

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/** The lexicon entry of a word: its own form, else an inflection of a lexicon word with the same stem. */
function lexiconEntry(lexicon: SentimentLanguage, word: string, wordStem: string): Valence | undefined {
  const exact = lexicon.exact.get(word);
  if (exact) return exact;
  const byStem = lexicon.words.get(wordStem);
  return byStem && sharedPrefix(byStem.word, word) >= byStem.word.length - INFLECTION_REACH ? byStem : undefined;
}

/**
 * True when the word at `i` is taken by a verb of feeling of its clause: the verb right before it,
 * across boosters and pronouns ("feel so robbed", "sinto-me roubada", "fühle ich mich bestohlen"), or a German
 * participle right after it ("mich betrogen gefühlt").
 */
function isFelt(scoring: Scoring, i: number): boolean {
  const { text, clauses, lexicon } = scoring;
  const tokens = text.tokens;
  const next = tokens[i + 1];
  if (next && clauses[i + 1] === clauses[i] && lexicon.feelings.has(next.word)) return true;
  let j = i - 1;
  while (j >= 0 && clauses[j] === clauses[i] && (lexicon.boosters.has(tokens[j]!.word) || FEELING_PRONOUNS.has(tokens[j]!.word))) j -= 1;
  return j >= 0 && clauses[j] === clauses[i] && lexicon.feelings.has(tokens[j]!.word);
}

function wordList(list: string): string[] {
  return list
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map(foldText);
}

function compile(language: string, lexicon: SupportLexicon): SentimentLanguage {
  const exact = new Map<string, Valence>();
  const words = new Map<string, Valence & { word: string }>();
  const faultWords = new Set(wordList(lexicon.faults.words));
  const faultExpressions = new Set(lexicon.faults.expressions);
  for (const [valence, list] of Object.entries(lexicon.words)) {
    for (const word of wordList(list)) {
      const entry = { value: Number(valence), fault: faultWords.has(word), own: true };
      exact.set(word, entry);
      // The stemmers do not always join a singular and its plural ("péssimo"/"péssimos").
      for (const plural of pluralsOf(language, word)) {
        // A plural that is a function word ("mal" -> "mais", more) says nothing of feeling.
        if (!exact.has(plural) && !isStopword(language, plural)) exact.set(plural, entry);
      }
      const key = stem(language, word);
      if (entry.value === 0 || words.get(key)?.value !== 0) words.set(key, { ...entry, word });
    }
  }
  const expressions = new Map<string, Expression[]>();
  const parsed = lexicon.expressions.map(([phrase, value]) => {
    const written = phrase.startsWith(WRITTEN_FORMS);
    const all = tokenise(written ? phrase.slice(WRITTEN_FORMS.length) : phrase).map((token) => token.word);
    const content = all.filter((word) => !isStopword(language, word));
    return { phrase, value, written, all, content, key: content.map((word) => stem(language, word)).join(' ') };
  });
  // Content words alone would make "una y otra vez" (-0.5) read every "otra vez" (-0.2), and "no
  // vale nada" ("vale" is a stop word) any "no … nada": an expression that shares its content
  // words with a shorter one of another valence, or that loses a stop word and keeps only a
  // negation and one word, is matched on all its words in a row ("nicht gut" still matches
  // "nicht so gut").
  const negators = languagePack(language)?.negators ?? NO_NEGATORS;
  const shortest = new Map<string, { length: number; value: number }>();
  for (const { key, all, value } of parsed) if (all.length < (shortest.get(key)?.length ?? Infinity)) shortest.set(key, { length: all.length, value });
  for (const { phrase, value, written, all, content, key } of parsed) {
    const valence = { value, fault: faultExpressions.has(phrase), own: true };
    const other = shortest.get(key)!;
    const meaningful = content.filter((word) => !negators.has(word)).length;
    const sequence = written || content.length < 2 || (meaningful < 2 && content.length < all.length) || (all.length > other.length && value !== other.value);
    const words = sequence ? all : content;
    const stems = words.map((word) => stem(language, word));
    const first = stems[0];
    if (first === undefined) continue;
    expressions.set(first, [...(expressions.get(first) ?? []), { stems, sequence, valence, ...(written ? { forms: words } : {}) }]);
  }
  // The longest expression that matches wins ("não aguento mais" over "não aguento").
  for (const list of expressions.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return {
    exact,
    words,
    expressions,
    boosters: new Set(wordList(lexicon.boosters)),
    contrast: new Set(wordList(lexicon.contrast)),
    demands: new Set(wordList(lexicon.demands)),
    unnegated: new Set(wordList(lexicon.unnegated)),
    ironic: new Set(wordList(lexicon.ironic)),
    courtesy: new Set(wordList(lexicon.courtesy).map((word) => stem(language, word))),
    feelings: new Set(wordList(lexicon.feelings)),
    compoundPrefixes: lexicon.compounds && wordList(lexicon.compounds.prefixes),
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
function expressionAt(
  text: AnalysedText,
  view: LanguageView,
  clauses: readonly number[],
  content: readonly number[],
  boosters: ReadonlySet<string>,
  expression: Expression,
  start: number,
): number[] | undefined {
  let from = expression.sequence ? start : content.indexOf(start);
  if (from < 0) return undefined;
  // Within one clause: "Oh, no problem" is not "oh no".
  const clause = clauses[start];
  const { stems, forms } = expression;
  if (forms && text.tokens[start]?.word !== forms[0]) return undefined;
  if (expression.sequence) {
    // Checked before any array is built: most candidates fail on their second word.
    for (let k = 1; k < stems.length; k += 1) {
      const p = start + k;
      if (view.stems[p] !== stems[k] || clauses[p] !== clause) return undefined;
      if (forms && text.tokens[p]?.word !== forms[k]) return undefined;
    }
    return stems.map((_, k) => start + k);
  }
  // Content words in a row, over boosters the expression does not list: "verliere ich echt die Geduld".
  const positions = [start];
  for (let k = 1; k < stems.length; k += 1) {
    let p = content[(from += 1)];
    while (p !== undefined && view.stems[p] !== stems[k] && boosters.has(text.tokens[p]!.word)) p = content[(from += 1)];
    if (p === undefined || view.stems[p] !== stems[k] || clauses[p] !== clause) return undefined;
    positions.push(p);
  }
  return positions;
}

/** Marks expression words consumed; returns the valence placed on each expression's first word. */
function scoreExpressions(text: AnalysedText, lexicon: SentimentLanguage, language: string, consumed: boolean[]): Map<number, Valence> {
  const view = text.view(language);
  const clauses = text.clauses(language);
  const content = text.tokens.map((_, i) => i).filter((i) => !view.stop[i]);
  const found = new Map<number, Valence>();
  for (let start = 0; start < text.tokens.length; start += 1) {
    if (consumed[start]) continue;
    for (const expression of lexicon.expressions.get(view.stems[start] ?? '') ?? []) {
      const positions = expressionAt(text, view, clauses, content, lexicon.boosters, expression, start);
      if (!positions) continue;
      for (const p of positions) consumed[p] = true;
      found.set(start, expression.valence);
      break;
    }
  }
  return found;
}

/** German "nicht mehr" (no longer) ends a clause like "nicht" alone: "Die Karte geht seit gestern nicht mehr." */
const AFTER_CLAUSE_FINAL_NEGATION = 'mehr';

/** True when the token at `j` is past the end of `clause`, or is "mehr" closing it. */
function isClauseEnd(text: AnalysedText, clauses: readonly number[], j: number, clause: number | undefined): boolean {
  if (clauses[j] !== clause) return true;
  return text.tokens[j]?.word === AFTER_CLAUSE_FINAL_NEGATION && clauses[j + 1] !== clause;
}

function isNegated(scoring: Scoring, i: number, consumed: boolean[]): boolean {
  const { text, clauses, negators } = scoring;
  const tokens = text.tokens;
  const clause = clauses[i];
  for (let j = Math.max(0, i - NEGATION_REACH); j < i; j += 1) {
    const token = tokens[j];
    if (token && clauses[j] === clause && !consumed[j] && negators.has(token.word)) return true;
  }
  if (scoring.language !== 'de') return false;
  // German main clauses put "nicht" last: "Das gefällt mir nicht."
  for (let j = i + 1; j <= i + CLAUSE_FINAL_REACH; j += 1) {
    const token = tokens[j];
    if (!token || clauses[j] !== clause) return false;
    if (negators.has(token.word) && isClauseEnd(text, clauses, j + 1, clause)) return true;
  }
  return false;
}

/**
 * Written laughter ("lol", "haha", "jajaja", "kkkk", "rsrs", "mdr", "xD") is a light tone, the
 * same mild 0.2 in every language: it is typed over a mishap as often as over good news, so it
 * never outweighs a complaint word. AFINN rated "lol" and "haha" +3, which outweighed the
 * complaint they laughed at, and Portuguese "kkkk" counted nothing.
 */
const LAUGHTER: Valence = { value: 0.2, fault: false, own: true };
/** Laughter written in every language; `LAUGHTER_BY_LANGUAGE` adds each one's own. */
const LAUGHTER_COMMON = '(?:a?(?:ha|he|hi){2,}h?|ahah|lo+l|lmf?ao+|rofl|x+d+)';
const LAUGHTER_BY_LANGUAGE: Readonly<Record<string, string>> = {
  es: '(?:(?:ja|je|ji){2,}j?)',
  pt: '(?:k{3,}|(?:rs){2,}|(?:hue){2,})',
  fr: '(?:p?tdr+|mdr+)',
};
const laughterPatterns = new Map<string, RegExp>();
/** Letters every laughter word of any language starts with: most words skip the pattern. */
const LAUGHTER_START = new Set('ahjklmprx');

function isLaughter(language: string, word: string): boolean {
  if (word.length < 3 || !LAUGHTER_START.has(word[0]!)) return false;
  let pattern = laughterPatterns.get(language);
  if (!pattern) {
    const own = LAUGHTER_BY_LANGUAGE[language];
    pattern = new RegExp(`^(?:${LAUGHTER_COMMON}${own ? `|${own}` : ''})$`);
    laughterPatterns.set(language, pattern);
  }
  return pattern.test(word);
}

/**
 * Hashtags that mark a message as sarcasm in any of the languages ("#not", "#sarcasm",
 * "#sarkasmus", "#ironie", "#sarcasmo"): praise in the message counts as blame, and the tag
 * itself weighs `SARCASM_TAG`.
 */
const SARCASM_TAGS: ReadonlySet<string> = new Set(['not', 'sarcasm', 'sarcastic', 'irony', 'sarcasmo', 'ironia', 'sarkasmus', 'ironie', 'sarcasme']);
const SARCASM_TAG = 0.3;

const DEMAND_IN_CAPITALS: Valence = { value: DEMAND_VALENCE, fault: false, own: true };
const DEMAND_IN_LOWER_CASE: Valence = { value: 0, fault: false, own: true };

/** Interjections, folded, that may open a message as a clause of their own ("Ah, beleza."). */
const INTERJECTIONS: ReadonlySet<string> = new Set('ah oh ahh ohh aha ach och hm hmm mmm eh ey ay uh um bon bueno pues na tja'.split(' '));

/** What scoring one message needs in its language, looked up once per message. */
interface Scoring {
  text: AnalysedText;
  language: string;
  view: LanguageView;
  /** Clause number of each token in `language`. */
  clauses: readonly number[];
  lexicon: SentimentLanguage;
  general: ReadonlyMap<string, Valence>;
  negators: ReadonlySet<string>;
  library: ReadonlyMap<string, number> | undefined;
  libraryWeight: number;
}

/**
 * The valence of `word` (the token at `i`, or a form of it) with stem `wordStem`: support lexicon,
 * then AFINN, then nlp.js unless `library` is false.
 */
function valenceOf(scoring: Scoring, i: number, word: string, wordStem: string, library = true): Valence | undefined {
  const { text, view, lexicon } = scoring;
  const token = text.tokens[i]!;
  if (lexicon.demands.has(word)) return inCapitals(text, token) ? DEMAND_IN_CAPITALS : DEMAND_IN_LOWER_CASE;
  const stop = view.stop[i] ?? false;
  const entry = stop ? lexicon.exact.get(word) : lexiconEntry(lexicon, word, wordStem);
  if (entry || stop || scoring.negators.has(token.word)) return entry;
  const general = scoring.general.get(word);
  if (general) return general;
  if (lexicon.compoundPrefixes && word.length >= COMPOUND_MIN_LENGTH) {
    const part = compoundValence(scoring, lexicon.compoundPrefixes, word);
    if (part) return part;
  }
  if (scoring.libraryWeight === 0 || !library) return undefined;
  const rated = scoring.library?.get(wordStem);
  return rated !== undefined && Math.abs(rated) >= LIBRARY_MIN_MAGNITUDE ? { value: rated * scoring.libraryWeight, fault: false, own: false } : undefined;
}

/**
 * The valence of a compound the lexicons do not know: a pejorative prefix's ("Drecks|arbeit"),
 * else its head's, the longest known word it ends with ("Prüfungs|stress"); a neutral head
 * ("Kunden|service") ends the search.
 */
function compoundValence(scoring: Scoring, prefixes: readonly string[], word: string): Valence | undefined {
  const { lexicon } = scoring;
  for (const prefix of prefixes) {
    if (word.startsWith(prefix) && word.length - prefix.length >= COMPOUND_MIN_HEAD) return lexicon.exact.get(prefix) ?? PEJORATIVE;
  }
  for (let k = COMPOUND_MIN_MODIFIER; k <= word.length - COMPOUND_MIN_HEAD; k += 1) {
    const head = word.slice(k);
    const entry = lexicon.exact.get(head);
    if (entry) return entry.value ? entry : undefined;
  }
  return undefined;
}

/**
 * The valence of the token at `i` before emphasis and negation; a stretched word ("sooo") is read
 * as its shorter forms, an absolute superlative ("cabreadísimo") as its adjective with a booster.
 */
function wordValence(scoring: Scoring, i: number, elongated: boolean): Valence | undefined {
  const word = scoring.text.tokens[i]!.word;
  // Before the stretch is cut: "kkkkk" and "hahahaaa" are laughter, "k" is not.
  if (isLaughter(scoring.language, word)) return LAUGHTER;
  if (elongated)
    return elongationVariants(word).reduce<Valence | undefined>((found, form) => found ?? valenceOf(scoring, i, form, stem(scoring.language, form)), undefined);
  const found = valenceOf(scoring, i, word, scoring.view.stems[i] ?? word) ?? derivedValence(scoring, i, word);
  // "awfully nice", "terriblemente amable": an adverb of a negative adjective before praise strengthens the praise.
  const ending = ADVERB_ENDINGS[scoring.language];
  if (found && found.value < 0 && ending && word.endsWith(ending) && !scoring.lexicon.exact.has(word) && praiseFollows(scoring, i)) return undefined;
  return found;
}

/** The ending of adverbs made from adjectives ("awfully", "terriblemente", "affreusement"). */
const ADVERB_ENDINGS: Readonly<Record<string, string>> = { en: 'ly', es: 'mente', pt: 'mente', fr: 'ment' };

/**
 * The valence of a derived word the lexicons do not list, read from its adjective
 * (`sentiment-derived-forms.ts`): a superlative or augmentative weighs it with a booster, a
 * diminutive as it is; an adverb only when the adjective is negative ("jodidamente lento", not
 * "fabulosamente").
 * The guessed adjective is never looked up in the nlp.js dictionary, whose stems would match
 * nouns ("engagement"). A fault word's derivation is no fault: "latest" is not "late".
 */
function derivedValence(scoring: Scoring, i: number, word: string): Valence | undefined {
  for (const { base, derivation } of derivedBases(scoring.language, word)) {
    const adjective = valenceOf(scoring, i, base, stem(scoring.language, base), false);
    if (!adjective?.value) continue;
    if (adjective.fault && !(derivation === 'superlative' && scoring.language !== 'en')) continue;
    switch (derivation) {
      case 'adverb':
        return adjective.value < 0 ? adjective : undefined;
      case 'diminutive':
        // Only Baton's own words: the general lists rate nouns a diminutive is often made of ("perrita" is a puppy, not "perra").
        return adjective.own ? adjective : undefined;
      default:
        return { ...adjective, value: adjective.value * BOOSTER_FACTOR };
    }
  }
  return undefined;
}

/** True when the token after `i`, in the same clause, is praise ("awfully nice"). */
function praiseFollows(scoring: Scoring, i: number): boolean {
  const next = scoring.text.tokens[i + 1];
  if (!next || scoring.clauses[i + 1] !== scoring.clauses[i]) return false;
  return (valenceOf(scoring, i + 1, next.word, scoring.view.stems[i + 1] ?? next.word)?.value ?? 0) > 0;
}

const NO_CLAUSES: ReadonlySet<number> = new Set();

/**
 * The clauses of a message of 2+ clauses that hold only sarcasm-prone praise: `ironic` words,
 * boosters and stop words, at least one praise word ("…, just great", "Great, another delay",
 * "A voucher. Wonderful. …").
 */
function barePraiseClauses(scoring: Scoring): ReadonlySet<number> {
  const { text, lexicon, view, clauses } = scoring;
  if (clauses[0] === clauses[clauses.length - 1]) return NO_CLAUSES;
  const praised = new Set<number>();
  const other = new Set<number>();
  text.tokens.forEach(({ word }, i) => {
    const clause = clauses[i]!;
    if (lexicon.ironic.has(word)) praised.add(clause);
    else if (!lexicon.boosters.has(word) && !view.stop[i]) other.add(clause);
  });
  for (const clause of other) praised.delete(clause);
  return praised;
}

/**
 * True when the booster at `i` is itself a complaint word ("unglaublich") and the next word has
 * no valence to strengthen ("unglaublich dass sowas passiert"): it then counts as itself.
 */
function boostsNothing(scoring: Scoring, i: number): boolean {
  const own = scoring.lexicon.exact.get(scoring.text.tokens[i]!.word);
  const next = scoring.text.tokens[i + 1];
  if (!own || own.value >= 0 || !next) return false;
  return !valenceOf(scoring, i + 1, next.word, scoring.view.stems[i + 1] ?? next.word)?.value;
}

/** Characters every emoji of `EMOJI_VALENCE` starts with: symbols (☹, ❤) and the lead surrogates of pictographs. */
const MAY_HAVE_EMOJI = /[\u2600-\u27ff\ud83c-\ud83e]/;
/** Characters every emoticon of `EMOTICON_VALENCE` has. */
const MAY_HAVE_EMOTICON = /[:;=_]|<3|-[.,]-/;

/** The summed valence of the emoji and emoticons in `text`; most messages have none and pass two quick tests. */
function faceValence(text: string): number {
  let sum = 0;
  if (MAY_HAVE_EMOJI.test(text)) for (const [emoji, valence] of EMOJI_VALENCE) if (text.includes(emoji)) sum += valence;
  if (MAY_HAVE_EMOTICON.test(text)) for (const [emoticon, valence] of EMOTICON_VALENCE) if (emoticon.test(text)) sum += valence;
  return sum;
}

/**
 * Scores one customer message in `language` (ISO 639-1; languages without lexicons score with
 * English's). Pure and synchronous; about 5–20 µs for a chat message once warm (7 µs on average
 * over short messages on the development machine).
 */
export function scoreSentiment(text: AnalysedText, language: string): SentimentScore {
  const lang = languagePack(language) ? language : 'en';
  const pack = languagePack(lang);
  const lexicon = sentimentLanguage(lang);
  const tokens = text.tokens;
  const scoring: Scoring = {
    text,
    language: lang,
    view: text.view(lang),
    clauses: text.clauses(lang),
    lexicon,
    general: generalValences(lang),
    negators: pack?.negators ?? NO_NEGATORS,
    library: pack?.sentiment,
    libraryWeight: LIBRARY_WEIGHTS[lang] ?? 0,
  };
  const consumed = tokens.map(() => false);
  const expressions = scoreExpressions(text, lexicon, lang, consumed);
  const shouting = isShouting(text);
  let contrastAt = -1;
  let sarcastic = false;
  tokens.forEach((token, i) => {
    if (lexicon.contrast.has(token.word)) contrastAt = i;
    else if (SARCASM_TAGS.has(token.word) && isHashtag(text, token)) sarcastic = true;
  });
  const barePraise = contrastAt < 0 ? barePraiseClauses(scoring) : NO_CLAUSES;
  const lastClause = scoring.clauses[tokens.length - 1];
  const ironicClause = lastClause !== undefined && barePraise.has(lastClause) ? lastClause : -1;
  const { clauses } = scoring;
  let ironic = 0;
  let opening = 0;
  // The first clause holding a word other than a stop word or an interjection ("Ok, great.",
  // "Ah, beleza." open with the praise); with no such word, the first clause.
  const opener = tokens.findIndex((token, i) => !scoring.view.stop[i] && !INTERJECTIONS.has(token.word));
  const firstClause = clauses[Math.max(0, opener)];
  /** Bare praise (`opening` or `ironic`) stands in `firstClause`. */
  let bareInFirst = false;
  let courtesy = 0;
  let praise = 0;
  let blame = 0;
  let complaint = 0;
  let faults = 0;
  tokens.forEach((token, i) => {
    let entry = expressions.get(i);
    let value = entry?.value ?? 0;
    if (!entry) {
      if (consumed[i]) return;
      // "super happy", "so slow": a booster strengthens the next word and has no valence of its own.
      if (lexicon.boosters.has(token.word) && clauses[i + 1] === clauses[i] && !boostsNothing(scoring, i)) return;
      const elongated = isElongated(token.word);
      entry = wordValence(scoring, i, elongated);
      if (!entry?.value) return;
      value = entry.value;
      const previous = tokens[i - 1];
      if (previous && clauses[i - 1] === clauses[i] && lexicon.boosters.has(previous.word)) value *= BOOSTER_FACTOR;
      if ((!shouting && isShoutedWord(text, token)) || elongated) value *= SHOUTED_WORD_FACTOR;
      if (pack && !lexicon.unnegated.has(token.word) && isNegated(scoring, i, consumed)) {
        // A negated state word ("not fixed", "funktioniert … nicht") reports a fault, not a feeling.
        if (entry.own && entry.value > 0 && entry.value <= STATE_PRAISE) entry = { ...entry, fault: true };
        value *= value <= STRONG_NEGATIVE ? NEGATED_STRONG_FACTOR : NEGATION_FACTOR;
      }
      if (entry.fault && value < 0 && isFelt(scoring, i)) {
        entry = { ...entry, fault: false };
        value = Math.min(value, FELT_FAULT);
      }
    }
    const weighted = value * (contrastAt < 0 ? 1 : i < contrastAt ? CONTRAST_BEFORE : i > contrastAt ? CONTRAST_AFTER : 1);
    if (entry.own && !entry.fault && value < 0) complaint += value;
    // A negated fault ("not broken") is relief, not a fault: it joins the other words.
    if (entry.fault && value < 0) faults += weighted;
    else if (weighted > 0 && barePraise.has(clauses[i]!)) {
      if (clauses[i] === ironicClause) ironic += weighted;
      else opening += weighted;
      if (clauses[i] === firstClause) bareInFirst = true;
    } else if (weighted > 0 && !expressions.has(i) && lexicon.courtesy.has(scoring.view.stems[i] ?? '')) courtesy += weighted;
    else if (weighted > 0) praise += weighted;
    else blame += weighted;
  });
  // Bare praise after a message's first clause, with no other praise or thanks, is sarcasm after
  // an upset message, whatever this one says; in the first clause it is often a plain "ok" ("Ah,
  // beleza. Preciso estar em casa?").
  const sarcasmProne = ironic + opening > 0 && !bareInFirst && praise === 0 && courtesy === 0 && !sarcastic;
  const blameOfTheRest = blame;
  const faultsCounted = Math.max(FAULT_FLOOR, faults);
  // "Great, another delay", "A voucher. Wonderful. …": bare praise before the last clause is
  // sarcasm when the rest is a complaint that neither praises nor thanks ("Great, thanks, it is
  // still broken" is not).
  if (opening > 0 && praise === 0 && courtesy === 0 && ironic === 0 && blame + faultsCounted <= IRONIC_AFTER) blame -= opening;
  else praise += opening;
  // "Great service #not": the tag says the praise meant its opposite.
  if (sarcastic) {
    blame -= praise + courtesy + ironic + SARCASM_TAG;
    praise = 0;
    courtesy = 0;
    ironic = 0;
  }
  // "Thanks, my card was stolen": thanks in a report of a fault is politeness, not relief; after a
  // "but" the contrast weighting says which part counts ("it broke, but thanks for fixing it").
  if (faults >= 0 || contrastAt >= 0) praise += courtesy;
  if (complaint <= COMPLAINT && contrastAt < 0) praise *= PRAISE_IN_COMPLAINT;
  // "Late again, great": the closing praise is sarcasm when what came before reads as a complaint.
  if (ironic > 0 && praise + blame + faultsCounted <= IRONIC_AFTER) blame -= ironic;
  else praise += ironic;
  const faces = faceValence(text.text);
  const score = squashed(text.text, praise + blame + faultsCounted + faces, shouting);
  if (!sarcasmProne) return { score, language: lang };
  const afterUpset = squashed(text.text, blameOfTheRest - ironic - opening + faultsCounted + faces, shouting);
  return afterUpset < score ? { score, language: lang, afterUpset } : { score, language: lang };
}

/** `sum` adjusted for the message's punctuation and squashed to -1..1, rounded to 3 decimals. */
function squashed(text: string, sum: number, shouting: boolean): number {
  const adjusted = punctuationAdjusted(text, sum, shouting);
  return Math.round((adjusted / Math.sqrt(adjusted * adjusted + 1)) * 1000) / 1000;
}

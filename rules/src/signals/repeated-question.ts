/**
 * `repeatedQuestionCount`: how many customer messages ask the latest customer message again.
 *
 * Similarity (0..1, `questionSimilarity`) compares the two messages' content-word sets —
 * stemmed in the conversation language; stop words, chat fillers and question scaffolding
 * ("where is", "can you tell me") dropped; a one-typo difference counted as the same word.
 * "where is my order?", "where's my order??" and "WHERE IS MY ORDER" all reduce to {order} and
 * score 1; "where is my order" against "where is my refund" scores 0, "change my password"
 * against "change my email" 0.5. Two messages are the same question at or above
 * `thresholds.repeatSimilarity` (0.8 in the reference policy: it keeps {refund} vs {refund,
 * arrive} at 0.83 and {cancel, order} vs {change, order} at 0.67 on their sides). Messages are compared whole and
 * sentence by sentence, and the best score counts, so "Sure, it's 48213. Where is my order?"
 * still repeats "where's my order??". A latest message without content words ("ok", "?") is
 * never a repeat: the count is then 1. The latest message is compared with the
 * {@link COMPARED_MESSAGES} customer messages before it, so a turn costs the same however long
 * the conversation (issue 18).
 */
import { isTypoOf } from './fuzzy-match';
import type { AnalysedText } from './message-analysis';
import { foldText } from './text-normalise';

/**
 * Question scaffolding per language — interrogatives and auxiliaries that stop-word lists keep
 * but that do not tell one question from another ("where IS", "wo BLEIBT", "cadê").
 */
const SCAFFOLDING: Record<string, string> = {
  en: 'will would shall can could tell know let yet anyone someone still again why where when how what which who is are am was were be been get got getting do does did',
  es: 'está están estoy esto es son fue hay tengo tiene tienen puedo puede pueden podría hacer hago dónde cuándo cómo cuál qué quién sigue sigo todavía aún va vas voy',
  pt: 'cadê está estou são foi há tenho tem posso pode podem faço fazer vai vou onde quando como qual quem ainda continua',
  de: 'wo wann wie warum was welche welcher ist sind bin war kann können bleibt kommt bekomme bekommen gibt habe hat haben noch immer',
  fr: 'où quand comment pourquoi quel quelle est sont suis vais va vas peux peut pouvez faire fait',
};

const scaffolding = new Map<string, Set<string>>();

/**
 * Earlier customer messages the latest is compared with. Support chats rarely pass 20 customer
 * messages, and a question asked again after 50 more of the customer's own messages is a new
 * request more than a repeat.
 */
export const COMPARED_MESSAGES = 50;

function scaffoldingOf(language: string): Set<string> {
  let words = scaffolding.get(language);
  if (!words) {
    words = new Set((SCAFFOLDING[language] ?? '').split(/\s+/).filter(Boolean).map(foldText));
    scaffolding.set(language, words);
  }
  return words;
}

/** A content word of a message: its stem and folded form. */
export interface ContentWord {
  stem: string;
  word: string;
}

/** Customer messages found to repeat the latest one (the latest itself excluded). */
export interface RepeatFinding {
  /** Count including the latest message; 1 when asked once, 0 when there are no customer messages. */
  count: number;
  repeats: Array<{ message: AnalysedText; similarity: number }>;
}

/** Sentences of a message compared one by one (its last ones), bounding the work on long texts. */
const MAX_SENTENCES = 12;

/** Content words of the whole message, then of each of its last sentences when it has several. */
function contentWordSets(text: AnalysedText, language: string): ContentWord[][] {
  return text.remember(`contentWords:${language}`, () => findContentWordSets(text, language));
}

function findContentWordSets(text: AnalysedText, language: string): ContentWord[][] {
  const view = text.view(language);
  const skip = scaffoldingOf(language);
  const whole = new Map<string, ContentWord>();
  const sentences = new Map<number, Map<string, ContentWord>>();
  text.tokens.forEach((token, i) => {
    const stem = view.stems[i];
    if (view.stop[i] || stem === undefined || skip.has(token.word)) return;
    const word = { stem, word: token.word };
    if (!whole.has(stem)) whole.set(stem, word);
    const sentence = sentences.get(token.sentence) ?? new Map<string, ContentWord>();
    if (!sentence.has(stem)) sentence.set(stem, word);
    sentences.set(token.sentence, sentence);
  });
  if (whole.size === 0) return [];
  const sets = [[...whole.values()]];
  if (sentences.size > 1) for (const sentence of [...sentences.values()].slice(-MAX_SENTENCES)) sets.push([...sentence.values()]);
  return sets;
}

function bestSimilarity(a: readonly ContentWord[][], b: readonly ContentWord[][]): number {
  let best = 0;
  for (const x of a) for (const y of b) best = Math.max(best, questionSimilarity(x, y));
  return best;
}

/**
 * The similarity of two sets of `a` and `b` words sharing every word of the smaller one: the most
 * {@link questionSimilarity} can give them (the same arithmetic, so the bound is exact).
 */
function similarityBound(a: number, b: number): number {
  const shared = Math.min(a, b);
  return ((2 * shared) / (a + b) + shared / shared) / 2;
}

/**
 * {@link bestSimilarity} when it is at least `threshold`, else a value below `threshold`: pairs
 * whose bound cannot reach the threshold or beat the best so far are not compared (the repeat
 * check compares the latest message with 50 others, sentence by sentence, on every turn).
 */
function bestSimilarityFrom(a: readonly ContentWord[][], b: readonly ContentWord[][], threshold: number): number {
  let best = 0;
  for (const x of a) {
    for (const y of b) {
      if (x.length === 0 || y.length === 0) continue;
      const bound = similarityBound(x.length, y.length);
      if (bound < threshold || bound <= best) continue;
      best = Math.max(best, questionSimilarity(x, y));
    }
  }
  return best;
}

function sameWord(a: ContentWord, b: ContentWord): boolean {
  return a.stem === b.stem || isTypoOf(a.word, b.word) || isTypoOf(b.word, a.word);
}

/**
 * Similarity (0..1) of two content-word sets: the mean of their Dice coefficient
 * 2·|shared| / (|A| + |B|) and overlap coefficient |shared| / min(|A|, |B|); 0 when either is
 * empty. The overlap half lets a question repeated with one more detail still match ({refund}
 * vs {refund, arrive}: 0.83); the Dice half keeps a different key word apart ({cancel, order}
 * vs {change, order}: 0.5).
 */
export function questionSimilarity(a: readonly ContentWord[], b: readonly ContentWord[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  // Greedy: each word of a takes the first unused word of b it matches.
  const used: boolean[] = new Array<boolean>(b.length).fill(false);
  let shared = 0;
  for (const word of a) {
    for (let k = 0; k < b.length; k += 1) {
      if (!used[k] && sameWord(word, b[k] as ContentWord)) {
        used[k] = true;
        shared += 1;
        break;
      }
    }
  }
  const dice = (2 * shared) / (a.length + b.length);
  const overlap = shared / Math.min(a.length, b.length);
  return (dice + overlap) / 2;
}

/** Similarity (0..1) of two messages in `language`: the best of whole-message and sentence pairs. */
export function messageSimilarity(a: AnalysedText, b: AnalysedText, language: string): number {
  return bestSimilarity(contentWordSets(a, language), contentWordSets(b, language));
}

/**
 * Counts the customer messages, among the {@link COMPARED_MESSAGES} before it, that ask the
 * latest one again.
 * @param messages customer messages in conversation order
 * @param language conversation language, for stems and stop words
 * @param threshold `thresholds.repeatSimilarity`, 0..1
 */
export function findRepeatedQuestion(messages: readonly AnalysedText[], language: string, threshold: number): RepeatFinding {
  const latest = messages[messages.length - 1];
  if (!latest) return { count: 0, repeats: [] };
  const latestSets = contentWordSets(latest, language);
  const repeats: RepeatFinding['repeats'] = [];
  if (latestSets.length > 0) {
    for (const message of messages.slice(-COMPARED_MESSAGES - 1, -1)) {
      const similarity = bestSimilarityFrom(latestSets, contentWordSets(message, language), threshold);
      if (similarity >= threshold) repeats.push({ message, similarity: Math.round(similarity * 100) / 100 });
    }
  }
  return { count: repeats.length + 1, repeats };
}

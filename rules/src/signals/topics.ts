/**
 * `topics`: which of the policy's topic lexicons the customer's messages match. Phrases of every
 * lexicon language are tried on every message (customers switch languages, detectors miss on
 * short texts), stemmed per language and tolerant of one typo; multi-word phrases match their
 * content words in order with up to three words between ("charged me twice", "hacked into my
 * account"; amounts between are free: "charged me $14.99 twice"). An ellipsis joins parts
 * matched word for word anywhere later in the sentence ("charge … I don't recognise",
 * "someone … got into my account"). Requests are not reports: a phrase that opens with
 * "someone" right after a modal ("could someone change my email?"), or whose words would reach
 * across "help" or a modal ("can someone help me change my email"), does not match
 * (`phrase-match.ts`). Precision comes from the lexicon: list incidents
 * ("my account was hacked"), not bare subjects ("security"), and anchor verbs whose stem is
 * shared with a how-to question ("me cambiaron … contraseña", not "cambiaron mi contraseña",
 * which "¿cómo cambio mi contraseña?" also matches). A phrase with the `{secret}` placeholder
 * ("my password is {secret}") hears a password typed into the chat; its quote masks the
 * password-like words it matched ("my password is •••••••"), so evidence does not repeat them.
 * Topic concepts (`concepts.ts`) find the pattern behind phrases; their evidence names the
 * concept and the two parts it saw ("matched concept lost_card: "card" … "can't find"").
 */
import { conceptWords } from './concepts';
import { quote } from './evidence';
import { holdsNegator, negatedBefore } from './negation';
import type { AnalysedText } from './message-analysis';
import { isSecretWord, SECRET_TERM } from './phrase-index';
import type { MatchedMessage, PhraseHit } from './phrase-match';
import type { SignalsModel } from './prepare-signals';

/** Topics found and, per topic, quotes of the messages that matched (at most 2 per topic). */
export interface TopicFindings {
  /** Topic names in settings order. */
  topics: string[];
  evidence: string[];
  /** 0-based indices in `input.messages` of every customer message that matched a topic (quoted or not). */
  sources: number[];
}

/** Quotes kept per topic over a conversation: the first messages that match it. */
export const QUOTES_PER_TOPIC = 2;

/** The message text with the password-like words of a `{secret}` hit masked, same length. */
function quotable(text: AnalysedText, hit: PhraseHit<string>): string {
  if (!hit.phrase.terms.includes(SECRET_TERM) || text.shown !== text.text) return text.shown;
  let masked = text.text;
  for (const token of text.tokens.slice(hit.first, hit.last + 1)) {
    if (isSecretWord(token.word)) masked = masked.slice(0, token.start) + '•'.repeat(token.end - token.start) + masked.slice(token.end);
  }
  return masked;
}

/** One topic occurrence: where it is, the text to quote, and what matched. */
interface TopicHit {
  topic: string;
  first: number;
  last: number;
  shown: string;
  matched: string;
}

/** Phrase hits, without those a negation just before cancels ("I wasn't charged twice"). */
function phraseHits({ text, lexemes }: MatchedMessage, model: SignalsModel): TopicHit[] {
  const hits = model.topics.find(text, lexemes).filter((hit) => holdsNegator(hit.phrase) || !negatedBefore(text, hit.first, hit.phrase.language));
  return hits.map((hit) => ({ topic: hit.tag, first: hit.first, last: hit.last, shown: quotable(text, hit), matched: `matched "${hit.phrase.text}"` }));
}

function conceptHits(message: MatchedMessage, model: SignalsModel): TopicHit[] {
  const { text } = message;
  return model.concepts.find(message).map((hit) => {
    const [first, second] = conceptWords(text, hit);
    return { topic: hit.topic, first: hit.first, last: hit.last, shown: text.shown, matched: `matched concept ${hit.id} ("${first}" … "${second}")` };
  });
}

/** Matches the customer messages against the model's topic lexicons and concepts (phrases first). */
export function findTopics(messages: readonly MatchedMessage[], model: SignalsModel): TopicFindings {
  const quotes = new Map<string, string[]>();
  const sources: number[] = [];
  for (const message of messages) {
    const { text } = message;
    const seen = new Set<string>();
    for (const hit of [...phraseHits(message, model), ...conceptHits(message, model)]) {
      if (seen.has(hit.topic)) continue;
      seen.add(hit.topic);
      if (sources[sources.length - 1] !== text.index) sources.push(text.index);
      const list = quotes.get(hit.topic) ?? [];
      if (list.length >= QUOTES_PER_TOPIC) continue;
      const start = text.tokens[hit.first]?.start;
      const end = text.tokens[hit.last]?.end;
      list.push(`${hit.topic}: ${quote('customer', text.position, hit.shown, start, end)} ${hit.matched}`);
      quotes.set(hit.topic, list);
    }
  }
  const topics = model.topicNames.filter((name) => quotes.has(name));
  return { topics, evidence: topics.flatMap((name) => quotes.get(name) ?? []), sources };
}

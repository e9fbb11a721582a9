/**
 * `humanRequested`: does the customer ask for a person? Phrases and negations come from the
 * policy's `humanRequest` lexicon (any of its languages, stemmed, one typo tolerated).
 *
 * A request is cancelled by a negation phrase in the same clause — before it within 6 words
 * ("I don't want to talk to an agent", "no need for a human") or just after it within 4
 * ("a human is not necessary"). A one-word request phrase ("agent", "humano") asks only when
 * the message is about that short (at most 3 content words), so "the agent said yes" is no ask;
 * negated, it declines in any message.
 * Turning the bot down is asking for a person: the lexicon lists refusals such as "not talk to a
 * bot", "no quiero hablar con un bot", "keinen Bot" as requests. A refusal is a request phrase
 * holding a negator ("not", "no", "nicht", "pas"...); a negation phrase that shares
 * a word with a refusal is the refusal's own wording, not a negation of any request: "I don't want
 * to talk to a bot" asks, and so does "I don't want a robot I want a real person", while "I don't
 * want to talk to a human" and "I don't want a human" (no negator inside "want a human") decline.
 * The latest customer message that asks or declines decides: "actually, no need for a human
 * anymore" withdraws an earlier ask.
 * Where no phrase asks or declines, the lexicon's concepts may (`concepts.ts`: a person and an ask
 * near each other, "put me through to one of your staff"), under the same negations.
 */
import { conceptWords } from './concepts';
import { holdsNegator } from './negation';
import type { SignalsModel } from './prepare-signals';
import type { AnalysedText } from './message-analysis';
import type { MatchedMessage, PhraseHit } from './phrase-match';

/** The message that decided `humanRequested`, if any. */
export interface HumanRequestFinding {
  requested: boolean;
  message: AnalysedText;
  /** The request phrase found (as written in the settings). */
  phrase: string;
  /** The negation phrase that cancelled it, when `requested` is false. */
  negation?: string;
  /** Token span of the request, for the evidence quote. */
  first: number;
  last: number;
}

const NEGATION_BEFORE = 6;
const NEGATION_AFTER = 4;
const SHORT_MESSAGE_CONTENT_WORDS = 3;

function contentWords(text: AnalysedText, language: string): number {
  return text.view(language).stop.filter((stop) => !stop).length;
}

function overlaps(a: PhraseHit<true>, b: PhraseHit<true>): boolean {
  return a.first <= b.last && b.first <= a.last;
}

function negationOf(text: AnalysedText, request: PhraseHit<true>, negations: readonly PhraseHit<true>[]): PhraseHit<true> | undefined {
  const clause = text.tokens[request.first]?.clause;
  return negations.find((negation) => {
    const before = negation.first < request.first && request.first - negation.last <= NEGATION_BEFORE;
    const after = negation.first > request.last && negation.first - request.last <= NEGATION_AFTER;
    if (!before && !after) return false;
    const from = Math.min(negation.first, request.first);
    const to = Math.max(negation.last, request.last);
    return text.tokens.slice(from, to + 1).every((token) => token.clause === clause);
  });
}

/** A request found by a concept, or declined by a negation phrase around it. */
function judgeConcepts(message: MatchedMessage, model: SignalsModel): HumanRequestFinding | undefined {
  const [hit] = model.humanRequestConcepts.find(message);
  if (!hit) return undefined;
  const { text, lexemes } = message;
  const span: PhraseHit<true> = { phrase: hit.state.phrase, tag: true, first: hit.first, last: hit.last };
  const negation = negationOf(text, span, model.humanRequestNegations.find(text, lexemes));
  const [first, second] = conceptWords(text, hit);
  const finding = { message: text, phrase: `concept ${hit.id}: ${first} … ${second}`, first: hit.first, last: hit.last };
  return negation ? { ...finding, requested: false, negation: negation.phrase.text } : { ...finding, requested: true };
}

function judgeMessage(message: MatchedMessage, model: SignalsModel): HumanRequestFinding | undefined {
  const { text, lexemes } = message;
  const hits = model.humanRequests.find(text, lexemes);
  if (hits.length === 0) return judgeConcepts(message, model);
  // A negation that shares words with a refusal ("I don't want to talk to a bot") is part of it.
  const refusals = hits.filter((hit) => holdsNegator(hit.phrase));
  const negations = model.humanRequestNegations.find(text, lexemes).filter((negation) => !refusals.some((hit) => overlaps(hit, negation)));
  let declined: HumanRequestFinding | undefined;
  for (const hit of hits) {
    const negation = negationOf(text, hit, negations);
    const finding = { message: text, phrase: hit.phrase.text, first: hit.first, last: hit.last };
    if (negation) {
      declined ??= { ...finding, requested: false, negation: negation.phrase.text };
    } else if (hit.phrase.terms.length > 1 || contentWords(text, hit.phrase.language) <= SHORT_MESSAGE_CONTENT_WORDS) {
      return { ...finding, requested: true };
    }
  }
  // A one-word phrase in a longer message decides nothing: a concept may still ask ("páseme con su supervisor").
  return declined ?? judgeConcepts(message, model);
}

/**
 * Finds the latest customer message that asks for a person or declines one.
 * @param messages customer messages in conversation order
 * @returns the deciding finding, or undefined when no message mentions a request
 */
export function findHumanRequest(messages: readonly MatchedMessage[], model: SignalsModel): HumanRequestFinding | undefined {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i];
    const finding = message && judgeMessage(message, model);
    if (finding) return finding;
  }
  return undefined;
}

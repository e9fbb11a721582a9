/**
 * Internal: negation shared by the matchers. A phrase that holds a negation word of its own
 * language is a refusal or a denial in itself ("not a bot", "didn't make", "don't recognise");
 * a negation word just before a phrase in its clause cancels it ("I was not charged twice").
 */
import { languagePack } from './language-packs';
import type { AnalysedText } from './message-analysis';
import type { CompiledPhrase } from './phrase-index';
import { tokenise } from './text-normalise';

/** How far, in words, a negation word before a phrase reaches. */
export const NEGATION_REACH = 3;

const NO_NEGATORS: ReadonlySet<string> = new Set();

/** Folded negation words of `language` (none for a language without a pack). */
export function negatorsOf(language: string): ReadonlySet<string> {
  return languagePack(language)?.negators ?? NO_NEGATORS;
}

const holding = new WeakMap<CompiledPhrase, boolean>();

/** True when `phrase` holds a negation word of its own language. Cached per compiled phrase. */
export function holdsNegator(phrase: CompiledPhrase): boolean {
  let holds = holding.get(phrase);
  if (holds === undefined) {
    const negators = negatorsOf(phrase.language);
    holds = tokenise(phrase.text).some((token) => negators.has(token.word));
    holding.set(phrase, holds);
  }
  return holds;
}

/** True when a negation word of `language` stands within `NEGATION_REACH` words before token `first`, in its clause. */
export function negatedBefore(text: AnalysedText, first: number, language: string): boolean {
  const negators = negatorsOf(language);
  const clauses = text.clauses(language);
  for (let j = Math.max(0, first - NEGATION_REACH); j < first; j += 1) {
    const token = text.tokens[j];
    if (token && clauses[j] === clauses[first] && negators.has(token.word)) return true;
  }
  return false;
}

/**
 * Internal: finds compiled phrases in a message whose tokens already carry their lexemes
 * (`PhraseIndex.tokenLexemes`). Phrases are grouped by their first lexeme so a message only
 * tries the phrases that can start at each of its words.
 */
import type { AnalysedText } from './message-analysis';
import type { CompiledPhrase } from './phrase-index';

/** Words allowed between two content words of a `content` phrase (more if the phrase has more). */
const MAX_GAP_WORDS = 3;
/** Of those, how many may be content (non-stop) words. */
const MAX_GAP_CONTENT_WORDS = 1;

/** A message with its tokens' lexemes (`PhraseIndex.tokenLexemes`). */
export interface MatchedMessage {
  text: AnalysedText;
  lexemes: number[][];
}

/** One occurrence of a phrase: token indexes of its first and last matched word. */
export interface PhraseHit<T> {
  phrase: CompiledPhrase;
  /** What the phrase was registered with (a topic name, a flag...). */
  tag: T;
  first: number;
  last: number;
}

interface Entry<T> {
  phrase: CompiledPhrase;
  tag: T;
}

/** A group of phrases searched together, each with a tag. */
export class PhraseSet<T> {
  private readonly byFirstTerm = new Map<number, Entry<T>[]>();

  /** Number of phrases in the set. */
  size = 0;

  add(phrase: CompiledPhrase, tag: T): void {
    const first = phrase.terms[0];
    if (first === undefined) return;
    const entries = this.byFirstTerm.get(first) ?? [];
    entries.push({ phrase, tag });
    this.byFirstTerm.set(first, entries);
    this.size += 1;
  }

  /** Every phrase occurrence in `text`, by start position; a phrase is reported once per start. */
  find(text: AnalysedText, lexemes: number[][]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    if (this.size === 0) return hits;
    lexemes.forEach((ids, start) => {
      for (const id of ids) {
        for (const entry of this.byFirstTerm.get(id) ?? []) {
          const last = matchFrom(text, lexemes, entry.phrase, start);
          if (last >= 0) hits.push({ phrase: entry.phrase, tag: entry.tag, first: start, last });
        }
      }
    });
    return hits;
  }
}

/** Index of the last token of `phrase` matched from `start`, or -1. */
function matchFrom(text: AnalysedText, lexemes: number[][], phrase: CompiledPhrase, start: number): number {
  const tokens = text.tokens;
  const sentence = tokens[start]?.sentence;
  let current = start;
  for (let k = 1; k < phrase.terms.length; k += 1) {
    const term = phrase.terms[k] as number;
    if (phrase.mode === 'sequence') {
      current += 1;
      if (tokens[current]?.sentence !== sentence || !lexemes[current]?.includes(term)) return -1;
      continue;
    }
    const stop = text.view(phrase.language).stop;
    let found = -1;
    let contentWords = 0;
    const maxGap = Math.max(MAX_GAP_WORDS, (phrase.gaps[k] ?? 0) + 1);
    for (let j = current + 1; j <= current + 1 + maxGap && j < tokens.length; j += 1) {
      if (tokens[j]?.sentence !== sentence) break;
      if (lexemes[j]?.includes(term)) {
        found = j;
        break;
      }
      if (!stop[j]) {
        contentWords += 1;
        if (contentWords > MAX_GAP_CONTENT_WORDS) break;
      }
    }
    if (found < 0) return -1;
    current = found;
  }
  return current;
}

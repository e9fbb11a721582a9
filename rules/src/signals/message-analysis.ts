/**
 * Internal: one message tokenised once, with per-language stems and stop-word marks computed on
 * demand and kept, so sentiment, topics, the human-request check and the repeat check share them.
 *
 * What a text alone determines is kept per signals model in a bounded memo (`MessageMemo`): a bot
 * sends the whole conversation on every turn, so each earlier message is read once, not once per
 * turn (issue 18). What a message decides in its conversation is kept apart, per conversation
 * (`conversation-memo.ts`).
 */
import { LRUCache } from 'lru-cache';
import { stopwordTest } from './language-packs';
import { stem } from './stemmer';
import { clauseNumbers, tokenise, type TextToken } from './text-normalise';

/** Stems and stop-word marks of a message's tokens in one language (same indexes as `tokens`). */
export interface LanguageView {
  stems: string[];
  stop: boolean[];
}

/** The work a text alone determines, shared by every message with that text under one model. */
class TextWork {
  readonly tokens: TextToken[];
  readonly views = new Map<string, LanguageView>();
  readonly results = new Map<string, unknown>();

  constructor(text: string) {
    this.tokens = tokenise(text);
  }
}

/** A message ready for the matchers. */
export class AnalysedText {
  private readonly work: TextWork;

  /**
   * @param text the message text as sent
   * @param position 1-based position of the message in `input.messages` (used in evidence)
   * @param shown the text evidence may quote (redacted by the caller; `text` when not)
   * @param work the text's shared work, from a `MessageMemo` (fresh when absent)
   */
  constructor(
    readonly text: string,
    readonly position: number,
    readonly shown: string = text,
    work?: TextWork,
  ) {
    this.work = work ?? new TextWork(text);
  }

  get tokens(): TextToken[] {
    return this.work.tokens;
  }

  /** 0-based index of the message in `input.messages` (what `SignalResult.sources` holds). */
  get index(): number {
    return this.position - 1;
  }

  /** Stems and stop-word marks of the tokens in `language` (ISO 639-1). */
  view(language: string): LanguageView {
    let view = this.work.views.get(language);
    if (!view) {
      const isStop = stopwordTest(language);
      view = {
        stems: this.tokens.map((token) => stem(language, token.word)),
        stop: this.tokens.map((token) => isStop(token.word)),
      };
      this.work.views.set(language, view);
    }
    return view;
  }

  /**
   * Clause number of each token read in `language` (ISO 639-1; same indexes as `tokens`):
   * punctuation and the language's "but"-words split clauses (`clauseNumbers`). Portuguese "mais"
   * ("more") does not split one, French "mais" ("but") does.
   */
  clauses(language: string): readonly number[] {
    return this.remember(`clauses:${language}`, () => clauseNumbers(this.tokens, language));
  }

  /**
   * `compute()`, worked out once per text and model and then shared by every message with this
   * text. `compute` must depend only on the text, on `key` and on the signals model (never on
   * `position` or `shown`), and its result must not be mutated.
   */
  remember<T>(key: string, compute: () => T): T {
    // One lookup when known (the language check asks every message for each candidate every turn).
    const known = this.work.results.get(key);
    if (known !== undefined || this.work.results.has(key)) return known as T;
    const result = compute();
    this.work.results.set(key, result);
    return result;
  }
}

/**
 * Messages analysed under one signals model, least recently used first out. 5,000 texts hold
 * about 40 MB (measured on the seed conversations: about 8 KB per text with its lexemes and
 * matches), enough for every message of a few hundred live conversations.
 */
export const MESSAGE_MEMO_TEXTS = 5000;

/** The bounded memo of `TextWork` of one signals model (`SignalsModel.messages`). */
export class MessageMemo {
  private readonly works = new LRUCache<string, TextWork>({ max: MESSAGE_MEMO_TEXTS });

  /** The message `text` at `position`, sharing the work already done for the same text. */
  analyse(text: string, position: number, shown: string): AnalysedText {
    let work = this.works.get(text);
    if (!work) {
      work = new TextWork(text);
      this.works.set(text, work);
    }
    return new AnalysedText(text, position, shown, work);
  }
}

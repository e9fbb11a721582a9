/**
 * Internal: one message tokenised once while it is read, with per-language stems and stop-word
 * marks computed on demand and kept, so sentiment, topics, the human-request check and the repeat
 * check share them.
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
  readonly stems: string[];
  readonly stop: boolean[];
}

/**
 * A {@link LanguageView} whose stems are worked out on first read: phrases of every language are
 * tried on a message, and a match that starts in another language only asks which words are stop
 * words there (issue 18: stemming every token in that language for it was 5% of a decision's
 * allocations in a sampling heap profile).
 */
class TokensInLanguage implements LanguageView {
  readonly stop: boolean[];
  private stemmed: string[] | undefined;

  constructor(
    private readonly tokens: readonly TextToken[],
    private readonly language: string,
  ) {
    const isStop = stopwordTest(language);
    this.stop = tokens.map((token) => isStop(token.word));
  }

  get stems(): string[] {
    return (this.stemmed ??= this.tokens.map((token) => stem(this.language, token.word)));
  }
}

/**
 * The work a text alone determines, shared by every message with that text under one model.
 * Per-token work (tokens, stems, stop-word marks, clauses, lexemes) is large and needed only
 * while a message is read, so `release` drops it and it is redone on demand; the small results
 * later turns read again (sentiment score, vote counts, content words) stay.
 */
class TextWork {
  private readTokens: TextToken[] | undefined;
  readonly views = new Map<string, LanguageView>();
  readonly perToken = new Map<string, unknown>();
  readonly results = new Map<string, unknown>();

  constructor(private readonly text: string) {}

  get tokens(): TextToken[] {
    return (this.readTokens ??= tokenise(this.text));
  }

  release(): void {
    // Every record is released every turn; most hold nothing by then.
    if (this.readTokens === undefined && this.views.size === 0 && this.perToken.size === 0) return;
    this.readTokens = undefined;
    this.views.clear();
    this.perToken.clear();
  }
}

/** `compute()` kept in `results` under `key`: one lookup when known. */
function recall<T>(results: Map<string, unknown>, key: string, compute: () => T): T {
  const known = results.get(key);
  if (known !== undefined || results.has(key)) return known as T;
  const result = compute();
  results.set(key, result);
  return result;
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
      view = new TokensInLanguage(this.tokens, language);
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
    return this.rememberPerToken(`clauses:${language}`, () => clauseNumbers(this.tokens, language));
  }

  /**
   * `compute()`, worked out once per text and model and then shared by every message with this
   * text, for a small result later turns read again (a score, a count). `compute` must depend
   * only on the text, on `key` and on the signals model (never on `position` or `shown`), and its
   * result must not be mutated.
   */
  remember<T>(key: string, compute: () => T): T {
    // One lookup when known (the language check asks every message for each candidate every turn).
    return recall(this.work.results, key, compute);
  }

  /** As {@link remember}, for a result with an entry per token: kept only until {@link release}. */
  rememberPerToken<T>(key: string, compute: () => T): T {
    return recall(this.work.perToken, key, compute);
  }

  /**
   * Drops the text's per-token work once its message has been read (what it decided is kept in
   * the conversation memo), so a memo entry holds its small results only. Anything asked for
   * later is worked out again, with the same result.
   */
  release(): void {
    this.work.release();
  }
}

/**
 * Messages analysed under one signals model, least recently used first out: enough for every
 * message of a few hundred live conversations. Full, with the conversation memo full too, the
 * two hold about 16 MB (measured on the benchmark's bodies, 5,000 decisions over the seed
 * conversations; 36 MB while each text kept its per-token work).
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

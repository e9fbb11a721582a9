/**
 * Internal: one message tokenised once, with per-language stems and stop-word marks computed on
 * demand and kept, so sentiment, topics, the human-request check and the repeat check share them.
 */
import { stopwordTest } from './language-packs';
import { stem } from './stemmer';
import { tokenise, type TextToken } from './text-normalise';

/** Stems and stop-word marks of a message's tokens in one language (same indexes as `tokens`). */
export interface LanguageView {
  stems: string[];
  stop: boolean[];
}

/** A message ready for the matchers. */
export class AnalysedText {
  readonly tokens: TextToken[];
  private readonly views = new Map<string, LanguageView>();

  /**
   * @param text the message text as sent
   * @param position 1-based position of the message in `input.messages` (used in evidence)
   * @param shown the text evidence may quote (redacted by the caller; `text` when not)
   */
  constructor(
    readonly text: string,
    readonly position: number,
    readonly shown: string = text,
  ) {
    this.tokens = tokenise(text);
  }

  /** 0-based index of the message in `input.messages` (what `SignalResult.sources` holds). */
  get index(): number {
    return this.position - 1;
  }

  /** Stems and stop-word marks of the tokens in `language` (ISO 639-1). */
  view(language: string): LanguageView {
    let view = this.views.get(language);
    if (!view) {
      const isStop = stopwordTest(language);
      view = {
        stems: this.tokens.map((token) => stem(language, token.word)),
        stop: this.tokens.map((token) => isStop(token.word)),
      };
      this.views.set(language, view);
    }
    return view;
  }
}

/**
 * Contract of the signals stage: what `computeSignals` returns. Facts are the catalog's
 * (`@baton/schemas` FACT_CATALOG); evidence explains them in words for reasons and audits.
 */
import type { FactName, Facts } from '@baton/schemas';

/** Facts of one decision plus the quotes and numbers that produced them. */
export interface SignalResult {
  facts: Facts;
  /** Per fact, short human-readable evidence, e.g. `message 3: "I want to talk to a person"`. */
  evidence: Partial<Record<FactName, string[]>>;
  /** Sentiment score (-1..1) of each customer message, in order; index i is the i-th customer message. */
  customerSentiments: number[];
  /**
   * Per fact, the messages that support its value: 0-based indices into `input.messages`, in
   * conversation order, without duplicates. Only message-based facts have sources (topics, human
   * request, sentiment, bot confidence, repeated question, counts and times); profile and
   * attribute facts have none. The context package points each trigger at the latest of them.
   */
  sources: Partial<Record<FactName, number[]>>;
}

/**
 * The facts a policy condition can test: name, value type and a one-line description an ops
 * person can read. `rules/signals` computes exactly these from a `DecideHandoffInput`; the
 * validator refuses any other fact name, and the editor's fact picker lists them.
 */

/** Value type of a fact, which decides the operators and values a condition may use. */
export type FactType = 'number' | 'boolean' | 'string' | 'stringList' | 'object';

/** One entry of the catalog. `range` is inclusive and only set for bounded numbers. */
export interface FactSpec {
  type: FactType;
  description: string;
  unit?: string;
  range?: readonly [number, number];
}

export const FACT_CATALOG = {
  sentimentLatest: {
    type: 'number',
    description: 'Sentiment of the latest customer message, -1 (angry) to 1 (happy).',
    unit: 'score -1..1',
    range: [-1, 1],
  },
  sentimentPrevious: {
    type: 'number',
    description: 'Sentiment of the customer message before the latest one (0 when there is none).',
    unit: 'score -1..1',
    range: [-1, 1],
  },
  sentimentMin: {
    type: 'number',
    description: 'Lowest sentiment over all customer messages.',
    unit: 'score -1..1',
    range: [-1, 1],
  },
  negativeStreak: {
    type: 'number',
    description: 'How many of the latest customer messages in a row are negative (at or below the negative sentiment threshold).',
    unit: 'messages',
  },
  negativeTurns: {
    type: 'number',
    description: 'How many customer messages of the whole conversation are negative (at or below the negative sentiment threshold), in a row or not.',
    unit: 'messages',
  },
  sentimentSharpDrop: {
    type: 'boolean',
    description:
      'The previous customer message (or, when there is none, a neutral start) was neutral or positive and the latest one is very negative (sharp-drop thresholds).',
  },
  botConfidenceLatest: {
    type: 'number',
    description: "The bot's confidence in its latest reply, 0 to 1 (lowered by hedging when the bot sent none).",
    unit: 'score 0..1',
    range: [0, 1],
  },
  lowConfidenceStreak: {
    type: 'number',
    description: 'How many of the latest bot replies in a row are below the low-confidence threshold.',
    unit: 'replies',
  },
  hedgingCount: {
    type: 'number',
    description: 'Bot replies that hedge ("I think", "it might be").',
    unit: 'replies',
  },
  humanRequested: {
    type: 'boolean',
    description: 'The customer asks for a person (a negated ask such as "no need for a human" does not count).',
  },
  repeatedQuestionCount: {
    type: 'number',
    description: 'How many times the customer has asked their latest question, near-duplicates included.',
    unit: 'times',
  },
  topics: {
    type: 'stringList',
    description: "Topics found in the customer's messages using the policy's topic lexicons.",
  },
  messageLengthGrowth: {
    type: 'number',
    description: "Length of the customer's latest message divided by their first (above 1 means they write more and more).",
    unit: 'ratio',
  },
  customerMessageCount: {
    type: 'number',
    description: 'Messages written by the customer.',
    unit: 'messages',
  },
  botReplyCount: {
    type: 'number',
    description: 'Replies written by the bot.',
    unit: 'replies',
  },
  conversationMinutes: {
    type: 'number',
    description: 'Minutes from the first message to the last one.',
    unit: 'minutes',
  },
  elapsedMinutes: {
    type: 'number',
    description: 'Minutes from the first message to the evaluation time (`now`).',
    unit: 'minutes',
  },
  language: {
    type: 'string',
    description: "Conversation language as an ISO 639-1 code (detected from the customer's messages, else the customer's).",
  },
  customerTier: {
    type: 'string',
    description: 'Customer tier as sent by the integration (e.g. free, pro, vip, enterprise), lower-case.',
  },
  lifetimeValue: {
    type: 'number',
    description: 'Customer lifetime value as sent by the integration (0 when unknown).',
    unit: 'currency units',
  },
  channel: {
    type: 'string',
    description: 'Channel of the conversation (chat, email, voice...), lower-case; empty when not sent.',
  },
  attemptCount: {
    type: 'number',
    description: 'Resolution attempts the bot reported.',
    unit: 'attempts',
  },
  failedAttemptCount: {
    type: 'number',
    description: 'Reported attempts whose result is a failure (failed, error, not resolved, rejected).',
    unit: 'attempts',
  },
  customerAttributes: {
    type: 'object',
    description: 'Custom customer attributes from the integration; test one with a path such as $.plan.',
  },
  attributes: {
    type: 'object',
    description: 'Integration-specific facts sent with the request; test one with a path such as $.orderStatus.',
  },
} as const satisfies Record<string, FactSpec>;

/** Name of a known fact. */
export type FactName = keyof typeof FACT_CATALOG;

/** The value a fact of each type holds at evaluation time. */
export interface FactValueByType {
  number: number;
  boolean: boolean;
  string: string;
  stringList: string[];
  object: Record<string, unknown>;
}

/** The complete fact set one decision is evaluated on. */
export type Facts = {
  [K in FactName]: FactValueByType[(typeof FACT_CATALOG)[K]['type']];
};

/** True when `name` is a fact of the catalog. */
export function isFactName(name: string): name is FactName {
  return Object.prototype.hasOwnProperty.call(FACT_CATALOG, name);
}

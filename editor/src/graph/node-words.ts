/**
 * Facts and tests in words an ops person reads on the canvas: "negative messages in a row ≥ 2
 * or sentiment dropped sharply", "customer asks for a human". Words only; deciding is the server's.
 */
import {
  FACT_CATALOG,
  OPERATOR_SYMBOLS,
  ROUTING_FACT_CATALOG,
  isFactName,
  isFactTest,
  isRoutingFactName,
  type ConditionTest,
  type FactName,
  type FactTest,
  type FactType,
  type Operator,
  type RoutingFactName,
  type Thresholds,
} from '@baton/schemas';

/** A short phrase per fact, used on nodes and in the fact picker. */
export const FACT_PHRASES: Record<FactName, string> = {
  sentimentLatest: 'sentiment of the latest message',
  sentimentPrevious: 'sentiment of the previous message',
  sentimentMin: 'lowest sentiment',
  negativeStreak: 'negative messages in a row',
  negativeTurns: 'negative customer messages',
  sentimentSharpDrop: 'sentiment dropped sharply',
  botConfidenceLatest: "bot's latest confidence",
  lowConfidenceStreak: 'low-confidence bot replies in a row',
  hedgingCount: 'hedging bot replies',
  humanRequested: 'customer asks for a human',
  repeatedQuestionCount: 'times the question was asked',
  topics: 'topics',
  messageLengthGrowth: 'message length growth',
  customerMessageCount: 'customer messages',
  botReplyCount: 'bot replies',
  conversationMinutes: 'conversation minutes',
  elapsedMinutes: 'minutes since the first message',
  language: 'language',
  customerTier: 'customer tier',
  lifetimeValue: 'lifetime value',
  channel: 'channel',
  attemptCount: 'attempts',
  failedAttemptCount: 'failed attempts',
  customerAttributes: 'customer attribute',
  attributes: 'attribute',
};

/** A short phrase per decision fact only routing graphs see. */
export const ROUTING_FACT_PHRASES: Record<RoutingFactName, string> = {
  action: 'decided action',
  reasonCode: 'reason code',
  priority: 'decided priority',
  tier: 'decided support tier',
  queue: 'queue on the leaf',
};

/** The phrase for a fact (its raw name when unknown), with the JSON path for object facts. */
export function factPhrase(fact: string, path?: string): string {
  const phrase = isFactName(fact) ? FACT_PHRASES[fact] : isRoutingFactName(fact) ? ROUTING_FACT_PHRASES[fact] : fact;
  return path ? `${phrase} ${path}` : phrase;
}

const valueWords = (value: FactTest['value']): string => (Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? `"${value}"` : String(value));

const factType = (fact: string): FactType | undefined =>
  isFactName(fact) ? FACT_CATALOG[fact].type : isRoutingFactName(fact) ? ROUTING_FACT_CATALOG[fact].type : undefined;

/** What a test asks of its fact, the fact left out: `≥ 2`, `= "vip"`, `include billing`, `yes` / `no` on a yes/no fact. */
export function describeComparison(fact: string, operator: Operator, value: FactTest['value']): string {
  if (factType(fact) === 'boolean' && typeof value === 'boolean') return (operator === 'equal') === value ? 'yes' : 'no';
  if (operator === 'contains') return `include ${valueWords(value)}`;
  if (operator === 'doesNotContain') return `exclude ${valueWords(value)}`;
  return `${OPERATOR_SYMBOLS[operator]} ${valueWords(value)}`;
}

/** One fact test in words. */
export function describeFactTest(test: FactTest): string {
  const subject = factPhrase(test.fact, test.path);
  const comparison = describeComparison(test.fact, test.operator, test.value);
  if (factType(test.fact) === 'boolean' && typeof test.value === 'boolean') return comparison === 'yes' ? subject : `not: ${subject}`;
  return `${subject} ${comparison}`;
}

/** The facts a test reads, each once, in the order they appear. */
export function factsOf(test: ConditionTest): string[] {
  if (isFactTest(test)) return [test.fact];
  const parts = 'all' in test ? test.all : 'any' in test ? test.any : [test.not];
  return [...new Set(parts.flatMap(factsOf))];
}

/**
 * What the policy's thresholds make `fact` count, in words ("negative: sentiment ≤ -0.3"), so a
 * condition "negative messages ≥ 2" shows the score it compares each message against; null for
 * facts no threshold shapes, or when the thresholds are unknown.
 */
export function thresholdNote(fact: string, thresholds: Thresholds | null | undefined): string | null {
  if (!thresholds) return null;
  switch (fact) {
    case 'negativeStreak':
    case 'negativeTurns':
      return `negative: sentiment ≤ ${thresholds.negativeSentiment}`;
    case 'sentimentSharpDrop':
      return `sharp drop: from ≥ ${thresholds.sharpDropFrom} to ≤ ${thresholds.sharpDropTo}`;
    case 'lowConfidenceStreak':
      return `low confidence: below ${thresholds.lowConfidence}`;
    case 'repeatedQuestionCount':
      return `same question: similarity ≥ ${thresholds.repeatSimilarity}`;
    default:
      return null;
  }
}

/** A condition test in words; nested groups are parenthesised. */
export function describeTest(test: ConditionTest, nested = false): string {
  if (isFactTest(test)) return describeFactTest(test);
  const wrap = (s: string) => (nested ? `(${s})` : s);
  if ('all' in test) return wrap(test.all.map((t) => describeTest(t, true)).join(' and '));
  if ('any' in test) return wrap(test.any.map((t) => describeTest(t, true)).join(' or '));
  return `not ${describeTest(test.not, true)}`;
}

/**
 * A fact value as a short text ("2", "true", "security, billing"). The values of a group of
 * tests, keyed `fact` or `fact path` as the trace gives them, read by the facts' phrases:
 * "negative customer messages: 0 · sentiment dropped sharply: no".
 */
export function formatFactValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => {
        const [fact = key, path] = key.split(' ');
        return `${factPhrase(fact, path)}: ${typeof v === 'boolean' ? (v ? 'yes' : 'no') : formatFactValue(v)}`;
      })
      .join(' · ');
  if (typeof value === 'number') return String(Math.round(value * 1000) / 1000);
  return String(value);
}

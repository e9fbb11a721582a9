/**
 * Nodes in words an ops person reads on the canvas: "negative messages in a row ≥ 2 or
 * sentiment dropped sharply", "customer asks for a human". Words only; deciding is the server's.
 */
import { FACT_CATALOG, OPERATOR_SYMBOLS, ROUTING_FACT_CATALOG, isFactName, isFactTest, isRoutingFactName, type ConditionTest, type FactName, type FactTest, type RouteTarget, type RoutingFactName } from '@baton/schemas';
import type { CanvasNode } from './canvas-graph';

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

/** One fact test in words. */
export function describeFactTest(test: FactTest): string {
  const subject = factPhrase(test.fact, test.path);
  const type = isFactName(test.fact) ? FACT_CATALOG[test.fact].type : isRoutingFactName(test.fact) ? ROUTING_FACT_CATALOG[test.fact].type : undefined;
  if (type === 'boolean' && typeof test.value === 'boolean') {
    const positive = (test.operator === 'equal') === test.value;
    return positive ? subject : `not: ${subject}`;
  }
  if (test.operator === 'contains') return `${subject} include ${valueWords(test.value)}`;
  if (test.operator === 'doesNotContain') return `${subject} exclude ${valueWords(test.value)}`;
  return `${subject} ${OPERATOR_SYMBOLS[test.operator]} ${valueWords(test.value)}`;
}

/** A condition test in words; nested groups are parenthesised. */
export function describeTest(test: ConditionTest, nested = false): string {
  if (isFactTest(test)) return describeFactTest(test);
  const wrap = (s: string) => (nested ? `(${s})` : s);
  if ('all' in test) return wrap(test.all.map((t) => describeTest(t, true)).join(' and '));
  if ('any' in test) return wrap(test.any.map((t) => describeTest(t, true)).join(' or '));
  return `not ${describeTest(test.not, true)}`;
}

/** One route target in words: "billing (same language, senior; 60 s; skip if nobody free)". */
export function describeTarget(target: RouteTarget): string {
  const filter = target.agentFilter ?? {};
  const notes = [
    ...(filter.skills ?? []).map((s) => (s.minProficiency ? `${s.skill} ≥ ${s.minProficiency}` : s.skill)),
    filter.matchCustomerLanguage ? 'same language' : '',
    filter.senior ? 'senior' : '',
    filter.accountOwner ? 'account owner' : '',
    target.timeoutSeconds !== undefined ? `${target.timeoutSeconds} s` : '',
    target.skipIfNoAgentAvailable ? 'skip if nobody free' : '',
  ].filter(Boolean);
  return notes.length > 0 ? `${target.queue} (${notes.join(', ')})` : target.queue;
}

/** The line a node shows under its title. */
export function describeNode(node: CanvasNode): string {
  switch (node.kind) {
    case 'start':
      return 'Every conversation starts here';
    case 'condition':
      return describeTest(node.data.test);
    case 'switch':
      return `by ${factPhrase(node.data.fact, node.data.path)}`;
    case 'handoff':
      return `Hand off to ${node.data.queue} · ${node.data.priority}`;
    case 'callback':
      return `Callback from ${node.data.queue} · ${node.data.priority}`;
    case 'stay':
      return 'Stay with the AI';
    case 'route':
      return node.data.targets.map((t, i) => `${i + 1}. ${describeTarget(t)}`).join(' → ');
  }
}

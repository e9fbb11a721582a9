/**
 * Test-only builders: a complete fact set with neutral values, and a small graph in the shape
 * of the reference policy (chain of conditions, a switch, a stay leaf).
 */
import type { Facts, PolicyGraph } from '@baton/schemas';

export function neutralFacts(overrides: Partial<Facts> = {}): Facts {
  return {
    sentimentLatest: 0,
    sentimentPrevious: 0,
    sentimentMin: 0,
    negativeStreak: 0,
    negativeTurns: 0,
    sentimentSharpDrop: false,
    botConfidenceLatest: 0.9,
    lowConfidenceStreak: 0,
    hedgingCount: 0,
    humanRequested: false,
    repeatedQuestionCount: 1,
    topics: [],
    messageLengthGrowth: 1,
    customerMessageCount: 1,
    botReplyCount: 0,
    conversationMinutes: 0,
    elapsedMinutes: 0,
    language: 'en',
    customerTier: '',
    lifetimeValue: 0,
    channel: 'chat',
    attemptCount: 0,
    failedAttemptCount: 0,
    customerAttributes: {},
    attributes: {},
    ...overrides,
  };
}

/** start → security? → human? → angry? (switch on tier: vip / default) → stay. */
export function smallPolicyGraph(): PolicyGraph {
  return {
    nodes: [
      { id: 'start', kind: 'start', data: {} },
      { id: 'c_security', kind: 'condition', data: { test: { fact: 'topics', operator: 'contains', value: 'security' } } },
      { id: 'h_security', kind: 'handoff', data: { reasonCode: 'security_incident', category: 'CONTENT', queue: 'trust_safety', priority: 'URGENT' } },
      { id: 'c_human', kind: 'condition', data: { test: { fact: 'humanRequested', operator: 'equal', value: true } } },
      { id: 'h_human', kind: 'handoff', data: { reasonCode: 'customer_request', category: 'CUSTOMER_REQUEST', queue: 'general', priority: 'NORMAL' } },
      {
        id: 'c_angry',
        kind: 'condition',
        data: {
          test: {
            any: [
              { fact: 'negativeStreak', operator: 'greaterThanInclusive', value: 2 },
              { fact: 'sentimentSharpDrop', operator: 'equal', value: true },
            ],
          },
        },
      },
      { id: 's_tier', kind: 'switch', data: { fact: 'customerTier', cases: [{ id: 'vip', operator: 'equal', value: 'vip' }] } },
      { id: 'h_vip', kind: 'handoff', data: { reasonCode: 'negative_sentiment', category: 'SENTIMENT', queue: 'vip', priority: 'HIGH' } },
      { id: 'h_senior', kind: 'handoff', data: { reasonCode: 'negative_sentiment', category: 'SENTIMENT', queue: 'senior', priority: 'HIGH' } },
      { id: 'stay', kind: 'stay', data: { reasonCode: 'ai_resolving' } },
    ],
    edges: [
      { id: 'e0', source: 'start', target: 'c_security' },
      { id: 'e1', source: 'c_security', sourceHandle: 'true', target: 'h_security' },
      { id: 'e2', source: 'c_security', sourceHandle: 'false', target: 'c_human' },
      { id: 'e3', source: 'c_human', sourceHandle: 'true', target: 'h_human' },
      { id: 'e4', source: 'c_human', sourceHandle: 'false', target: 'c_angry' },
      { id: 'e5', source: 'c_angry', sourceHandle: 'true', target: 's_tier' },
      { id: 'e6', source: 'c_angry', sourceHandle: 'false', target: 'stay' },
      { id: 'e7', source: 's_tier', sourceHandle: 'vip', target: 'h_vip' },
      { id: 'e8', source: 's_tier', sourceHandle: 'default', target: 'h_senior' },
    ],
  };
}

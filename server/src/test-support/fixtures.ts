/**
 * Internal (tests only): small policy documents that pass the policy JSON Schema, so store
 * tests do not depend on the seed.
 */
import type { PolicyDocument, PolicyGraph, TriggerSettings } from '@baton/schemas';
import type { Actor } from '../features/audit/audit-event';
import type { NewPolicy } from '../features/policies/policy-store';

/** start → stay leaf. */
export function stayGraph(reasonCode = 'ai_resolving'): PolicyGraph {
  return {
    nodes: [
      { id: 'start', kind: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'stay', kind: 'stay', position: { x: 0, y: 120 }, data: { reasonCode } },
    ],
    edges: [{ id: 'start-stay', source: 'start', target: 'stay' }],
  };
}

/** Empty lexicons and plausible thresholds. */
export function minimalSettings(): TriggerSettings {
  return {
    topics: {},
    humanRequest: { phrases: { en: ['human'] }, negations: { en: ['no need for'] } },
    hedging: { en: ['i think'] },
    thresholds: {
      negativeSentiment: -0.3,
      sharpDropFrom: 0,
      sharpDropTo: -0.5,
      lowConfidence: 0.7,
      hedgedConfidence: 0.5,
      assumedConfidence: 0.9,
      repeatSimilarity: 0.8,
    },
  };
}

export function minimalDocument(reasonCode?: string): PolicyDocument {
  return { graph: stayGraph(reasonCode), settings: minimalSettings() };
}

/** start → "customer asks for a human?" → handoff to `queue` (true) / stay (false). */
export function humanRequestGraph(queue = 'general'): PolicyGraph {
  return {
    nodes: [
      { id: 'start', kind: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'asks', kind: 'condition', position: { x: 0, y: 120 }, data: { test: { fact: 'humanRequested', operator: 'equal', value: true } } },
      {
        id: 'to_human',
        kind: 'handoff',
        position: { x: -150, y: 240 },
        data: { reasonCode: 'human_requested', category: 'CUSTOMER_REQUEST', queue, priority: 'NORMAL' },
      },
      { id: 'stay', kind: 'stay', position: { x: 150, y: 240 }, data: { reasonCode: 'ai_resolving' } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'asks' },
      { id: 'e2', source: 'asks', sourceHandle: 'true', target: 'to_human' },
      { id: 'e3', source: 'asks', sourceHandle: 'false', target: 'stay' },
    ],
  };
}

/** A policy whose every conversation is a HANDOFF to queue `queue` (reason `desk`): handoff tests start one with any message. */
export function handoffEveryTimePolicy(queue = 'desk'): { id: string; name: string; graph: PolicyGraph; settings: TriggerSettings } {
  return {
    id: queue,
    name: 'Desk',
    graph: {
      nodes: [
        { id: 'start', kind: 'start', data: {} },
        { id: 'h', kind: 'handoff', data: { reasonCode: 'desk', category: 'BUSINESS', queue, priority: 'NORMAL' } },
      ],
      edges: [{ id: 'e', source: 'start', target: 'h' }],
    } as PolicyGraph,
    settings: minimalSettings(),
  };
}

/** What creating policy `id` with {@link stayGraph} and {@link minimalSettings} takes, named `id`, at `at` by `actor`; `extra` overrides. */
export function newStayPolicy(id: string, at: Date, actor: Actor, extra: Partial<NewPolicy> = {}): NewPolicy {
  return { id, name: id, description: null, graph: stayGraph(), settings: minimalSettings(), routing: null, makeDefault: false, at, actor, ...extra };
}

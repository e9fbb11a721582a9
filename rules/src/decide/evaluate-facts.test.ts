import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DecideHandoffInput, PolicyGraph, RoutingGraph, TriggerSettings } from '@baton/schemas';
import { compilePolicy } from '../compiler/compile-graph';
import { englishBilling, openingHours, spanishBilling } from '../context/fixtures/conversations.fixture';
import { customerSays } from '../signals/fixtures/conversation.fixture';
import { decide } from './decide';
import { evaluateFacts, IncompleteFactsError } from './evaluate-facts';
import { preparePolicy } from './prepare-policy';

// The reference policy, read from disk (rules must not import seed).
const DIR = path.join(__dirname, '../../../seed/src/policies/support-default');
const graph = JSON.parse(fs.readFileSync(path.join(DIR, 'graph.json'), 'utf8')) as PolicyGraph;
const settings = JSON.parse(fs.readFileSync(path.join(DIR, 'trigger-settings.json'), 'utf8')) as TriggerSettings;
const prepared = preparePolicy({ graph, settings }, compilePolicy({ graph, settings }));
const now = new Date('2026-03-02T10:30:00Z');
const policy = { id: 'p', name: 'p', version: 1, contentHash: 'h' };

/** The facts as the decision log keeps them: the decision's signals through JSON. */
async function decideAndStore(input: DecideHandoffInput) {
  const decision = await decide(prepared, input, { now, decisionId: 'd', policy });
  return { decision, facts: JSON.parse(JSON.stringify(decision.signals)) as Record<string, unknown> };
}

describe('evaluateFacts', () => {
  it.each<[string, DecideHandoffInput]>([
    ['billing dispute with negative sentiment (en)', englishBilling],
    ['billing dispute (es)', spanishBilling],
    ['opening hours', openingHours],
    ['security', customerSays('Someone hacked my account and changed my password')],
    ['asks for a person', customerSays('I want to talk to a human please')],
    ['nothing fired', customerSays('What are your opening hours?')],
    ['enterprise tier', { ...customerSays('Where is my invoice?'), customer: { id: 'c', tier: 'enterprise' } }],
  ])('gives the outcome decide gave, from the stored facts alone: %s', async (_name, input) => {
    const { decision, facts } = await decideAndStore(input);
    const outcome = await evaluateFacts(prepared, facts);
    expect(outcome).toEqual({
      action: decision.action,
      reasonCode: decision.reasonCode,
      reasonCodes: decision.reasons.map((r) => r.code),
      priority: decision.priority,
      tier: decision.tier,
      queue: decision.routing?.queueId ?? null,
      leafId: decision.reasons[0]?.nodeId ?? 'stay_default',
    });
  });

  it('follows the facts, not the original messages: other facts, other outcome', async () => {
    const { facts } = await decideAndStore(englishBilling);
    const outcome = await evaluateFacts(prepared, { ...facts, topics: [], customerTier: 'enterprise' });
    expect(outcome).toMatchObject({
      action: 'HANDOFF',
      reasonCode: 'enterprise_account',
      queue: 'enterprise',
      reasonCodes: ['enterprise_account', 'negative_sentiment'],
    });
  });

  it('refuses facts that lack catalog facts, naming them', async () => {
    const { facts } = await decideAndStore(openingHours);
    const { topics: _topics, language: _language, ...incomplete } = facts;
    await expect(evaluateFacts(prepared, incomplete)).rejects.toEqual(new IncompleteFactsError(['topics', 'language']));
  });

  it('runs the routing graph on the stored facts, as decide does without a directory', async () => {
    const routing: RoutingGraph = {
      nodes: [
        { id: 'r_start', kind: 'start', data: {} },
        { id: 'r_billing', kind: 'condition', data: { test: { fact: 'reasonCode', operator: 'equal', value: 'billing_dispute' } } },
        { id: 'r_desk', kind: 'route', data: { targets: [{ queue: 'billing_desk' }, { queue: 'billing' }] } },
        { id: 'r_leaf', kind: 'route', data: { targets: [{ queue: 'general' }] } },
      ],
      edges: [
        { id: 'r1', source: 'r_start', target: 'r_billing' },
        { id: 'r2', source: 'r_billing', sourceHandle: 'true', target: 'r_desk' },
        { id: 'r3', source: 'r_billing', sourceHandle: 'false', target: 'r_leaf' },
      ],
    };
    const routed = preparePolicy({ graph, settings, routing }, compilePolicy({ graph, settings, routing }));
    for (const [input, queue] of [
      [spanishBilling, 'billing_desk'],
      [customerSays('I want to talk to a human please'), 'general'],
    ] as const) {
      const decision = await decide(routed, input, { now, decisionId: 'd', policy });
      const replayed = await evaluateFacts(routed, JSON.parse(JSON.stringify(decision.signals)) as Record<string, unknown>);
      expect([replayed.queue, decision.routing?.queueId]).toEqual([queue, queue]);
    }
  });
});

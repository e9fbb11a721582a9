import type { PolicyGraph, RoutingGraph } from '@baton/schemas';
import { validatePolicyDocument } from './validate-graph';
import { DiagnosticCode } from './diagnostic';
import { smallPolicyGraph } from '../testing/fixtures';
import { FIXTURE_SETTINGS } from '../signals/fixtures/trigger-settings.fixture';

const QUEUES = ['general', 'senior', 'vip', 'trust_safety', 'billing'];

/** The fixture graph with the tier switch's case value replaced. */
function withTierCase(value: string): PolicyGraph {
  const graph = structuredClone(smallPolicyGraph());
  const node = graph.nodes.find((n) => n.id === 's_tier');
  if (node?.kind !== 'switch') throw new Error('fixture changed');
  node.data.cases[0]!.value = value;
  return graph;
}

const valueProblems = (document: unknown) =>
  validatePolicyDocument(document, { knownQueues: QUEUES }).diagnostics.filter(
    (d) => d.code === DiagnosticCode.ValueCase || d.code === DiagnosticCode.UnknownValue,
  );

function routingOn(fact: string, value: string | string[], operator: 'equal' | 'in' = 'equal'): RoutingGraph {
  return {
    nodes: [
      { id: 'start', kind: 'start', data: {} },
      { id: 'c_pick', kind: 'condition', label: 'Pick', data: { test: { fact, operator, value } } },
      { id: 'r_a', kind: 'route', data: { targets: [{ queue: 'vip' }] } },
      { id: 'r_b', kind: 'route', data: { targets: [{ queue: 'general' }] } },
    ],
    edges: [
      { id: 'e0', source: 'start', target: 'c_pick' },
      { id: 'e1', source: 'c_pick', sourceHandle: 'true', target: 'r_a' },
      { id: 'e2', source: 'c_pick', sourceHandle: 'false', target: 'r_b' },
    ],
  };
}

describe('value domains in validatePolicyDocument', () => {
  it('accepts a tier the catalog knows', () => {
    expect(valueProblems({ graph: withTierCase('vip'), settings: FIXTURE_SETTINGS })).toEqual([]);
  });

  it('warns when a tier differs from a known one only in case, naming the spelling to use', () => {
    const problems = valueProblems({ graph: withTierCase('VIP'), settings: FIXTURE_SETTINGS });
    expect(problems).toEqual([expect.objectContaining({ code: DiagnosticCode.ValueCase, severity: 'WARNING', nodeId: 's_tier' })]);
    expect(problems[0]?.message).toContain('"VIP"');
    expect(problems[0]?.message).toContain('Write "vip"');
    // A warning, not an error: the draft still publishes.
    expect(validatePolicyDocument({ graph: withTierCase('VIP'), settings: FIXTURE_SETTINGS }).valid).toBe(true);
  });

  it('warns about a tier no domain contains, listing the known ones', () => {
    const problems = valueProblems({ graph: withTierCase('platinum'), settings: FIXTURE_SETTINGS });
    expect(problems).toEqual([expect.objectContaining({ code: DiagnosticCode.UnknownValue, nodeId: 's_tier' })]);
    expect(problems[0]?.message).toContain('free, pro, vip, enterprise');
  });

  it('counts the tiers the server has seen as known, and still warns about one differing from them only in case', () => {
    const seen = (value: string) =>
      validatePolicyDocument({ graph: withTierCase(value), settings: FIXTURE_SETTINGS }, { knownCustomerTiers: ['gold'] }).diagnostics.filter(
        (d) => d.code === DiagnosticCode.ValueCase || d.code === DiagnosticCode.UnknownValue,
      );
    expect(seen('gold')).toEqual([]);
    expect(seen('Gold')).toEqual([expect.objectContaining({ code: DiagnosticCode.ValueCase, nodeId: 's_tier' })]);
    expect(seen('VIP')).toEqual([expect.objectContaining({ code: DiagnosticCode.ValueCase, nodeId: 's_tier' })]);
    expect(seen('platinum')[0]?.message).toContain('free, pro, vip, enterprise, gold');
  });

  it('checks each element of an "in" list against the languages of the lexicons', () => {
    const graph = structuredClone(smallPolicyGraph());
    const node = graph.nodes.find((n) => n.id === 'c_human');
    if (node?.kind !== 'condition') throw new Error('fixture changed');
    node.data.test = { fact: 'language', operator: 'in', value: ['es', 'ES', 'it'] };
    const problems = valueProblems({ graph, settings: FIXTURE_SETTINGS });
    expect(problems.map((p) => p.code)).toEqual([DiagnosticCode.ValueCase, DiagnosticCode.UnknownValue]);
    expect(problems[1]?.message).toContain('"it"');
    expect(problems[1]?.message).toContain('de, en, es, fr, pt');
  });

  it('counts the directory languages as known', () => {
    const graph = structuredClone(smallPolicyGraph());
    const node = graph.nodes.find((n) => n.id === 'c_human');
    if (node?.kind !== 'condition') throw new Error('fixture changed');
    node.data.test = { fact: 'language', operator: 'equal', value: 'it' };
    const known = validatePolicyDocument({ graph, settings: FIXTURE_SETTINGS }, { knownLanguages: ['it'] }).diagnostics;
    expect(known.filter((d) => d.code === DiagnosticCode.UnknownValue)).toEqual([]);
  });

  it('checks channels in decision table cells', () => {
    const graph = structuredClone(smallPolicyGraph());
    const index = graph.nodes.findIndex((n) => n.id === 's_tier');
    graph.nodes[index] = {
      id: 's_tier',
      kind: 'decisionTable',
      data: {
        columns: [{ id: 'ch', fact: 'channel' }],
        rows: [{ id: 'vip', cells: { ch: { operator: 'equal', value: 'Chat' } } }],
      },
    };
    const problems = valueProblems({ graph, settings: FIXTURE_SETTINGS });
    expect(problems).toEqual([expect.objectContaining({ code: DiagnosticCode.ValueCase, nodeId: 's_tier' })]);
    expect(problems[0]?.message).toContain('"chat"');
  });

  it("checks the routing graph's decision facts against the tree's reason codes, the enums and the directory", () => {
    const settings = FIXTURE_SETTINGS;
    const graph = smallPolicyGraph();
    expect(valueProblems({ graph, settings, routing: routingOn('reasonCode', 'negative_sentiment') })).toEqual([]);
    const typo = valueProblems({ graph, settings, routing: routingOn('reasonCode', 'negative_sentimnet') });
    expect(typo).toEqual([expect.objectContaining({ code: DiagnosticCode.UnknownValue, nodeId: 'c_pick' })]);
    expect(typo[0]?.message).toContain('reason code of the escalation tree');
    expect(valueProblems({ graph, settings, routing: routingOn('priority', 'urgent') })).toEqual([expect.objectContaining({ code: DiagnosticCode.ValueCase })]);
    expect(valueProblems({ graph, settings, routing: routingOn('queue', ['vip', 'billing']) })).toEqual([]);
    expect(valueProblems({ graph, settings, routing: routingOn('queue', ['vip', 'bilings'], 'in') })).toEqual([
      expect.objectContaining({ code: DiagnosticCode.UnknownValue }),
    ]);
  });

  it('leaves a fact alone when its domain is unknown (no directory given)', () => {
    const routing = routingOn('queue', 'anything');
    const result = validatePolicyDocument({ graph: smallPolicyGraph(), settings: FIXTURE_SETTINGS, routing });
    expect(result.diagnostics.filter((d) => d.code === DiagnosticCode.UnknownValue)).toEqual([]);
  });
});

import fc from 'fast-check';
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { RoutingGraph } from '@baton/schemas';
import fs from 'node:fs';
import path from 'node:path';
import { compileRoutingGraph } from '../compiler/compile-graph';
import { indexGraph } from '../graph/graph-index';
import { validatePolicyGraph, validateRoutingGraph } from '../validate/validate-graph';
import { walkRoutingGraph } from './walk-routing-graph';

// Read from the seed's file: rules may not depend on the seed package (it builds after rules).
const graph = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../seed/src/policies/support-default/routing.json'), 'utf8')) as RoutingGraph;

describe('walkRoutingGraph', () => {
  it('reaches the same route as the compiled rules run by json-rules-engine, on random decision facts', async () => {
    const compiled = compileRoutingGraph(graph);
    const engine = new Engine([], { allowUndefinedFacts: true });
    for (const [name, c] of Object.entries(compiled.conditions)) engine.setCondition(name, c as TopLevelCondition);
    for (const rule of compiled.rules) engine.addRule(rule as unknown as RuleProperties);
    const index = indexGraph(graph);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          queue: fc.constantFrom('trust_safety', 'compliance', 'billing', 'retention', 'enterprise', 'vip', 'senior', 'general', 'technical'),
          language: fc.constantFrom('en', 'es', 'pt', 'de', 'fr', 'it'),
          negativeStreak: fc.integer({ min: 0, max: 4 }),
          sentimentSharpDrop: fc.boolean(),
        }),
        async (facts) => {
          const { events } = await engine.run({ ...facts });
          expect(events).toHaveLength(1);
          expect(walkRoutingGraph(index, facts).route.id).toBe((events[0]?.params as { routeId: string }).routeId);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('routing graph validation', () => {
  const known = ['billing', 'compliance', 'enterprise', 'general', 'retention', 'senior', 'technical', 'trust_safety', 'vip'];
  it('accepts the reference routing graph with the seed queues', () => {
    expect(validateRoutingGraph(graph, { knownQueues: known })).toEqual({ valid: true, diagnostics: [] });
  });
  it('refuses an escalation leaf in a routing graph, naming where it belongs', () => {
    const withStay = { ...graph, nodes: [...graph.nodes, { id: 'x', kind: 'stay', data: { reasonCode: 'y' } }] };
    expect(validateRoutingGraph(withStay).diagnostics[0]).toMatchObject({ code: 'INVALID_SHAPE', nodeId: 'x' });
    expect(validateRoutingGraph(withStay).diagnostics[0]?.message).toContain('belongs in the escalation tree');
  });
  it('reports each unknown queue on its route node', () => {
    const result = validateRoutingGraph(graph, { knownQueues: known.filter((q) => q !== 'vip') });
    expect(result.valid).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.nodeId])).toEqual([['UNKNOWN_QUEUE', 'r_vip'], ['UNKNOWN_QUEUE', 'r_vip'], ['UNKNOWN_QUEUE', 'r_vip'], ['UNKNOWN_QUEUE', 'r_vip']]);
  });
  it('lets routing graphs test the decision facts, not escalation trees', () => {
    const tree = { nodes: [{ id: 'start', kind: 'start', data: {} }, { id: 'c', kind: 'condition', data: { test: { fact: 'reasonCode', operator: 'equal', value: 'x' } } }, { id: 'a', kind: 'stay', data: { reasonCode: 'a' } }, { id: 'b', kind: 'stay', data: { reasonCode: 'b' } }, { id: 'r', kind: 'route', data: { targets: [{ queue: 'general' }] } }],
      edges: [{ id: 'e1', source: 'start', target: 'c' }, { id: 'e2', source: 'c', sourceHandle: 'true', target: 'a' }, { id: 'e3', source: 'c', sourceHandle: 'false', target: 'b' }] };
    const asRouting = { nodes: tree.nodes.filter((n) => n.kind !== 'stay').concat([{ id: 'r2', kind: 'route', data: { targets: [{ queue: 'billing' }] } }]),
      edges: [{ id: 'e1', source: 'start', target: 'c' }, { id: 'e2', source: 'c', sourceHandle: 'true', target: 'r' }, { id: 'e3', source: 'c', sourceHandle: 'false', target: 'r2' }] };
    expect(validateRoutingGraph(asRouting).valid).toBe(true);
    const policy = validatePolicyGraph({ nodes: tree.nodes.filter((n) => n.kind !== 'route'), edges: tree.edges });
    expect(policy.diagnostics[0]?.message).toContain('only a routing graph can test it');
  });
});

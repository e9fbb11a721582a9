/**
 * Property: the compiled routing rules run by json-rules-engine, as decisions run them, reach the
 * route of the test oracle's walk (`testing/walk-routing-graph.ts`) by the same path, on the
 * reference routing graph and on random graphs; then routing graph validation.
 */
import fc from 'fast-check';
import type { PolicyGraph, RouteNode, RoutingGraph, TriggerSettings } from '@baton/schemas';
import fs from 'node:fs';
import path from 'node:path';
import { compileGraph, compileRoutingGraph } from '../compiler/compile-graph';
import { preparePolicy } from '../decide/prepare-policy';
import { EvaluationInvariantError } from '../evaluate/run-engine';
import { blueprint, buildGraph, testedFacts } from '../testing/graph-arbitraries';
import { walkRoutingGraph } from '../testing/walk-routing-graph';
import { validatePolicyGraph, validateRoutingGraph } from '../validate/validate-graph';
import { prepareRouting, runRoutingGraph, type PreparedRouting } from './run-routing-graph';

// Read from the seed's files: rules may not depend on the seed package (it builds after rules).
const seedFile = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(__dirname, '../../../seed/src/policies/support-default', name), 'utf8'));
const graph = seedFile('routing.json') as RoutingGraph;
const prepare = (g: RoutingGraph): PreparedRouting => prepareRouting(g, compileRoutingGraph(g));

const QUEUES = ['trust_safety', 'compliance', 'billing', 'retention', 'enterprise', 'vip', 'senior', 'general', 'technical'];
const LANGUAGES = ['en', 'es', 'pt', 'de', 'fr', 'it'];

describe('runRoutingGraph', () => {
  it('reaches the route of the walk by the same path on the reference routing graph, for random decision facts (some missing)', async () => {
    const routing = prepare(graph);
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            queue: fc.constantFrom(...QUEUES),
            language: fc.constantFrom(...LANGUAGES),
            negativeTurns: fc.integer({ min: 0, max: 4 }),
            sentimentSharpDrop: fc.boolean(),
            customerMessageCount: fc.integer({ min: 0, max: 4 }),
          },
          { requiredKeys: [] },
        ),
        async (facts) => {
          expect(await runRoutingGraph(routing, facts)).toEqual(walkRoutingGraph(routing.index, facts));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reaches the route of the walk by the same path on random routing graphs and facts', async () => {
    await fc.assert(
      fc.asyncProperty(blueprint, fc.array(testedFacts, { minLength: 1, maxLength: 5 }), async (plan, factSets) => {
        // Routing blueprints draw no decision tables, which routing graphs cannot hold.
        const random = buildGraph(plan, (leaf, id): RouteNode => ({ id, kind: 'route', data: { targets: [{ queue: `q${leaf}` }] } })) as RoutingGraph;
        expect(validateRoutingGraph(random).valid).toBe(true);
        const routing = prepare(random);
        for (const facts of factSets) expect(await runRoutingGraph(routing, facts)).toEqual(walkRoutingGraph(routing.index, facts));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same routes for 1,000 concurrent runs as for sequential ones', async () => {
    // Each fact set differs (customerMessageCount), and each pass has its own preparation, so no
    // route is remembered and every run takes an Engine from the pool.
    const factSets = Array.from({ length: 1000 }, (_, i) => ({
      queue: QUEUES[i % QUEUES.length],
      language: LANGUAGES[i % LANGUAGES.length],
      negativeTurns: Math.floor(i / QUEUES.length) % 3,
      sentimentSharpDrop: false,
      customerMessageCount: 2 + i,
    }));
    const sequentially = prepare(graph);
    const sequential: string[] = [];
    for (const facts of factSets) sequential.push((await runRoutingGraph(sequentially, facts)).route.id);
    const concurrently = prepare(graph);
    const concurrent = await Promise.all(factSets.map(async (facts) => (await runRoutingGraph(concurrently, facts)).route.id));
    expect(concurrent).toEqual(sequential);
    expect(new Set(sequential).size).toBe(10);
  });

  it('remembers the route by the values of the tested facts alone, except for object values', async () => {
    const routing = prepare(graph);
    const first = await runRoutingGraph(routing, { queue: 'general', language: 'es', topics: ['legal'] });
    expect(await runRoutingGraph(routing, { queue: 'general', language: 'es', topics: [] })).toBe(first);
    expect((await runRoutingGraph(routing, { queue: 'general', language: 'en' })).route.id).toBe('r_general');
    const byPlan: RoutingGraph = {
      nodes: [
        { id: 'start', kind: 'start', data: {} },
        { id: 'c', kind: 'condition', data: { test: { fact: 'attributes', path: '$.plan', operator: 'equal', value: 'max' } } },
        { id: 'max', kind: 'route', data: { targets: [{ queue: 'vip' }] } },
        { id: 'other', kind: 'route', data: { targets: [{ queue: 'general' }] } },
      ],
      edges: [
        { id: 'e0', source: 'start', target: 'c' },
        { id: 'e1', source: 'c', sourceHandle: 'true', target: 'max' },
        { id: 'e2', source: 'c', sourceHandle: 'false', target: 'other' },
      ],
    };
    const plans = prepare(byPlan);
    const max = await runRoutingGraph(plans, { attributes: { plan: 'max' } });
    expect(max.route.id).toBe('max');
    expect(await runRoutingGraph(plans, { attributes: { plan: 'max' } })).not.toBe(max);
    expect((await runRoutingGraph(plans, { attributes: { plan: 'basic' } })).route.id).toBe('other');
  });

  it('refuses a policy whose compiled rules lack its routing graph', () => {
    const escalation = {
      nodes: [
        { id: 'start', kind: 'start', data: {} },
        { id: 'stay', kind: 'stay', data: { reasonCode: 'ai_resolving' } },
      ],
      edges: [{ id: 'e', source: 'start', target: 'stay' }],
    } as PolicyGraph;
    expect(validatePolicyGraph(escalation).valid).toBe(true);
    expect(() =>
      preparePolicy({ graph: escalation, settings: seedFile('trigger-settings.json') as TriggerSettings, routing: graph }, compileGraph(escalation)),
    ).toThrow(EvaluationInvariantError);
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
    expect(result.diagnostics.map((d) => [d.code, d.nodeId])).toEqual([
      ['UNKNOWN_QUEUE', 'r_vip'],
      ['UNKNOWN_QUEUE', 'r_vip'],
      ['UNKNOWN_QUEUE', 'r_vip'],
      ['UNKNOWN_QUEUE', 'r_vip'],
    ]);
  });
  it('lets routing graphs test the decision facts, not escalation trees', () => {
    const tree = {
      nodes: [
        { id: 'start', kind: 'start', data: {} },
        { id: 'c', kind: 'condition', data: { test: { fact: 'reasonCode', operator: 'equal', value: 'x' } } },
        { id: 'a', kind: 'stay', data: { reasonCode: 'a' } },
        { id: 'b', kind: 'stay', data: { reasonCode: 'b' } },
        { id: 'r', kind: 'route', data: { targets: [{ queue: 'general' }] } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'c' },
        { id: 'e2', source: 'c', sourceHandle: 'true', target: 'a' },
        { id: 'e3', source: 'c', sourceHandle: 'false', target: 'b' },
      ],
    };
    const asRouting = {
      nodes: tree.nodes.filter((n) => n.kind !== 'stay').concat([{ id: 'r2', kind: 'route', data: { targets: [{ queue: 'billing' }] } }]),
      edges: [
        { id: 'e1', source: 'start', target: 'c' },
        { id: 'e2', source: 'c', sourceHandle: 'true', target: 'r' },
        { id: 'e3', source: 'c', sourceHandle: 'false', target: 'r2' },
      ],
    };
    expect(validateRoutingGraph(asRouting).valid).toBe(true);
    const policy = validatePolicyGraph({ nodes: tree.nodes.filter((n) => n.kind !== 'route'), edges: tree.edges });
    expect(policy.diagnostics[0]?.message).toContain('only a routing graph can test it');
  });
});

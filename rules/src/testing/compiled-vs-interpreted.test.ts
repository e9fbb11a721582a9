/**
 * Property: for random valid graphs (conditions with nested groups, switches, decision tables,
 * leaves shared by several paths) and random facts, the compiled json-rules-engine rules reach the same leaf by
 * the same path as the direct interpreter, and report the same fired triggers.
 */
import fc from 'fast-check';
import type { PolicyGraph, PolicyNode } from '@baton/schemas';
import { compileGraph } from '../compiler/compile-graph';
import { runEngine } from '../evaluate/run-engine';
import { validatePolicyGraph } from '../validate/validate-graph';
import { collectTriggers } from '../evaluate/collect-triggers';
import { interpretGraph, interpretTriggers } from './interpret-graph';
import { neutralFacts } from './fixtures';
import { buildGraph, policyBlueprint, testedFacts, type Blueprint } from './graph-arbitraries';

function build(plan: Blueprint): PolicyGraph {
  return buildGraph(plan, (leaf, id): PolicyNode =>
    leaf === 0
      ? { id, kind: 'stay', data: { reasonCode: 'stay' } }
      : { id, kind: 'handoff', data: { reasonCode: `reason_${leaf}`, category: 'CONTENT', queue: `q${leaf}`, priority: 'NORMAL' } },
  );
}

describe('compiled rules agree with the graph interpreter', () => {
  it('for random valid graphs and random facts', async () => {
    await fc.assert(
      fc.asyncProperty(policyBlueprint, fc.array(testedFacts, { minLength: 1, maxLength: 5 }), async (plan, factSets) => {
        const graph = build(plan);
        expect(validatePolicyGraph(graph).valid).toBe(true);
        const compiled = compileGraph(graph);
        for (const overrides of factSets) {
          const f = neutralFacts(overrides);
          const expected = interpretGraph(graph, f as unknown as Record<string, unknown>);
          const { decision, paths } = await runEngine(compiled, f);
          expect({ leafId: decision.params.leaf.id, nodeIds: decision.params.nodeIds }).toEqual(expected);
          expect(collectTriggers(paths).map((p) => p.params.nodeIds.join('>'))).toEqual(interpretTriggers(graph, f as unknown as Record<string, unknown>));
        }
      }),
      { numRuns: 300 },
    );
  });
});

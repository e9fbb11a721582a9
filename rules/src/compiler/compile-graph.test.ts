import { Engine } from 'json-rules-engine';
import { compileGraph, PolicyCompileError } from './compile-graph';
import { runEngine } from '../evaluate/run-engine';
import { neutralFacts, smallPolicyGraph } from '../testing/fixtures';

describe('compileGraph', () => {
  const compiled = compileGraph(smallPolicyGraph());

  it('emits plain JSON: shared conditions per node and case, one rule per path in drawing order', () => {
    expect(JSON.parse(JSON.stringify(compiled))).toEqual(compiled);
    expect(Object.keys(compiled.conditions)).toEqual(['node:c_security', 'node:c_human', 'node:c_angry', 'case:s_tier:vip']);
    expect(compiled.conditions['node:c_security']).toEqual({ all: [{ fact: 'topics', operator: 'contains', value: 'security' }] });
    expect(compiled.rules.map((r) => [r.event.type, r.event.params.leaf.id, r.priority])).toEqual([
      ['decision', 'h_security', 6],
      ['decision', 'h_human', 5],
      ['decision', 'h_vip', 4],
      ['decision', 'h_senior', 3],
      ['decision', 'stay', 2],
    ]);
    expect(compiled.rules[0]!.event.params.leaf).toEqual({
      id: 'h_security',
      kind: 'handoff',
      reasonCode: 'security_incident',
      category: 'CONTENT',
      queue: 'trust_safety',
      priority: 'URGENT',
    });
  });

  it('negates false edges and earlier switch cases explicitly', () => {
    const vip = compiled.rules[2]!;
    expect(vip.conditions).toEqual({
      all: [
        { not: { condition: 'node:c_security' } },
        { not: { condition: 'node:c_human' } },
        { condition: 'node:c_angry' },
        { all: [{ condition: 'case:s_tier:vip' }] },
      ],
    });
    expect(compiled.rules[3]!.conditions.all[3]).toEqual({ all: [{ not: { condition: 'case:s_tier:vip' } }] });
  });

  it('runs in a plain json-rules-engine Engine with exactly one decision event', async () => {
    const engine = new Engine([], { allowUndefinedFacts: false });
    for (const [name, c] of Object.entries(compiled.conditions)) engine.setCondition(name, c as never);
    for (const rule of compiled.rules) engine.addRule(rule as never);
    const { events } = await engine.run(neutralFacts({ topics: ['security'], humanRequested: true }) as never);
    expect(events.map((e) => (e.params as { leaf: { id: string } }).leaf.id)).toEqual(['h_security']);
  });

  it.each([
    [{}, 'stay'],
    [{ topics: ['security'] }, 'h_security'],
    [{ humanRequested: true }, 'h_human'],
    [{ negativeStreak: 2 }, 'h_senior'],
    [{ sentimentSharpDrop: true, customerTier: 'vip' }, 'h_vip'],
    [{ negativeStreak: 3, humanRequested: true }, 'h_human'],
  ])('facts %j reach %s', async (overrides, leafId) => {
    const { decision } = await runEngine(compiled, neutralFacts(overrides));
    expect(decision.params.leaf.id).toBe(leafId);
  });

  it('refuses an invalid graph with the validator diagnostics', () => {
    const graph = smallPolicyGraph();
    graph.edges = graph.edges.filter((e) => e.id !== 'e4');
    expect(() => compileGraph(graph)).toThrow(PolicyCompileError);
    expect(() => compileGraph(graph)).toThrow(/has no "false" output/);
  });
});

import type { Facts } from '@baton/schemas';
import { compileGraph } from '../compiler/compile-graph';
import { runEngine } from './run-engine';
import { buildTrace, NOT_EVALUATED } from './build-trace';
import { indexGraph } from '../graph/graph-index';
import { neutralFacts, smallPolicyGraph } from '../testing/fixtures';

const graph = smallPolicyGraph();
const compiled = compileGraph(graph);

function factsFor(i: number): Facts {
  return neutralFacts({
    topics: i % 7 === 0 ? ['security'] : [],
    humanRequested: i % 5 === 0,
    negativeStreak: i % 4,
    sentimentSharpDrop: i % 11 === 0,
    customerTier: i % 3 === 0 ? 'vip' : 'pro',
  });
}

describe('runEngine', () => {
  it('gives the same answers for 1,000 concurrent runs as for sequential ones', async () => {
    const inputs = Array.from({ length: 1000 }, (_, i) => factsFor(i));
    const sequential: string[] = [];
    for (const facts of inputs) {
      const { decision, triggers } = await runEngine(compiled, facts);
      sequential.push(`${decision.params.leaf.id}|${triggers.map((t) => t.params.leaf.id).join(',')}`);
    }
    const concurrent = await Promise.all(
      inputs.map(async (facts) => {
        const { decision, triggers } = await runEngine(compiled, facts);
        return `${decision.params.leaf.id}|${triggers.map((t) => t.params.leaf.id).join(',')}`;
      }),
    );
    expect(concurrent).toEqual(sequential);
    expect(new Set(sequential.map((s) => s.split('|')[0])).size).toBe(5);
  });

  it('traces the path with the values the engine compared, then marks the rest not evaluated', async () => {
    const { decision } = await runEngine(compiled, neutralFacts({ negativeStreak: 1, sentimentSharpDrop: true, customerTier: 'vip' }));
    const trace = buildTrace(graph, indexGraph(graph), decision);
    expect(trace.map((t) => [t.nodeId, t.result])).toEqual([
      ['start', 'next'],
      ['c_security', 'false'],
      ['c_human', 'false'],
      ['c_angry', 'true'],
      ['s_tier', 'vip'],
      ['h_vip', 'reached'],
      ['h_security', NOT_EVALUATED],
      ['h_human', NOT_EVALUATED],
      ['h_senior', NOT_EVALUATED],
      ['stay', NOT_EVALUATED],
    ]);
    expect(trace[1]).toMatchObject({ fact: 'topics', factValue: [], description: 'topics contains "security"' });
    expect(trace[3]).toMatchObject({ fact: 'negativeStreak, sentimentSharpDrop', factValue: { negativeStreak: 1, sentimentSharpDrop: true } });
    expect(trace[4]).toMatchObject({ fact: 'customerTier', factValue: 'vip' });
    expect(trace.slice(6).every((t) => !t.evaluated)).toBe(true);
  });
});

import type { Facts } from '@baton/schemas';
import { compileGraph } from '../compiler/compile-graph';
import { runEngine } from './run-engine';
import { collectTriggers } from './collect-triggers';
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
      const { decision, paths } = await runEngine(compiled, facts);
      sequential.push(
        `${decision.params.leaf.id}|${collectTriggers(paths)
          .map((t) => t.params.leaf.id)
          .join(',')}`,
      );
    }
    const concurrent = await Promise.all(
      inputs.map(async (facts) => {
        const { decision, paths } = await runEngine(compiled, facts);
        return `${decision.params.leaf.id}|${collectTriggers(paths)
          .map((t) => t.params.leaf.id)
          .join(',')}`;
      }),
    );
    expect(concurrent).toEqual(sequential);
    expect(new Set(sequential.map((s) => s.split('|')[0])).size).toBe(5);
    expect(sequential.filter((s) => s.split('|')[1]?.includes(',')).length).toBeGreaterThan(50);
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

describe('collectTriggers', () => {
  it('reports every handoff whose own tests held, even when an earlier branch won', async () => {
    const { decision, paths } = await runEngine(compiled, neutralFacts({ topics: ['security'], humanRequested: true, negativeStreak: 2, customerTier: 'vip' }));
    expect(decision.params.leaf.id).toBe('h_security');
    expect(collectTriggers(paths).map((p) => p.params.leaf.id)).toEqual(['h_security', 'h_human', 'h_vip', 'h_senior']);
  });

  it('reports nothing but the stay when no test held', async () => {
    const { decision, paths } = await runEngine(compiled, neutralFacts());
    expect(decision.params.leaf.id).toBe('stay');
    expect(collectTriggers(paths)).toEqual([]);
  });
});

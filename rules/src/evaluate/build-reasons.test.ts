import { isLeaf, type LeafNode } from '@baton/schemas';
import { compileGraph } from '../compiler/compile-graph';
import { runEngine } from './run-engine';
import { buildReasons } from './build-reasons';
import { neutralFacts, smallPolicyGraph } from '../testing/fixtures';
import type { SignalResult } from '../signals/signals-api';

const graph = smallPolicyGraph();
const compiled = compileGraph(graph);
const leafOf = (id: string): LeafNode => {
  const node = graph.nodes.find((n) => n.id === id);
  if (!node || !isLeaf(node)) throw new Error(id);
  return node;
};

async function reasonsFor(overrides: Parameters<typeof neutralFacts>[0], evidence: SignalResult['evidence'] = {}) {
  const facts = neutralFacts(overrides);
  const { decision, paths } = await runEngine(compiled, facts);
  return buildReasons(decision, paths, { facts, evidence, customerSentiments: [] } as unknown as SignalResult, leafOf).map((r) => r.reason);
}

describe('buildReasons', () => {
  it('puts the branch taken first, then the other triggers once per reason code, with their evidence', async () => {
    const reasons = await reasonsFor(
      { topics: ['security'], negativeStreak: 3, customerTier: 'vip' },
      { topics: ['security: customer message 1: "someone hacked me"'], negativeStreak: ['customer message 3 scored -0.8'] },
    );
    expect(reasons.map((r) => [r.code, r.category, r.nodeId])).toEqual([
      ['security_incident', 'CONTENT', 'h_security'],
      ['negative_sentiment', 'SENTIMENT', 'h_vip'],
    ]);
    expect(reasons[0]?.evidence).toEqual(['topics = ["security"]', 'security: customer message 1: "someone hacked me"']);
    expect(reasons[1]?.evidence).toEqual(['negativeStreak = 3', 'customer message 3 scored -0.8', 'customerTier = "vip"']);
  });

  it('gives no reason for a stay, and only the branches of an `any` that held as evidence', async () => {
    expect(await reasonsFor({})).toEqual([]);
    const [reason] = await reasonsFor({ sentimentSharpDrop: true });
    expect(reason?.evidence).toEqual(['sentimentSharpDrop = true']);
  });
});

describe('buildReasons facts', () => {
  it('names the facts that made each reason hold', async () => {
    const facts = neutralFacts({ topics: ['security'], sentimentSharpDrop: true });
    const { decision, paths } = await runEngine(compiled, facts);
    const reasons = buildReasons(decision, paths, { facts, evidence: {}, customerSentiments: [] } as unknown as SignalResult, leafOf);
    expect(reasons.map((r) => [r.reason.code, r.facts])).toEqual([
      ['security_incident', ['topics']],
      ['negative_sentiment', ['sentimentSharpDrop']],
    ]);
  });
});

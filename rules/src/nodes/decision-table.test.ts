import type { DecisionTableNode, PolicyGraph } from '@baton/schemas';
import { compileGraph } from '../compiler/compile-graph';
import { isLeaf, type LeafNode } from '@baton/schemas';
import { buildReasons } from '../evaluate/build-reasons';
import { collectTriggers } from '../evaluate/collect-triggers';
import { runEngine } from '../evaluate/run-engine';
import { describeNode } from '../graph/describe-node';
import { interpretGraph, interpretTriggers } from '../testing/interpret-graph';
import { neutralFacts } from '../testing/fixtures';
import { validatePolicyGraph } from '../validate/validate-graph';

type Rows = DecisionTableNode['data']['rows'];

const COLUMNS: DecisionTableNode['data']['columns'] = [
  { id: 'tier', label: 'Tier', fact: 'customerTier' },
  { id: 'upset', label: 'Upset turns', fact: 'negativeTurns' },
  { id: 'topic', fact: 'topics' },
];

/** Upset VIPs first, then billing questions, then every other VIP; default stays with the AI. */
const ROWS: Rows = [
  { id: 'vip_upset', label: 'VIP and upset', cells: { tier: { operator: 'equal', value: 'vip' }, upset: { operator: 'greaterThanInclusive', value: 2 } } },
  { id: 'billing', cells: { topic: { operator: 'contains', value: 'billing' } } },
  { id: 'vip', cells: { tier: { operator: 'equal', value: 'vip' } } },
];

/** Start → table; each row hands off to queue `h_<row id>`, default stays. */
function tableGraph(rows: Rows = ROWS, columns = COLUMNS): PolicyGraph {
  return {
    nodes: [
      { id: 'start', kind: 'start', data: {} },
      { id: 't', kind: 'decisionTable', data: { columns, rows } },
      ...rows.map((row) => ({
        id: `h_${row.id}`,
        kind: 'handoff' as const,
        data: { reasonCode: row.id, category: 'CUSTOMER_REQUEST' as const, queue: row.id, priority: 'HIGH' as const },
      })),
      { id: 'stay', kind: 'stay', data: { reasonCode: 'ai_resolving' } },
    ],
    edges: [
      { id: 'e0', source: 'start', target: 't' },
      ...rows.map((row) => ({ id: `e_row_${row.id}`, source: 't', sourceHandle: row.id, target: `h_${row.id}` })),
      { id: 'e_default', source: 't', sourceHandle: 'default', target: 'stay' },
    ],
  };
}

const codes = (graph: PolicyGraph): string[] => validatePolicyGraph(graph).diagnostics.map((d) => `${d.severity} ${d.code}`);
const messages = (graph: PolicyGraph, code: string): string[] =>
  validatePolicyGraph(graph)
    .diagnostics.filter((d) => d.code === code)
    .map((d) => d.message);

describe('decision table node', () => {
  const compiled = compileGraph(tableGraph());

  it('compiles one shared condition per row; a row requires every earlier row to fail', () => {
    expect(compiled.conditions['row:t:vip_upset']).toEqual({
      all: [
        { fact: 'customerTier', operator: 'equal', value: 'vip' },
        { fact: 'negativeTurns', operator: 'greaterThanInclusive', value: 2 },
      ],
    });
    const billing = compiled.rules.find((r) => r.event.params.leaf.id === 'h_billing');
    expect(billing?.conditions.all).toEqual([{ all: [{ not: { condition: 'row:t:vip_upset' } }, { condition: 'row:t:billing' }] }]);
  });

  it.each([
    [{}, 'stay'],
    [{ customerTier: 'vip' }, 'h_vip'],
    [{ customerTier: 'vip', negativeTurns: 3 }, 'h_vip_upset'],
    [{ customerTier: 'vip', topics: ['billing'] }, 'h_billing'],
    [{ customerTier: 'standard', negativeTurns: 5 }, 'stay'],
    [{ topics: ['billing', 'refund'] }, 'h_billing'],
  ])('facts %j reach %s, the first matching row, in the engine and in the reference walk', async (overrides, leafId) => {
    const facts = neutralFacts(overrides);
    const { decision, paths } = await runEngine(compiled, facts);
    expect(decision.params.leaf.id).toBe(leafId);
    expect(interpretGraph(tableGraph(), facts as unknown as Record<string, unknown>).leafId).toBe(leafId);
    // Every row that held is a trigger, whichever came first.
    expect(collectTriggers(paths).map((p) => p.params.nodeIds.join('>'))).toEqual(interpretTriggers(tableGraph(), facts as unknown as Record<string, unknown>));
  });

  it('gives every row that held its own evidence, the rows it came after included', async () => {
    const graph = tableGraph();
    const facts = neutralFacts({ customerTier: 'vip', negativeTurns: 3, topics: ['billing'] });
    const { decision, paths } = await runEngine(compiled, facts);
    const leafOf = (id: string) => graph.nodes.find((n): n is LeafNode => n.id === id && isLeaf(n)) as LeafNode;
    const reasons = buildReasons(decision, paths, { facts, evidence: {}, customerSentiments: [], sources: {} }, leafOf).map((r) => [
      r.reason.code,
      r.reason.evidence,
    ]);
    expect(reasons).toEqual([
      ['vip_upset', ['customerTier = "vip"', 'negativeTurns = 3']],
      ['billing', ['topics = ["billing"]']],
      ['vip', ['customerTier = "vip"']],
    ]);
  });

  it('reads as its rows in words', () => {
    const node = tableGraph().nodes[1]!;
    expect(describeNode(node)).toBe(
      '"VIP and upset" if customerTier = "vip" and negativeTurns ≥ 2; "billing" if topics contains "billing"; "vip" if customerTier = "vip"; otherwise default',
    );
  });

  it('validates a well-formed table, warning only where rows partly overlap', () => {
    expect(codes(tableGraph())).toEqual(['WARNING OVERLAPPING_ROWS', 'WARNING OVERLAPPING_ROWS']);
    expect(messages(tableGraph(), 'OVERLAPPING_ROWS')[0]).toMatch(/Rows "VIP and upset" and "billing" of decision table "t" both match some conversations/);
    // An exception carved out before a broader row is the table working as meant.
    expect(codes(tableGraph([ROWS[0]!, ROWS[2]!]))).toEqual([]);
  });

  it('warns about a row an earlier row always takes, and one whose cell cannot hold', () => {
    const shadowed = tableGraph([ROWS[2]!, ROWS[0]!]);
    expect(messages(shadowed, 'UNREACHABLE_ROW')).toEqual([
      'Row "VIP and upset" of decision table "t" can never match: row "vip" comes first and matches everything it does. Move it above "vip" or delete it.',
    ]);
    const catchAll = tableGraph([{ id: 'everyone', cells: {} }, ROWS[1]!]);
    expect(messages(catchAll, 'UNREACHABLE_ROW')).toHaveLength(1);
    const impossible = tableGraph(
      [{ id: 'elated', cells: { mood: { operator: 'greaterThan', value: 1 } } }],
      [...COLUMNS, { id: 'mood', fact: 'sentimentLatest' }],
    );
    expect(messages(impossible, 'UNREACHABLE_ROW')).toEqual([
      'Row "elated" of decision table "t" can never match: sentimentLatest > 1 cannot hold. Fix the cell or delete the row.',
    ]);
  });

  it('refuses cells in unknown columns, two columns with one id, a row named default and cells of the wrong type', () => {
    expect(codes(tableGraph([{ id: 'x', cells: { nope: { operator: 'equal', value: 1 } } }]))).toContain('ERROR INVALID_SHAPE');
    expect(codes(tableGraph(ROWS, [...COLUMNS, { id: 'tier', fact: 'channel' }]))).toContain('ERROR DUPLICATE_ID');
    expect(messages(tableGraph([{ id: 'default', cells: {} }]), 'DUPLICATE_ID')).toEqual([
      'Decision table "t" has two outputs named "default"; give each its own id.',
    ]);
    expect(codes(tableGraph([{ id: 'x', cells: { upset: { operator: 'equal', value: 'many' } } }]))).toContain('ERROR VALUE_TYPE');
  });

  it('needs its default output connected', () => {
    const graph = tableGraph();
    graph.edges = graph.edges.filter((e) => e.sourceHandle !== 'default');
    expect(messages(graph, 'SWITCH_WITHOUT_DEFAULT')).toEqual([
      'Decision table "t" has no default output; connect "default" so conversations matching nothing else still get a decision.',
    ]);
  });
});

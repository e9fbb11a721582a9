import type { PolicyGraph } from '@baton/schemas';
import { validatePolicyGraph, validatePolicyDocument } from './validate-graph';
import { DiagnosticCode } from './diagnostic';
import { smallPolicyGraph } from '../testing/fixtures';
import { FIXTURE_SETTINGS } from '../signals/fixtures/trigger-settings.fixture';

type Mutable = { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };
const mutate = (change: (g: Mutable) => void): unknown => {
  const graph = structuredClone(smallPolicyGraph()) as unknown as Mutable;
  change(graph);
  return graph;
};
const codes = (graph: unknown) => validatePolicyGraph(graph).diagnostics.map((d) => [d.code, d.nodeId ?? d.edgeId]);
const node = (g: Mutable, id: string) => g.nodes.find((n) => n.id === id) as { data: Record<string, unknown> };

describe('validatePolicyGraph', () => {
  it('accepts the small reference-shaped graph without any diagnostic', () => {
    expect(validatePolicyGraph(smallPolicyGraph())).toEqual({ valid: true, diagnostics: [] });
  });

  it('refuses values that are not graphs with one readable problem', () => {
    for (const bad of [null, 42, 'graph', [], { nodes: [] }]) {
      const result = validatePolicyGraph(bad);
      expect(result.valid).toBe(false);
      expect(result.diagnostics[0]?.code).toBe(DiagnosticCode.InvalidShape);
    }
  });

  it('reports a missing start and two starts', () => {
    expect(validatePolicyGraph(mutate((g) => (g.nodes[0]!.kind = 'stay'))).diagnostics).toContainEqual(
      expect.objectContaining({ code: DiagnosticCode.MissingParameter, nodeId: 'start', message: 'stay node "start" needs a reason code.' }),
    );
    const none = mutate((g) => {
      g.nodes.splice(0, 1);
      g.edges.splice(0, 1);
    });
    expect(codes(none)).toContainEqual([DiagnosticCode.StartCount, undefined]);
    const two = mutate((g) => g.nodes.push({ id: 'start2', kind: 'start', data: {} }));
    const twoCodes = codes(two);
    expect(twoCodes).toContainEqual([DiagnosticCode.StartCount, 'start']);
    expect(twoCodes).toContainEqual([DiagnosticCode.StartCount, 'start2']);
  });

  it('finds a loop and names its nodes', () => {
    const graph = mutate((g) => {
      g.edges = g.edges.filter((e) => e.id !== 'e6');
      g.edges.push({ id: 'back', source: 'c_angry', sourceHandle: 'false', target: 'c_security' });
      g.nodes = g.nodes.filter((n) => n.id !== 'stay');
    });
    const loop = validatePolicyGraph(graph).diagnostics.find((d) => d.code === DiagnosticCode.Cycle);
    expect(loop?.message).toContain('c_security → c_human → c_angry → c_security');
  });

  it('finds unreachable nodes, missing outputs, duplicate outputs and edges from leaves', () => {
    expect(codes(mutate((g) => g.nodes.push({ id: 'orphan', kind: 'stay', data: { reasonCode: 'x' } })))).toEqual([[DiagnosticCode.Unreachable, 'orphan']]);
    expect(codes(mutate((g) => (g.edges = g.edges.filter((e) => e.id !== 'e4'))))).toContainEqual([DiagnosticCode.MissingOutput, 'c_human']);
    expect(codes(mutate((g) => g.edges.push({ id: 'e9', source: 'c_human', sourceHandle: 'true', target: 'stay' })))).toContainEqual([
      DiagnosticCode.DuplicateOutput,
      'c_human',
    ]);
    expect(codes(mutate((g) => g.edges.push({ id: 'e9', source: 'stay', target: 'h_vip' })))).toContainEqual([DiagnosticCode.UnknownOutput, 'stay']);
    expect(codes(mutate((g) => g.edges.push({ id: 'e9', source: 'c_human', target: 'nowhere' })))).toContainEqual([DiagnosticCode.DanglingEdge, 'e9']);
  });

  it('requires a default output on a switch', () => {
    const result = validatePolicyGraph(mutate((g) => (g.edges = g.edges.filter((e) => e.id !== 'e8'))));
    const d = result.diagnostics.find((x) => x.code === DiagnosticCode.SwitchWithoutDefault);
    expect(d).toMatchObject({ nodeId: 's_tier', severity: 'ERROR' });
    expect(d?.message).toMatch(/default/);
  });

  it('refuses unknown facts, unsuitable operators and wrongly typed values, naming the node', () => {
    const unknown = validatePolicyGraph(mutate((g) => (node(g, 'c_human').data.test = { fact: 'mood', operator: 'equal', value: 'bad' })));
    expect(unknown.diagnostics).toEqual([expect.objectContaining({ code: DiagnosticCode.UnknownFact, nodeId: 'c_human' })]);
    expect(unknown.diagnostics[0]?.message).toContain('"mood", which is not a known fact');

    const operator = validatePolicyGraph(mutate((g) => (node(g, 'c_security').data.test = { fact: 'topics', operator: 'greaterThan', value: 3 })));
    expect(operator.diagnostics[0]).toMatchObject({ code: DiagnosticCode.OperatorNotAllowed, nodeId: 'c_security' });
    expect(operator.diagnostics[0]?.message).toContain('a list of words');

    const value = validatePolicyGraph(mutate((g) => (node(g, 'c_human').data.test = { fact: 'humanRequested', operator: 'equal', value: 'yes' })));
    expect(value.diagnostics[0]).toMatchObject({ code: DiagnosticCode.ValueType, nodeId: 'c_human' });
    expect(value.diagnostics[0]?.message).toContain('true or false');

    const nested = validatePolicyGraph(
      mutate((g) => (node(g, 'c_angry').data.test = { any: [{ fact: 'negativeStreak', operator: 'greaterThanInclusive', value: '2' }] })),
    );
    expect(nested.diagnostics[0]).toMatchObject({ code: DiagnosticCode.ValueType, nodeId: 'c_angry' });

    const attributes = validatePolicyGraph(mutate((g) => (node(g, 'c_human').data.test = { fact: 'attributes', operator: 'equal', value: 'x' })));
    expect(attributes.diagnostics[0]).toMatchObject({ code: DiagnosticCode.PathRequired, nodeId: 'c_human' });
  });

  it('says which leaf parameter is missing', () => {
    const result = validatePolicyGraph(mutate((g) => delete node(g, 'h_human').data.queue));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: DiagnosticCode.MissingParameter, nodeId: 'h_human', message: 'handoff node "h_human" needs a queue.' }),
    ]);
    const blank = validatePolicyGraph(mutate((g) => (node(g, 'h_human').data.queue = '  ')));
    expect(blank.diagnostics[0]).toMatchObject({ code: DiagnosticCode.MissingParameter, nodeId: 'h_human' });
  });

  it('warns about a branch that can never be taken, and stays valid', () => {
    const graph = mutate((g) => {
      node(g, 'c_human').data.test = { fact: 'negativeStreak', operator: 'greaterThanInclusive', value: 3 };
      node(g, 'c_angry').data.test = { fact: 'negativeStreak', operator: 'greaterThan', value: 5 };
    });
    const result = validatePolicyGraph(graph);
    expect(result.valid).toBe(true);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: DiagnosticCode.DeadBranch, severity: 'WARNING', nodeId: 'c_angry' })]);
    expect(result.diagnostics[0]?.message).toContain(
      'The "true" branch of "c_angry" can never be taken: negativeStreak > 5 cannot hold when negativeStreak < 3 (from "c_human")',
    );
  });

  it('warns when a test leaves the range of a bounded fact, and not for reachable branches', () => {
    const out = validatePolicyGraph(mutate((g) => (node(g, 'c_human').data.test = { fact: 'sentimentLatest', operator: 'greaterThan', value: 1 })));
    expect(out.diagnostics).toEqual([expect.objectContaining({ code: DiagnosticCode.DeadBranch, nodeId: 'c_human' })]);
    const fine = validatePolicyGraph(mutate((g) => (node(g, 'c_human').data.test = { fact: 'sentimentLatest', operator: 'greaterThan', value: 0.5 })));
    expect(fine.diagnostics).toEqual([]);
  });

  it('warns about a topic tested again on the branch where it is known to be absent', () => {
    const graph = mutate((g) => (node(g, 'c_human').data.test = { fact: 'topics', operator: 'contains', value: 'security' }));
    expect(codes(graph)).toEqual([[DiagnosticCode.DeadBranch, 'c_human']]);
  });

  it('collects every problem at once rather than stopping at the first', () => {
    const graph = mutate((g) => {
      node(g, 'c_human').data.test = { fact: 'mood', operator: 'equal', value: 'bad' };
      g.edges = g.edges.filter((e) => e.id !== 'e8');
    });
    expect(
      codes(graph)
        .map(([code]) => code)
        .sort(),
    ).toEqual([DiagnosticCode.SwitchWithoutDefault, DiagnosticCode.UnknownFact, DiagnosticCode.Unreachable].sort());
  });
});

describe('validatePolicyGraph with half-filled nodes', () => {
  it('still reports problems elsewhere when a leaf misses a parameter', () => {
    const graph = mutate((g) => {
      delete node(g, 'h_human').data.queue;
      node(g, 'c_security').data.test = { fact: 'angerLevel', operator: 'equal', value: 3 };
      g.nodes.push({ id: 'orphan', kind: 'stay', data: { reasonCode: 'x' } });
    });
    expect(codes(graph).sort()).toEqual(
      [
        [DiagnosticCode.MissingParameter, 'h_human'],
        [DiagnosticCode.UnknownFact, 'c_security'],
        [DiagnosticCode.Unreachable, 'orphan'],
      ].sort(),
    );
  });

  it('names an unknown operator once, with the allowed ones, instead of every branch ajv tried', () => {
    const result = validatePolicyGraph(mutate((g) => (node(g, 'c_security').data.test = { fact: 'topics', operator: 'fooBar', value: 'x' })));
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ nodeId: 'c_security', code: DiagnosticCode.InvalidShape });
    expect(result.diagnostics[0]?.message).toContain('greaterThanInclusive');
  });
});

describe('validatePolicyDocument', () => {
  it('refuses a redaction pattern that is not a regular expression', () => {
    const settings = {
      ...FIXTURE_SETTINGS,
      redaction: {
        patterns: [
          { name: 'order_ref', pattern: 'ORD-[0-9]{6}' },
          { name: 'broken', pattern: '([a-z' },
        ],
      },
    };
    const result = validatePolicyDocument({ graph: smallPolicyGraph(), settings });
    expect(result.valid).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: DiagnosticCode.InvalidSettings })]);
    expect(result.diagnostics[0]?.message).toContain('"broken"');
  });

  it('refuses a bot intent mapped to a topic the policy does not define', () => {
    const settings = { ...FIXTURE_SETTINGS, botSignals: { intentTopics: { card_lost: 'security', refund_please: 'refunds' } } };
    const result = validatePolicyDocument({ graph: smallPolicyGraph(), settings });
    expect(result.valid).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: DiagnosticCode.InvalidSettings })]);
    expect(result.diagnostics[0]?.message).toContain('"refund_please" maps to topic "refunds"');
  });

  it('refuses bot signals out of range', () => {
    const settings = { ...FIXTURE_SETTINGS, botSignals: { minIntentConfidence: 1.5 } };
    expect(validatePolicyDocument({ graph: smallPolicyGraph(), settings }).valid).toBe(false);
  });

  it('warns about a topic no lexicon defines', () => {
    const settings = { ...FIXTURE_SETTINGS };
    const graph = mutate((g) => (node(g, 'c_security').data.test = { fact: 'topics', operator: 'contains', value: 'securty' })) as PolicyGraph;
    const result = validatePolicyDocument({ graph, settings });
    expect(result.valid).toBe(true);
    const topicWarnings = result.diagnostics.filter((d) => d.code !== DiagnosticCode.MissingTranslation);
    expect(topicWarnings).toEqual([expect.objectContaining({ code: DiagnosticCode.UnknownTopic, severity: 'WARNING', nodeId: 'c_security' })]);
    expect(topicWarnings[0]?.message).toContain('"securty"');
    expect(validatePolicyDocument({ graph: smallPolicyGraph(), settings }).diagnostics.filter((d) => d.code === DiagnosticCode.UnknownTopic)).toEqual([]);
  });

  it('checks the trigger settings alongside the graph', () => {
    const result = validatePolicyDocument({ graph: smallPolicyGraph() as PolicyGraph, settings: { topics: {} } });
    expect(result.valid).toBe(false);
    expect(result.diagnostics.every((d) => d.code === DiagnosticCode.InvalidSettings)).toBe(true);
  });
});

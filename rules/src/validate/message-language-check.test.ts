import type { HandoffNode, PolicyGraph } from '@baton/schemas';
import { validatePolicyDocument } from './validate-graph';
import { DiagnosticCode } from './diagnostic';
import { smallPolicyGraph } from '../testing/fixtures';
import { FIXTURE_SETTINGS } from '../signals/fixtures/trigger-settings.fixture';

const ALL = { en: 'We are connecting you.', es: 'Le conectamos.', pt: 'Vamos conectar.', de: 'Wir verbinden Sie.', fr: 'Nous vous connectons.' };

/** The fixture graph with every handoff given all five messages, then `change` applied. */
function graphWith(change: (handoff: (id: string) => HandoffNode) => void): PolicyGraph {
  const graph = structuredClone(smallPolicyGraph());
  const handoff = (id: string) => graph.nodes.find((n) => n.id === id) as HandoffNode;
  for (const node of graph.nodes) if (node.kind === 'handoff') node.data.message = { ...ALL };
  change(handoff);
  return graph;
}

const missing = (graph: PolicyGraph) =>
  validatePolicyDocument({ graph, settings: FIXTURE_SETTINGS }).diagnostics.filter((d) => d.code === DiagnosticCode.MissingTranslation);

describe('customer messages missing a language of the lexicons', () => {
  it('is quiet when every handoff speaks every lexicon language', () => {
    expect(missing(graphWith(() => undefined))).toEqual([]);
  });

  it('warns about a handoff with only an English message, naming the missing languages', () => {
    const problems = missing(
      graphWith((handoff) => {
        const node = handoff('h_vip');
        node.label = 'Upset VIP';
        node.data.message = { en: 'A person from our VIP team will take over.' };
      }),
    );
    expect(problems).toEqual([expect.objectContaining({ severity: 'WARNING', nodeId: 'h_vip' })]);
    expect(problems[0]?.message).toContain('"Upset VIP" (h_vip)');
    expect(problems[0]?.message).toContain('German (de), Spanish (es), French (fr), Portuguese (pt)');
    expect(problems[0]?.message).toContain("Baton's built-in sentence in their language");
  });

  it('counts a blank template as missing and says a leaf without any message falls back to the built-in sentence', () => {
    const problems = missing(
      graphWith((handoff) => {
        handoff('h_human').data.message = { ...ALL, es: '  ' };
        delete handoff('h_senior').data.message;
      }),
    );
    expect(problems.map((p) => p.nodeId)).toEqual(['h_human', 'h_senior']);
    expect(problems[0]?.message).toContain('Spanish (es),');
    expect(problems[0]?.message).not.toContain('German');
    expect(problems[1]?.message).toContain("Baton's built-in sentence in their language");
  });

  it('does not block publishing', () => {
    expect(validatePolicyDocument({ graph: smallPolicyGraph(), settings: FIXTURE_SETTINGS }).valid).toBe(true);
  });
});

describe('new leaves start empty', () => {
  it('refuses a handoff leaf whose fields were never filled, one error per field', () => {
    const graph = structuredClone(smallPolicyGraph()) as unknown as { nodes: Record<string, unknown>[] };
    const index = graph.nodes.findIndex((n) => n.id === 'h_senior');
    graph.nodes[index] = { id: 'h_senior', kind: 'handoff', label: 'Hand off', data: {} };
    const result = validatePolicyDocument({ graph, settings: FIXTURE_SETTINGS });
    expect(result.valid).toBe(false);
    const errors = result.diagnostics.filter((d) => d.severity === 'ERROR');
    expect(errors.map((d) => [d.code, d.nodeId])).toEqual(Array(4).fill([DiagnosticCode.MissingParameter, 'h_senior']));
    expect(errors.map((d) => d.message)).toEqual([
      expect.stringContaining('needs a reason code'),
      expect.stringContaining('needs a category'),
      expect.stringContaining('needs a queue'),
      expect.stringContaining('needs a priority'),
    ]);
  });
});

import type { PolicyGraph } from '@baton/schemas';
import seedGraph from '../../../seed/src/policies/support-default/graph.json';
import seedRouting from '../../../seed/src/policies/support-default/routing.json';
import { newNode } from '../nodes/registry';
import { autoLayout } from './auto-layout';
import type { CanvasGraph } from './canvas-graph';

const at = { x: 0, y: 0 };
const tableGraph: CanvasGraph = {
  nodes: [
    newNode('start', 'start', at),
    newNode('decisionTable', 'dt', at),
    newNode('handoff', 'h1', at),
    newNode('handoff', 'h2', at),
    newNode('stay', 's', at),
  ],
  edges: [
    { id: 'e0', source: 'start', target: 'dt' },
    { id: 'e3', source: 'dt', sourceHandle: 'default', target: 's' },
    { id: 'e2', source: 'dt', sourceHandle: 'row_2', target: 'h2' },
    { id: 'e1', source: 'dt', sourceHandle: 'row_1', target: 'h1' },
  ],
};

const y = (graph: CanvasGraph, id: string) => graph.nodes.find((n) => n.id === id)?.position?.y ?? NaN;
const x = (graph: CanvasGraph, id: string) => graph.nodes.find((n) => n.id === id)?.position?.x ?? NaN;

describe('auto-layout', () => {
  it('stacks the nodes an output leads to in the order of the outputs, whatever order they were connected in', () => {
    for (const edges of [tableGraph.edges, [...tableGraph.edges].reverse()]) {
      const laid = autoLayout({ ...tableGraph, edges });
      expect(y(laid, 'h1')).toBeLessThan(y(laid, 'h2'));
      expect(y(laid, 'h2')).toBeLessThan(y(laid, 's'));
    }
  });

  it('gives a measured node its room: neighbours in its column do not overlap it', () => {
    const tall = new Map([['h1', { width: 260, height: 300 }]]);
    const laid = autoLayout(tableGraph, tall);
    expect(y(laid, 'h2')).toBeGreaterThanOrEqual(y(laid, 'h1') + 300);
  });

  it('lays out the reference policy with every true branch above its false branch', () => {
    const seed = seedGraph as unknown as PolicyGraph;
    const laid = autoLayout(seed);
    for (const node of seed.nodes.filter((n) => n.kind === 'condition')) {
      const to = (handle: string) => seed.edges.find((e) => e.source === node.id && e.sourceHandle === handle)?.target as string;
      expect(y(laid, to('true'))).toBeLessThanOrEqual(y(laid, to('false')));
    }
  });

  it("keeps the reference policy's decision ladder readable: tests in one column, top to bottom, each true branch beside its test", () => {
    const seed = seedGraph as unknown as PolicyGraph;
    const laid = autoLayout(seed);
    const tests = seed.nodes.filter((n) => n.kind === 'condition').map((n) => n.id);
    // Ladder order is the order of the false edges from the first test.
    expect(tests[0]).toBe('c_crisis');
    for (const id of tests) expect(x(laid, id)).toBe(x(laid, 'c_crisis'));
    for (let i = 1; i < tests.length; i++) expect(y(laid, tests[i] as string)).toBeGreaterThan(y(laid, tests[i - 1] as string));
    for (const id of tests) {
      const to = seed.edges.find((e) => e.source === id && e.sourceHandle === 'true')?.target as string;
      expect(x(laid, to)).toBeGreaterThan(x(laid, id));
      // Beside: overlapping its test's row (the 96 px a node not measured gets), not a rung down a staircase.
      expect(Math.abs(y(laid, to) - y(laid, id))).toBeLessThan(96);
    }
    expect(x(laid, 'start')).toBeLessThan(x(laid, 'c_crisis'));
    // The whole ladder stays three columns wide (start, tests, leaves) plus the tier switch's leaves.
    expect(new Set(laid.nodes.map((n) => n.position?.x)).size).toBe(4);
  });

  it('puts a test reached through a switch default under the switch, beside its own routes (routing graph)', () => {
    const routing = seedRouting as unknown as PolicyGraph;
    const laid = autoLayout(routing);
    expect(x(laid, 'c_language')).toBe(x(laid, 's_queue'));
    expect(y(laid, 'c_language')).toBeGreaterThan(y(laid, 's_queue'));
    expect(y(laid, 'r_general_language')).toBeGreaterThan(y(laid, 'r_senior'));
    expect(y(laid, 'r_general_language')).toBeLessThan(y(laid, 'r_general'));
  });

  it('lays out a graph whose ladder loops back without failing', () => {
    const graph: CanvasGraph = {
      nodes: [newNode('condition', 'a', at), newNode('condition', 'b', at), newNode('stay', 's', at)],
      edges: [
        { id: 'e1', source: 'a', sourceHandle: 'false', target: 'b' },
        { id: 'e2', source: 'b', sourceHandle: 'false', target: 'a' },
        { id: 'e3', source: 'a', sourceHandle: 'true', target: 's' },
      ],
    };
    const laid = autoLayout(graph);
    expect(laid.nodes.every((n) => Number.isFinite(n.position?.x) && Number.isFinite(n.position?.y))).toBe(true);
  });
});

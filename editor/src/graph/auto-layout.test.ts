import type { PolicyGraph } from '@baton/schemas';
import seedGraph from '../../../seed/src/policies/support-default/graph.json';
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
});

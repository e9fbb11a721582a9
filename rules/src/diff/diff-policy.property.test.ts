/**
 * Properties of the graph diff on random graphs: a graph diffed with itself is empty, and the
 * diff accounts for every node and edge: what was there, minus what was removed, plus what was
 * added, is what is there now, and a node is reported changed or moved exactly when it differs.
 */
import fc from 'fast-check';
import type { DiffableEdge, DiffableGraph, DiffableNode } from './diff-types';
import { diffGraph, graphDiffHasChanges } from './diff-graph';
import { jsonEqual } from './json-changes';

const NODE_IDS = ['start', 'c1', 'c2', 's1', 'h1', 'h2', 'stay'];

const node: fc.Arbitrary<DiffableNode> = fc.record(
  {
    id: fc.constantFrom(...NODE_IDS),
    kind: fc.constantFrom('condition', 'handoff', 'stay'),
    label: fc.constantFrom('Low confidence', 'VIP'),
    position: fc.record({ x: fc.integer({ min: 0, max: 2 }), y: fc.integer({ min: 0, max: 2 }) }),
    data: fc.record({ value: fc.integer({ min: 0, max: 2 }), queue: fc.constantFrom('general', 'vip') }),
  },
  { requiredKeys: ['id', 'kind', 'data'] },
);

const edge: fc.Arbitrary<DiffableEdge> = fc.record(
  {
    id: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6'),
    source: fc.constantFrom(...NODE_IDS),
    target: fc.constantFrom(...NODE_IDS),
    sourceHandle: fc.constantFrom('true', 'false'),
  },
  { requiredKeys: ['id', 'source', 'target'] },
);

const graph: fc.Arbitrary<DiffableGraph> = fc.record({
  nodes: fc.uniqueArray(node, { selector: (n) => n.id, maxLength: NODE_IDS.length }),
  edges: fc.uniqueArray(edge, { selector: (e) => e.id, maxLength: 6 }),
});

const ids = (items: readonly { id: string }[]): string[] => items.map((i) => i.id).sort();

describe('diffGraph properties', () => {
  it('a graph diffed with a copy of itself is empty', () => {
    fc.assert(
      fc.property(graph, (g) => {
        const diff = diffGraph(g, structuredClone(g));
        expect(graphDiffHasChanges(diff)).toBe(false);
        expect(diff.nodesMoved).toEqual([]);
      }),
    );
  });

  it('accounts for every node id: before − removed + added = after; changed or moved exactly when different', () => {
    fc.assert(
      fc.property(graph, graph, (before, after) => {
        const diff = diffGraph(before, after);
        const removed = new Set(diff.nodesRemoved.map((c) => c.id));
        const rebuilt = [...ids(before.nodes).filter((id) => !removed.has(id)), ...diff.nodesAdded.map((c) => c.id)].sort();
        expect(rebuilt).toEqual(ids(after.nodes));
        const afterById = new Map(after.nodes.map((n) => [n.id, n]));
        for (const n of before.nodes) {
          const other = afterById.get(n.id);
          if (!other) continue;
          const changed = diff.nodesChanged.some((c) => c.id === n.id);
          const moved = diff.nodesMoved.some((c) => c.id === n.id);
          expect(changed && moved).toBe(false);
          expect(changed || moved).toBe(!jsonEqual(n, other));
          expect(moved).toBe(!jsonEqual(n, other) && jsonEqual({ ...n, position: undefined }, { ...other, position: undefined }));
        }
      }),
    );
  });

  it('accounts for every edge: each edge before is removed, changed or kept; each edge after is added, changed or kept', () => {
    fc.assert(
      fc.property(graph, graph, (before, after) => {
        const diff = diffGraph(before, after);
        const kept = before.edges.filter((e) => after.edges.some((o) => jsonEqual(e, o)));
        expect([...diff.edgesRemoved.map((c) => c.id), ...diff.edgesChanged.map((c) => c.before!.id), ...ids(kept)].sort()).toEqual(ids(before.edges));
        expect([...diff.edgesAdded.map((c) => c.id), ...diff.edgesChanged.map((c) => c.after!.id), ...ids(kept)].sort()).toEqual(ids(after.edges));
      }),
    );
  });
});

/**
 * Auto-layout with dagre (layered, left to right), tuned for the shape policies have: a decision
 * ladder, each test's "otherwise" output (false, default) leading to the next test. Laid out as
 * plain layers that ladder is a diagonal staircase, one column per test; here a test that
 * follows another through its otherwise output stays in that test's column, below it, and what
 * the other outputs lead to (leaves, sub-trees) goes beside it. Dagre has no same-layer edges,
 * so the otherwise edge between two tests of a ladder is left out of the layering: an invisible
 * anchor node pulls every test of the ladder into one layer, and ordering constraints keep them
 * in ladder order, top to bottom. The nodes an output leads to are stacked in the order of the
 * outputs (true above false, a table's rows top to bottom, default last), so edges leave each
 * node without crossing. The canvas draws the otherwise edges through the gap between the tests.
 */
import { Graph, layout } from '@dagrejs/dagre';
import { outputHandles } from '../nodes/registry';
import type { CanvasGraph, CanvasNode } from './canvas-graph';
import type { FlowNode } from './flow-types';

type Size = { width: number; height: number };

/** Spacing (px): between nodes of one column, between columns, around the graph. */
const NODE_GAP = 48;
const COLUMN_GAP = 80;
const MARGIN = 20;

/** The rendered size of each flow node React Flow has measured, by node id. */
export function measuredSizes(nodes: readonly FlowNode[]): Map<string, Size> {
  return new Map(
    nodes.flatMap((n) => (n.measured?.width && n.measured.height ? [[n.id, { width: n.measured.width, height: n.measured.height }] as const] : [])),
  );
}

/** Size dagre reserves for a node not measured yet (px): most nodes render at most this large. */
const UNMEASURED: Size = { width: 260, height: 96 };

/** Weight of an anchor edge: far above a real edge's 1, so a ladder's tests share a layer. */
const ANCHOR_WEIGHT = 20;

/** Whether `node` is a test (it has two or more outputs: condition, switch, decision table). */
const isTest = (node: CanvasNode | undefined): boolean => node !== undefined && outputHandles(node).length >= 2;

/** Edge ids of ladder steps: a test's otherwise output (its last) leading to another test. */
function ladderSteps(graph: CanvasGraph): Set<string> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const steps = new Set<string>();
  for (const node of graph.nodes) {
    if (!isTest(node)) continue;
    const otherwise = outputHandles(node).at(-1);
    const edge = graph.edges.find((e) => e.source === node.id && (e.sourceHandle ?? null) === otherwise);
    // A test that is also reached from elsewhere in its ladder's own column stays where layering puts it.
    if (edge && edge.target !== node.id && isTest(byId.get(edge.target))) steps.add(edge.id);
  }
  return steps;
}

/** The ladders: tests joined by ladder steps, each listed with its steps (source above target). */
function laddersOf(graph: CanvasGraph, steps: ReadonlySet<string>): string[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    const up = parent.get(id);
    if (up === undefined || up === id) return id;
    const root = find(up);
    parent.set(id, root);
    return root;
  };
  for (const edge of graph.edges.filter((e) => steps.has(e.id))) parent.set(find(edge.target), find(edge.source));
  const groups = new Map<string, string[]>();
  for (const node of graph.nodes) {
    if (!parent.has(node.id) && !graph.edges.some((e) => steps.has(e.id) && e.source === node.id)) continue;
    const root = find(node.id);
    groups.set(root, [...(groups.get(root) ?? []), node.id]);
  }
  return [...groups.values()].filter((members) => members.length > 1);
}

/**
 * Each node's place in a depth-first walk from the start node (then any other node without
 * inputs) that follows a node's outputs in their order: true before false, a table's rows top to
 * bottom, default last. Sorting every layer by it stacks what an output leads to in the order of
 * the outputs, keeps a ladder's tests in ladder order and puts each beside its test: a tree
 * drawn this way has no crossing edges.
 */
function walkOrder(graph: CanvasGraph): Map<string, number> {
  const order = new Map<string, number>();
  const visit = (node: CanvasNode | undefined) => {
    if (!node || order.has(node.id)) return;
    order.set(node.id, order.size);
    for (const handle of outputHandles(node))
      for (const edge of graph.edges.filter((e) => e.source === node.id && (e.sourceHandle ?? null) === handle)) visit(byId.get(edge.target));
  };
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const roots = graph.nodes.filter((n) => !graph.edges.some((e) => e.target === n.id));
  for (const root of [...roots.filter((n) => n.kind === 'start'), ...roots, ...graph.nodes]) visit(root);
  return order;
}

/**
 * A dagre `customOrder`: every layer sorted by {@link walkOrder}; an anchor goes where the first
 * test of its ladder is, a bend point of a long edge where the edge's target is.
 */
function orderByWalk(walk: ReadonlyMap<string, number>, anchors: ReadonlyMap<string, string>) {
  return (g: Graph) => {
    const key = (v: string): number => {
      const label = g.node(v) as { edgeObj?: { w: string } };
      const id = anchors.get(v) ?? label.edgeObj?.w ?? v;
      return (walk.get(id) ?? walk.size) - (id === v ? 0 : 0.5);
    };
    const layers = new Map<number, string[]>();
    for (const v of g.nodes()) {
      const rank = (g.node(v) as { rank?: number }).rank;
      if (rank !== undefined) layers.set(rank, [...(layers.get(rank) ?? []), v]);
    }
    for (const layer of layers.values()) layer.sort((a, b) => key(a) - key(b)).forEach((v, i) => ((g.node(v) as { order: number }).order = i));
  };
}

/**
 * The graph with every node moved to its laid-out position (top-left corner, whole pixels).
 * `sizes` are the rendered sizes by node id, so tall or wide nodes (a decision table) get their room.
 */
export function autoLayout(graph: CanvasGraph, sizes: ReadonlyMap<string, Size> = new Map()): CanvasGraph {
  const g = new Graph();
  g.setGraph({ rankdir: 'LR', nodesep: NODE_GAP, ranksep: COLUMN_GAP, marginx: MARGIN, marginy: MARGIN, rankalign: 'top' });
  g.setDefaultEdgeLabel(() => ({}));
  const sizeOf = (id: string): Size => sizes.get(id) ?? UNMEASURED;
  for (const node of graph.nodes) g.setNode(node.id, { ...sizeOf(node.id) });
  const steps = ladderSteps(graph);
  for (const edge of graph.edges) if (!steps.has(edge.id)) g.setEdge(edge.source, edge.target);
  const walk = walkOrder(graph);
  const anchors = new Map<string, string>();
  laddersOf(graph, steps).forEach((members, i) => {
    const anchor = `\u0000ladder-${i}`;
    const head = members.reduce((a, b) => ((walk.get(a) ?? 0) <= (walk.get(b) ?? 0) ? a : b));
    anchors.set(anchor, head);
    g.setNode(anchor, { width: 0, height: 0 });
    for (const member of members) g.setEdge(anchor, member, { weight: ANCHOR_WEIGHT, minlen: 1 });
  });
  layout(g, { customOrder: orderByWalk(walk, anchors) });
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const placed = g.node(node.id);
      const { width, height } = sizeOf(node.id);
      return { ...node, position: { x: Math.round(placed.x - width / 2), y: Math.round(placed.y - height / 2) } };
    }),
  };
}

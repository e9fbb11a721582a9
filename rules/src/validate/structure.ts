/**
 * Structural checks of a graph whose parts are well-formed: one start, edges between known
 * nodes, every output connected exactly once, no loops, every node reachable from start.
 */
import { branchingOf, outputsOf, specOf } from '../nodes/registry';
import { DEFAULT_HANDLE, handleOf, type AnyGraph, type GraphIndex, type GraphNode } from '../graph/graph-index';
import { DiagnosticCode, error, type Diagnostic } from './diagnostic';

export function checkIds(graph: AnyGraph): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const node of graph.nodes) {
    if (seen.has(node.id)) problems.push(error(DiagnosticCode.DuplicateId, `Two nodes share the id "${node.id}"; ids must be unique.`, { nodeId: node.id }));
    seen.add(node.id);
    const outputs = outputsOf(node);
    for (const handle of new Set(outputs.filter((h, i) => outputs.indexOf(h) !== i))) {
      problems.push(
        error(DiagnosticCode.DuplicateId, `${specOf(node.kind).title} "${node.id}" has two outputs named "${handle}"; give each its own id.`, {
          nodeId: node.id,
        }),
      );
    }
  }
  const edgeIds = new Set<string>();
  for (const edge of graph.edges) {
    if (edgeIds.has(edge.id)) problems.push(error(DiagnosticCode.DuplicateId, `Two edges share the id "${edge.id}".`, { edgeId: edge.id }));
    edgeIds.add(edge.id);
  }
  return problems;
}

/** `noun` names the graph in messages: "policy" or "routing graph". */
export function checkStart<N extends GraphNode>(index: GraphIndex<N>, noun = 'policy'): Diagnostic[] {
  if (index.starts.length === 1) return [];
  if (index.starts.length === 0) return [error(DiagnosticCode.StartCount, `The ${noun} has no start node; add one where evaluation begins.`)];
  return index.starts.map((s) => error(DiagnosticCode.StartCount, `The ${noun} has ${index.starts.length} start nodes; keep exactly one.`, { nodeId: s.id }));
}

export function checkEdges<N extends GraphNode>(graph: AnyGraph<N>, index: GraphIndex<N>): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const edge of graph.edges) {
    for (const end of [edge.source, edge.target]) {
      if (!index.nodes.has(end))
        problems.push(error(DiagnosticCode.DanglingEdge, `Edge "${edge.id}" connects to "${end}", which is not a node of this policy.`, { edgeId: edge.id }));
    }
    if (index.nodes.get(edge.target)?.kind === 'start')
      problems.push(
        error(DiagnosticCode.DanglingEdge, `Edge "${edge.id}" leads into the start node; the start node has no inputs.`, {
          edgeId: edge.id,
          nodeId: edge.target,
        }),
      );
  }
  return problems;
}

export function checkOutputs<N extends GraphNode>(index: GraphIndex<N>): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const node of index.nodes.values()) {
    const title = specOf(node.kind).title;
    const expected = outputsOf(node);
    const edges = index.outgoing.get(node.id) ?? [];
    for (const handle of expected) {
      const count = edges.filter((e) => handleOf(e) === handle).length;
      if (count === 0) {
        const isDefault = handle === DEFAULT_HANDLE && branchingOf(node)?.otherwise === DEFAULT_HANDLE;
        problems.push(
          error(
            isDefault ? DiagnosticCode.SwitchWithoutDefault : DiagnosticCode.MissingOutput,
            isDefault
              ? `${title} "${node.id}" has no default output; connect "default" so conversations matching nothing else still get a decision.`
              : `${title} "${node.id}" has no "${handle}" output; connect it to the next step or a decision.`,
            { nodeId: node.id },
          ),
        );
      } else if (count > 1) {
        problems.push(
          error(
            DiagnosticCode.DuplicateOutput,
            `${title} "${node.id}" has ${count} edges from its "${handle}" output; keep one, or add a condition to choose between them.`,
            {
              nodeId: node.id,
            },
          ),
        );
      }
    }
    for (const edge of edges) {
      if (expected.includes(handleOf(edge))) continue;
      problems.push(
        error(
          DiagnosticCode.UnknownOutput,
          expected.length === 0
            ? `${title} "${node.id}" ends a path, so nothing may follow it; remove edge "${edge.id}".`
            : `Edge "${edge.id}" leaves ${title.toLowerCase()} "${node.id}" from "${handleOf(edge)}", which is not one of its outputs (${expected.join(', ')}).`,
          { nodeId: node.id, edgeId: edge.id },
        ),
      );
    }
  }
  return problems;
}

/** Reports each loop once, naming its nodes in order. */
export function checkCycles<N extends GraphNode>(index: GraphIndex<N>): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    for (const edge of index.outgoing.get(id) ?? []) {
      if (!index.nodes.has(edge.target)) continue;
      const s = state.get(edge.target);
      if (s === 'open') {
        const loop = [...stack.slice(stack.indexOf(edge.target)), edge.target];
        problems.push(
          error(DiagnosticCode.Cycle, `Nodes ${loop.join(' → ')} form a loop; a policy must always move forward to a decision.`, {
            nodeId: edge.target,
            edgeId: edge.id,
          }),
        );
      } else if (s === undefined) visit(edge.target);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of index.nodes.keys()) if (!state.has(id)) visit(id);
  return problems;
}

export function checkReachability<N extends GraphNode>(index: GraphIndex<N>): Diagnostic[] {
  const start = index.starts[0];
  if (index.starts.length !== 1 || !start) return [];
  const reached = new Set<string>([start.id]);
  const queue = [start.id];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const edge of index.outgoing.get(id) ?? []) {
      if (index.nodes.has(edge.target) && !reached.has(edge.target)) {
        reached.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  return [...index.nodes.values()]
    .filter((n) => !reached.has(n.id))
    .map((n) =>
      error(DiagnosticCode.Unreachable, `${specOf(n.kind).title} "${n.id}" cannot be reached from the start node; connect it or delete it.`, { nodeId: n.id }),
    );
}

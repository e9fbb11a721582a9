/**
 * Validates a policy graph or a whole policy document and returns every problem found, each
 * with the node to fix. Never throws on bad input: any JSON value can be passed.
 */
import type { PolicyGraph } from '@baton/schemas';
import { checkNode } from '../nodes/registry';
import { enumeratePaths, MAX_PATHS } from '../graph/enumerate-paths';
import { indexGraph } from '../graph/graph-index';
import { findDeadBranches } from './dead-branches';
import { DiagnosticCode, error, toResult, type Diagnostic, type ValidationResult } from './diagnostic';
import { checkEdgeShape, checkNodeShape, checkSettingsShape } from './schema-check';
import { checkCycles, checkEdges, checkIds, checkOutputs, checkReachability, checkStart } from './structure';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function graphDiagnostics(raw: unknown): Diagnostic[] {
  if (!isRecord(raw) || !Array.isArray(raw.nodes) || !Array.isArray(raw.edges)) {
    return [error(DiagnosticCode.InvalidShape, 'A policy graph is an object with a "nodes" list and an "edges" list.')];
  }
  const shape = [...raw.nodes.flatMap((n, i) => checkNodeShape(n, i)), ...raw.edges.flatMap((e, i) => checkEdgeShape(e, i))];
  if (shape.length > 0) return shape;
  const graph = raw as unknown as PolicyGraph;
  const index = indexGraph(graph);
  const structure = [...checkIds(graph), ...checkStart(index), ...checkEdges(graph, index), ...checkOutputs(index), ...checkCycles(index), ...checkReachability(index)];
  const semantics = graph.nodes.flatMap(checkNode);
  const start = index.starts[0];
  if (structure.length > 0 || !start) return [...structure, ...semantics];
  const { paths, truncated } = enumeratePaths(index, start);
  if (truncated) {
    return [
      ...semantics,
      error(DiagnosticCode.TooManyPaths, `The policy has more than ${MAX_PATHS} paths from start to a decision; split it into smaller policies or merge branches.`),
    ];
  }
  return [...semantics, ...(semantics.length === 0 ? findDeadBranches(index, paths) : [])];
}

/**
 * Validates a policy graph: shape of every node and edge, one start, outputs connected once,
 * no loops, everything reachable, known facts with suitable operators and values, leaf
 * parameters filled, and (as warnings) branches that can never be taken.
 * @param graph - any JSON value
 * @returns `{ valid, diagnostics }`; `valid` is false when any diagnostic is an ERROR
 */
export function validatePolicyGraph(graph: unknown): ValidationResult {
  return toResult(graphDiagnostics(graph));
}

/**
 * Validates a policy document `{ graph, settings }`: the graph as {@link validatePolicyGraph}
 * does, plus the trigger settings' lexicons and thresholds.
 * @param document - any JSON value
 */
export function validatePolicyDocument(document: unknown): ValidationResult {
  if (!isRecord(document)) return toResult([error(DiagnosticCode.InvalidShape, 'A policy is an object with a "graph" and "settings".')]);
  return toResult([...graphDiagnostics(document.graph), ...checkSettingsShape(document.settings)]);
}

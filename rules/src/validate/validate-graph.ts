/**
 * Validates a policy graph, a routing graph or a whole policy document and returns every
 * problem found, each with the node to fix. Never throws on bad input: any JSON value can be
 * passed. Both graphs get the same checks; only the node kinds and facts they may use differ.
 */
import { valueDomains, type TriggerSettings } from '@baton/schemas';
import { checkNode, KINDS_OF, specOf } from '../nodes/registry';
import type { CheckContext, GraphFlavour } from '../nodes/node-spec';
import { enumeratePaths, MAX_PATHS } from '../graph/enumerate-paths';
import { indexGraph, type AnyGraph, type GraphNodeKind } from '../graph/graph-index';
import { findDeadBranches } from './dead-branches';
import { checkTopics } from './topic-check';
import { checkValueDomains } from './value-domain-check';
import { checkMessageLanguages } from './message-language-check';
import { checkBotSignals } from './bot-signals-check';
import { checkWaitingRoom } from './waiting-room-check';
import { checkConcepts } from './concept-check';
import { checkRoutineCollisions } from './routine-collision-check';
import { DiagnosticCode, error, toResult, type Diagnostic, type ValidationResult } from './diagnostic';
import { checkEdgeShape, checkNodeShape, checkSettingsShape } from './schema-check';
import { checkCycles, checkEdges, checkIds, checkOutputs, checkReachability, checkStart } from './structure';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether loops, outputs and reachability can still be checked despite shape problems: every
 * node has an id and a kind, the edges are well-formed, and no malformed node takes its outputs
 * from its data (a switch, a decision table). A half-filled leaf must not hide a loop elsewhere.
 */
function structureCheckable(nodes: unknown[], nodeShape: Diagnostic[][], edgeShape: Diagnostic[], flavour: GraphFlavour): boolean {
  if (edgeShape.length > 0) return false;
  return nodes.every((node, i) => {
    if (nodeShape[i]?.length === 0) return true;
    if (!isRecord(node) || typeof node.id !== 'string' || node.id === '' || !(KINDS_OF[flavour] as readonly unknown[]).includes(node.kind)) return false;
    const spec = specOf(node.kind as GraphNodeKind) as { branching?: { outputsFromData: boolean } };
    return !spec.branching?.outputsFromData;
  });
}

const NOUN: Record<GraphFlavour, string> = { policy: 'policy', routing: 'routing graph' };

function graphDiagnostics(raw: unknown, context: CheckContext): Diagnostic[] {
  const { flavour } = context;
  if (!isRecord(raw) || !Array.isArray(raw.nodes) || !Array.isArray(raw.edges)) {
    return [
      error(DiagnosticCode.InvalidShape, `A ${flavour === 'policy' ? 'policy graph' : 'routing graph'} is an object with a "nodes" list and an "edges" list.`),
    ];
  }
  const nodeShape = raw.nodes.map((n, i) => checkNodeShape(n, i, flavour));
  const edgeShape = raw.edges.flatMap((e, i) => checkEdgeShape(e, i));
  // Like the nodes' and edges' unknown fields: stored, they would change the content hash while the diff shows nothing.
  const unknown = Object.keys(raw).filter((key) => key !== 'nodes' && key !== 'edges');
  const graphShape = unknown.map((key) =>
    error(DiagnosticCode.InvalidShape, `The ${NOUN[flavour]} has an unknown field "${key}" next to "nodes" and "edges"; remove it.`),
  );
  const shape = [...graphShape, ...nodeShape.flat(), ...edgeShape];
  if (!structureCheckable(raw.nodes, nodeShape, edgeShape, flavour)) return shape;
  const graph = raw as unknown as AnyGraph;
  const index = indexGraph(graph);
  const structure = [
    ...checkIds(graph),
    ...checkStart(index, NOUN[flavour]),
    ...checkEdges(graph, index),
    ...checkOutputs(index),
    ...checkCycles(index),
    ...checkReachability(index),
  ];
  const semantics = graph.nodes.filter((_, i) => nodeShape[i]?.length === 0).flatMap((node) => checkNode(node, context));
  const start = index.starts[0];
  if (shape.length > 0 || structure.length > 0 || !start) return [...shape, ...structure, ...semantics];
  const { paths, truncated } = enumeratePaths(index, start);
  if (truncated) {
    return [
      ...semantics,
      error(DiagnosticCode.TooManyPaths, `The ${NOUN[flavour]} has more than ${MAX_PATHS} paths from start to a leaf; split it or merge branches.`),
    ];
  }
  return [...semantics, ...(semantics.length === 0 ? findDeadBranches(index, paths) : [])];
}

/** Extra redaction patterns must be valid regular expressions: a bad one is refused here, not at decision time. */
function checkRedactionPatterns(settings: TriggerSettings): Diagnostic[] {
  return (settings.redaction?.patterns ?? []).flatMap(({ name, pattern }) => {
    try {
      new RegExp(pattern, 'giu');
      return [];
    } catch (e) {
      return [
        error(DiagnosticCode.InvalidSettings, `Redaction pattern "${name}" is not a valid regular expression (${e instanceof Error ? e.message : String(e)}).`),
      ];
    }
  });
}

/**
 * Validates a policy graph: shape of every node and edge, one start, outputs connected once,
 * no loops, everything reachable, known facts with suitable operators and values, leaf
 * parameters filled, and (as warnings) branches that can never be taken.
 * @param graph - any JSON value
 * @returns `{ valid, diagnostics }`; `valid` is false when any diagnostic is an ERROR
 */
export function validatePolicyGraph(graph: unknown): ValidationResult {
  return toResult(graphDiagnostics(graph, { flavour: 'policy' }));
}

/** Options of document and routing graph validation. */
export interface ValidationOptions {
  /**
   * Queue ids of the directory. When given, a route target naming any other queue is an
   * UNKNOWN_QUEUE error on its node; when omitted (no directory at hand) queues are not checked.
   */
  knownQueues?: Iterable<string>;
  /**
   * Languages the directory serves (its queues' and agents' codes), added to the lexicons' as
   * known values of the `language` fact.
   */
  knownLanguages?: Iterable<string>;
  /** Customer tiers the server has seen integrations send, added to the catalog's as known values of the `customerTier` fact. */
  knownCustomerTiers?: Iterable<string>;
}

const contextOf = (flavour: GraphFlavour, options: ValidationOptions): CheckContext =>
  options.knownQueues ? { flavour, knownQueues: new Set(options.knownQueues) } : { flavour };

/**
 * Validates a routing graph with the escalation tree's checks: start, condition and switch
 * nodes (which may also test the decision facts of `ROUTING_FACT_CATALOG`) and `route` leaves,
 * each target's queue known to the directory when `options.knownQueues` is given.
 * @param graph - any JSON value
 */
export function validateRoutingGraph(graph: unknown, options: ValidationOptions = {}): ValidationResult {
  return toResult(graphDiagnostics(graph, contextOf('routing', options)));
}

/**
 * Validates a policy document `{ graph, settings, routing? }`: the graph as
 * {@link validatePolicyGraph} does, the routing graph (when present) as
 * {@link validateRoutingGraph} does, plus the trigger settings' lexicons and thresholds and,
 * as warnings, the values conditions compare (unknown topics, values outside a fact's domain or
 * differing only in case) and customer messages missing a language the lexicons cover.
 * @param document - any JSON value
 */
export function validatePolicyDocument(document: unknown, options: ValidationOptions = {}): ValidationResult {
  if (!isRecord(document)) return toResult([error(DiagnosticCode.InvalidShape, 'A policy is an object with a "graph" and "settings".')]);
  const shape = checkSettingsShape(document.settings);
  const valid = document.settings as TriggerSettings;
  const settings =
    shape.length > 0
      ? shape
      : [...checkRedactionPatterns(valid), ...checkConcepts(valid), ...checkRoutineCollisions(valid), ...checkBotSignals(valid), ...checkWaitingRoom(valid)];
  const graph = graphDiagnostics(document.graph, { flavour: 'policy' });
  const routing = document.routing === undefined || document.routing === null ? [] : graphDiagnostics(document.routing, contextOf('routing', options));
  const checkable = (diagnostics: Diagnostic[]): boolean => settings.length === 0 && !diagnostics.some((d) => d.code === DiagnosticCode.InvalidShape);
  const domains = checkable(graph)
    ? valueDomains({
        settings: valid,
        nodes: (document.graph as AnyGraph).nodes,
        ...(options.knownQueues ? { queues: options.knownQueues } : {}),
        ...(options.knownLanguages ? { languages: options.knownLanguages } : {}),
        ...(options.knownCustomerTiers ? { customerTiers: options.knownCustomerTiers } : {}),
      })
    : {};
  const valuesOf = (raw: unknown, diagnostics: Diagnostic[]): Diagnostic[] => {
    if (!checkable(diagnostics)) return [];
    // A node missing a required parameter (a condition without its test) has nothing to compare yet.
    const unfinished = new Set(diagnostics.filter((d) => d.code === DiagnosticCode.MissingParameter).map((d) => d.nodeId));
    const graph = { ...(raw as AnyGraph), nodes: (raw as AnyGraph).nodes.filter((n) => !unfinished.has(n.id)) } as AnyGraph;
    return [...checkTopics(graph, valid), ...checkValueDomains(graph, domains)];
  };
  const messages = checkable(graph) ? checkMessageLanguages(document.graph as AnyGraph, valid) : [];
  return toResult([
    ...graph,
    ...valuesOf(document.graph, graph),
    ...messages,
    ...routing,
    ...(document.routing ? valuesOf(document.routing, routing) : []),
    ...settings,
  ]);
}

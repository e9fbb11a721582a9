/** The structural diff of two whole policy documents: escalation graph, routing graph, trigger settings. */
import type { PolicyGraph, RoutingGraph, TriggerSettings } from '@baton/schemas';
import type { PolicyDocumentDiff } from './diff-types';
import { diffGraph, graphDiffHasChanges } from './diff-graph';
import { diffSettings, settingsDiffHasChanges } from './diff-settings';

/** A draft or a published version: its graph, its settings and, when it has one, its routing graph. */
export interface DiffablePolicyDocument {
  graph: PolicyGraph;
  settings: TriggerSettings;
  routing?: RoutingGraph | null;
}

/**
 * What changed from `before` to `after` (either may be the older one). Pure; the inputs are not
 * modified and the result shares no mutable state with them beyond the node and edge objects.
 */
export function diffPolicyDocuments(before: DiffablePolicyDocument, after: DiffablePolicyDocument): PolicyDocumentDiff {
  const graph = diffGraph(before.graph, after.graph);
  const routing = diffGraph(before.routing, after.routing);
  const settings = diffSettings(before.settings, after.settings);
  const changed = graphDiffHasChanges(graph) || graphDiffHasChanges(routing) || settingsDiffHasChanges(settings);
  const moved = graph.nodesMoved.length + routing.nodesMoved.length > 0;
  return { graph, routing, settings, unchanged: !changed && !moved, layoutOnly: !changed && moved };
}

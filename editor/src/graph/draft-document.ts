/** What the editor edits and saves: the escalation graph, its trigger settings and the optional routing graph. */
import type { PolicyGraph, RoutingGraph, TriggerSettings } from '@baton/schemas';

export interface DraftDocument {
  graph: PolicyGraph;
  settings: TriggerSettings;
  /** Null: handoffs go to the queue on their leaf. */
  routing: RoutingGraph | null;
}

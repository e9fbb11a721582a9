/** What the editor edits and saves: the escalation graph and its trigger settings. */
import type { PolicyGraph, TriggerSettings } from '@baton/schemas';

export interface DraftDocument {
  graph: PolicyGraph;
  settings: TriggerSettings;
}

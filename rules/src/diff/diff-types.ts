/**
 * The shapes of a structural policy diff: plain JSON, so the server returns them as they are
 * and the editor can paint them onto the canvas by node and edge id.
 */

/** One changed value, addressed by a dotted path from the thing that changed (`data.test.value`, `data.cases[1].label`). */
export interface FieldChange {
  /** Dotted path; array items as `[i]`. Empty when the whole value changed. */
  path: string;
  /** The value before; `undefined` when it was absent. */
  before: unknown;
  /** The value after; `undefined` when it is absent now. */
  after: unknown;
}

/** A node as the diff sees it: the fields every graph node kind shares (escalation and routing). */
export interface DiffableNode {
  id: string;
  kind: string;
  label?: string;
  position?: { x: number; y: number };
  data: unknown;
}

export interface DiffableEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle?: string;
}

export interface DiffableGraph {
  nodes: readonly DiffableNode[];
  edges: readonly DiffableEdge[];
}

/** A node added, removed or changed. */
export interface NodeChange {
  id: string;
  /** The kind after the change (before, for a removed node). */
  kind: string;
  label?: string;
  /** The node before (absent when added). */
  before?: DiffableNode;
  /** The node after (absent when removed). */
  after?: DiffableNode;
  /** Changed fields other than the position (`kind`, `label`, `data.…`); empty for added and removed nodes. */
  fields: FieldChange[];
  /** Changed canvas position (`position.x`, `position.y`): layout, not behaviour. */
  layout: FieldChange[];
}

/** An edge added, removed or rewired. */
export interface EdgeChange {
  /** The edge id after the change (before, for a removed edge). */
  id: string;
  source: string;
  target: string;
  sourceHandle?: string;
  before?: DiffableEdge;
  after?: DiffableEdge;
  /** Changed fields (`target`, `id`, …); empty for added and removed edges. */
  fields: FieldChange[];
}

/** The difference between two graphs. A node counts as changed only when more than its position changed. */
export interface GraphDiff {
  nodesAdded: NodeChange[];
  nodesRemoved: NodeChange[];
  /** Nodes whose kind, label or data changed (their `layout` may be non-empty too). */
  nodesChanged: NodeChange[];
  /** Nodes that only moved on the canvas. */
  nodesMoved: NodeChange[];
  edgesAdded: EdgeChange[];
  edgesRemoved: EdgeChange[];
  edgesChanged: EdgeChange[];
}

/** Phrases added to and removed from one phrase list in one language. */
export interface PhraseListChange {
  /** The list, e.g. `topics.billing.phrases`, `humanRequest.negations`, `hedging`. */
  list: string;
  /** The topic for a topic lexicon, else null. */
  topic: string | null;
  language: string;
  added: string[];
  removed: string[];
}

/** The difference between two sets of trigger settings. */
export interface SettingsDiff {
  /** Every changed value outside the phrase lists (thresholds, topic descriptions, recommended actions, redaction). */
  fields: FieldChange[];
  /** Phrase changes per list and language; order within a list does not count as a change. */
  phrases: PhraseListChange[];
  topicsAdded: string[];
  topicsRemoved: string[];
}

/** The structural difference between two policy documents. */
export interface PolicyDocumentDiff {
  graph: GraphDiff;
  /** A routing graph absent on one side counts as empty: all its nodes added or removed. */
  routing: GraphDiff;
  settings: SettingsDiff;
  /** True when nothing at all changed, layout included. */
  unchanged: boolean;
  /** True when something changed but only node positions. */
  layoutOnly: boolean;
}

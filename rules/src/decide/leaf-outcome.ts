/**
 * What a leaf means as an outcome — action, priority, support tier — shared by the full
 * decision (`decide`) and the replay of stored facts (`evaluateFacts`), so the two cannot drift.
 * Each leaf kind states its outcome in its spec (`nodes/*.ts`).
 */
import { isLeaf, type HandoffAction, type LeafNode, type Priority, type SupportTier } from '@baton/schemas';
import { EvaluationInvariantError } from '../evaluate/run-engine';
import type { GraphIndex } from '../graph/graph-index';
import { leafOutcomeOf } from '../nodes/registry';

/**
 * The leaf a fired rule names.
 * @throws EvaluationInvariantError when `id` is no leaf of the graph (compiled rules of another graph: a bug)
 */
export function leafIn(index: GraphIndex, id: string): LeafNode {
  const node = index.nodes.get(id);
  if (!node || !isLeaf(node)) throw new EvaluationInvariantError(`Rule points at "${id}", which is not a leaf of this policy.`);
  return node;
}

export function actionOf(leaf: LeafNode): HandoffAction {
  return leafOutcomeOf(leaf).action;
}

export function priorityOf(leaf: LeafNode): Priority {
  return leafOutcomeOf(leaf).priority(leaf);
}

export function tierOf(leaf: LeafNode): SupportTier {
  return leafOutcomeOf(leaf).tier(leaf);
}

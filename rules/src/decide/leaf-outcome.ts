/**
 * What a leaf means as an outcome — action, priority, support tier, queue — shared by the full
 * decision (`decide`) and the replay of stored facts (`evaluateFacts`), so the two cannot drift.
 */
import type { HandoffAction, LeafNode, Priority, SupportTier } from '@baton/schemas';

export function actionOf(leaf: LeafNode): HandoffAction {
  return leaf.kind === 'handoff' ? 'HANDOFF' : leaf.kind === 'callback' ? 'CALLBACK' : 'STAY';
}

/** A stay leaf has no priority of its own: LOW. */
export function priorityOf(leaf: LeafNode): Priority {
  return leaf.kind === 'stay' ? 'LOW' : leaf.data.priority;
}

/** Stay: the AI resolves; a callback is human-led; a handoff is its leaf's tier (default human-led). */
export function tierOf(leaf: LeafNode): SupportTier {
  if (leaf.kind === 'stay') return 'AI_RESOLVED';
  return leaf.kind === 'handoff' ? (leaf.data.tier ?? 'HUMAN_LED') : 'HUMAN_LED';
}

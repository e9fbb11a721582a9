/**
 * Nodes in words, for traces, diagnostics and the editor: "negativeTurns ≥ 2 or
 * sentimentSharpDrop = true", "Hand off to billing (billing_dispute, HIGH)". Each kind says it
 * in its spec (`nodes/*.ts`).
 */
import type { GraphNode } from './graph-index';
import { specOf } from '../nodes/registry';

/** One line describing what a node does. */
export function describeNode(node: GraphNode): string {
  return specOf(node.kind).describe(node as never);
}

/**
 * What leaves share: the parameters a decision needs must be filled in, not just present; a
 * leaf that sends to a queue carries the same reference in its path rule's event.
 */
import type { CallbackNode, HandoffNode } from '@baton/schemas';
import type { LeafRef } from '../compiler/compiled-policy';
import { DiagnosticCode, error, type Diagnostic } from '../validate/diagnostic';

/** A MissingParameter diagnostic for each named parameter that is blank. */
export function requireFilled(nodeId: string, title: string, params: Record<string, string | undefined>): Diagnostic[] {
  return Object.entries(params)
    .filter(([, value]) => !value || value.trim() === '')
    .map(([name]) => error(DiagnosticCode.MissingParameter, `${title} "${nodeId}" needs a ${name}.`, { nodeId }));
}

/** The event reference of a handoff or callback leaf: reason, category, queue, priority. */
export function queuedLeafRef(node: HandoffNode | CallbackNode): LeafRef {
  const { reasonCode, category, queue, priority } = node.data;
  return { id: node.id, kind: node.kind, reasonCode, category, queue, priority };
}

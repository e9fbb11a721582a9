import type { NodeSpec } from './node-spec';
import { requireFilled } from './leaf-checks';

/** Leaf: hand the conversation to a human queue. */
export const handoffSpec: NodeSpec<'handoff'> = {
  kind: 'handoff',
  title: 'Handoff',
  outputs: () => [],
  check: (node) => requireFilled(node.id, 'Handoff', { 'reason code': node.data.reasonCode, queue: node.data.queue }),
  defaults: () => ({ reasonCode: 'customer_request', category: 'CUSTOMER_REQUEST', queue: 'general', priority: 'NORMAL', tier: 'HUMAN_LED' }),
};

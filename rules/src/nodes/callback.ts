import type { NodeSpec } from './node-spec';
import { requireFilled } from './leaf-checks';

/** Leaf: offer a scheduled callback from a queue (used when the target is closed). */
export const callbackSpec: NodeSpec<'callback'> = {
  kind: 'callback',
  title: 'Callback',
  outputs: () => [],
  check: (node) => requireFilled(node.id, 'Callback', { 'reason code': node.data.reasonCode, queue: node.data.queue }),
  defaults: () => ({ reasonCode: 'callback_offered', category: 'BUSINESS', queue: 'general', priority: 'NORMAL' }),
};

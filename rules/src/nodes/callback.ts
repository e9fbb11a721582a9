import { CallbackNodeSchema } from '@baton/schemas';
import type { NodeSpec } from './node-spec';
import { queuedLeafRef, requireFilled } from './leaf-checks';

/** Leaf: offer a scheduled callback from a queue (used when the target is closed). */
export const callbackSpec: NodeSpec<'callback'> = {
  kind: 'callback',
  schema: CallbackNodeSchema,
  title: 'Callback',
  describe: (node) => `Offer a callback from ${node.data.queue} (${node.data.reasonCode}, ${node.data.priority})`,
  outputs: () => [],
  check: (node) => requireFilled(node.id, 'Callback', { 'reason code': node.data.reasonCode, queue: node.data.queue }),
  leaf: {
    action: 'CALLBACK',
    priority: (node) => node.data.priority,
    // A callback is a person calling back.
    tier: () => 'HUMAN_LED',
    ref: queuedLeafRef,
  },
};

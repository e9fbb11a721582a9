import { HandoffNodeSchema } from '@baton/schemas';
import type { NodeSpec } from './node-spec';
import { queuedLeafRef, requireFilled } from './leaf-checks';

/** Leaf: hand the conversation to a human queue. */
export const handoffSpec: NodeSpec<'handoff'> = {
  kind: 'handoff',
  schema: HandoffNodeSchema,
  title: 'Handoff',
  describe: (node) => `Hand off to ${node.data.queue} (${node.data.reasonCode}, ${node.data.priority})`,
  outputs: () => [],
  check: (node) => requireFilled(node.id, 'Handoff', { 'reason code': node.data.reasonCode, queue: node.data.queue }),
  leaf: {
    action: 'HANDOFF',
    priority: (node) => node.data.priority,
    // Without a tier of its own a handoff is human-led.
    tier: (node) => node.data.tier ?? 'HUMAN_LED',
    ref: (node) => (node.data.tier ? { ...queuedLeafRef(node), tier: node.data.tier } : queuedLeafRef(node)),
  },
};

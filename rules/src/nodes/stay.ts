import { StayNodeSchema } from '@baton/schemas';
import type { NodeSpec } from './node-spec';
import { requireFilled } from './leaf-checks';

/** Leaf: the AI keeps the conversation. */
export const staySpec: NodeSpec<'stay'> = {
  kind: 'stay',
  schema: StayNodeSchema,
  title: 'Stay with AI',
  describe: (node) => `Stay with the AI (${node.data.reasonCode})`,
  outputs: () => [],
  check: (node) => requireFilled(node.id, 'Stay', { 'reason code': node.data.reasonCode }),
  leaf: {
    action: 'STAY',
    // No queue, so no priority of its own.
    priority: () => 'LOW',
    tier: () => 'AI_RESOLVED',
    ref: (node) => ({ id: node.id, kind: node.kind, reasonCode: node.data.reasonCode }),
  },
};

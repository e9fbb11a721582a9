import type { NodeSpec } from './node-spec';
import { requireFilled } from './leaf-checks';

/** Leaf: the AI keeps the conversation. */
export const staySpec: NodeSpec<'stay'> = {
  kind: 'stay',
  title: 'Stay with AI',
  outputs: () => [],
  check: (node) => requireFilled(node.id, 'Stay', { 'reason code': node.data.reasonCode }),
  defaults: () => ({ reasonCode: 'ai_resolving' }),
};

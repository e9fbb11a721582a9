/** The draft graph a new policy starts with when none is given: start → stay. */
import type { PolicyGraph } from '@baton/schemas';

/** A start node leading to a stay leaf (reason `ai_resolving`); valid and publishable as is. */
export function defaultDraftGraph(): PolicyGraph {
  return {
    nodes: [
      { id: 'start', kind: 'start', label: 'Start', position: { x: 0, y: 0 }, data: {} },
      { id: 'stay', kind: 'stay', label: 'Keep with the AI', position: { x: 0, y: 160 }, data: { reasonCode: 'ai_resolving' } },
    ],
    edges: [{ id: 'start->stay', source: 'start', target: 'stay' }],
  };
}

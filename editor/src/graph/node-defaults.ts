/**
 * A new node of each kind as dropped from the palette: valid defaults an ops person then edits
 * in the inspector. Keyed by kind so a new kind fails the type check until it has defaults.
 */
import type { CanvasNode, CanvasNodeKind } from './canvas-graph';

type Position = { x: number; y: number };

const DEFAULTS: { [K in CanvasNodeKind]: (id: string, position: Position) => Extract<CanvasNode, { kind: K }> } = {
  start: (id, position) => ({ id, kind: 'start', label: 'Start', position, data: {} }),
  condition: (id, position) => ({
    id,
    kind: 'condition',
    label: 'New condition',
    position,
    data: { test: { fact: 'humanRequested', operator: 'equal', value: true } },
  }),
  switch: (id, position) => ({
    id,
    kind: 'switch',
    label: 'New switch',
    position,
    data: { fact: 'customerTier', cases: [{ id: 'case_1', label: 'VIP', operator: 'equal', value: 'vip' }] },
  }),
  handoff: (id, position) => ({
    id,
    kind: 'handoff',
    label: 'Hand off',
    position,
    data: { reasonCode: 'customer_request', category: 'CUSTOMER_REQUEST', queue: 'general', priority: 'NORMAL' },
  }),
  stay: (id, position) => ({ id, kind: 'stay', label: 'Stay with the AI', position, data: { reasonCode: 'ai_resolving' } }),
  callback: (id, position) => ({
    id,
    kind: 'callback',
    label: 'Offer a callback',
    position,
    data: { reasonCode: 'callback_offered', category: 'BUSINESS', queue: 'general', priority: 'NORMAL' },
  }),
  route: (id, position) => ({ id, kind: 'route', label: 'Route', position, data: { targets: [{ queue: 'general' }] } }),
};

/** A new node of `kind` with id `id` at `position`. */
export function newNode(kind: CanvasNodeKind, id: string, position: Position): CanvasNode {
  return DEFAULTS[kind](id, position);
}

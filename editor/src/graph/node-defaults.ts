/**
 * A new node of each kind as dropped from the palette: valid defaults an ops person then edits
 * in the inspector. Keyed by kind so a new kind fails the type check until it has defaults.
 */
import type { NodeKind, PolicyNode } from '@baton/schemas';

type Position = { x: number; y: number };

const DEFAULTS: { [K in NodeKind]: (id: string, position: Position) => Extract<PolicyNode, { kind: K }> } = {
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
};

/** A new node of `kind` with id `id` at `position`. */
export function newNode(kind: NodeKind, id: string, position: Position): PolicyNode {
  return DEFAULTS[kind](id, position);
}

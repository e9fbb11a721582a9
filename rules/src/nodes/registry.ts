/**
 * One spec per node kind; a kind added to `NODE_KINDS` without a spec fails the type check.
 */
import type { NodeKind, PolicyNode } from '@baton/schemas';
import type { NodeSpec } from './node-spec';
import type { Diagnostic } from '../validate/diagnostic';
import { startSpec } from './start';
import { conditionSpec } from './condition';
import { switchSpec } from './switch';
import { handoffSpec } from './handoff';
import { staySpec } from './stay';
import { callbackSpec } from './callback';

export const NODE_SPECS: { [K in NodeKind]: NodeSpec<K> } = {
  start: startSpec,
  condition: conditionSpec,
  switch: switchSpec,
  handoff: handoffSpec,
  stay: staySpec,
  callback: callbackSpec,
};

/** Output handles `node` must connect. */
export function outputsOf(node: PolicyNode): string[] {
  return (NODE_SPECS[node.kind] as NodeSpec).outputs(node as never);
}

/** Semantic diagnostics of one node. */
export function checkNode(node: PolicyNode): Diagnostic[] {
  return (NODE_SPECS[node.kind] as NodeSpec).check(node as never);
}

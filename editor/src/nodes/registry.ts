/**
 * The editor's node kinds, one spec per kind (`nodes/<kind>.tsx`). The mapped type makes a kind
 * without a spec a compile error; code outside `nodes/` asks the registry instead of branching
 * on a node's kind. Order is palette order.
 */
import type { NodeTypes } from '@xyflow/react';
import type { CanvasNode, CanvasNodeKind, CanvasTarget } from '../graph/canvas-graph';
import { callbackSpec } from './callback';
import { conditionSpec } from './condition';
import { decisionTableSpec } from './decision-table';
import { handoffSpec } from './handoff';
import type { EditorNodeSpec, NodeOutput, Position } from './node-spec';
import { routeSpec } from './route';
import { startSpec } from './start';
import { staySpec } from './stay';
import { switchSpec } from './switch';

export const NODE_SPECS: { [K in CanvasNodeKind]: EditorNodeSpec<K> } = {
  start: startSpec,
  condition: conditionSpec,
  switch: switchSpec,
  decisionTable: decisionTableSpec,
  handoff: handoffSpec,
  stay: staySpec,
  callback: callbackSpec,
  route: routeSpec,
};

const ALL_KINDS = Object.keys(NODE_SPECS) as CanvasNodeKind[];

/** The spec of `kind`, its node type widened: for callers holding any node. */
export function nodeSpecOf(kind: CanvasNodeKind): EditorNodeSpec<CanvasNodeKind> {
  // Safe: each spec only ever receives nodes of its own kind, looked up by that node's kind.
  return NODE_SPECS[kind] as unknown as EditorNodeSpec<CanvasNodeKind>;
}

/** Node kinds the palette of canvas `target` offers, in palette order. */
export function kindsOn(target: CanvasTarget): CanvasNodeKind[] {
  return ALL_KINDS.filter((kind) => (nodeSpecOf(kind).targets as readonly CanvasTarget[]).includes(target));
}

/** The renderer of each kind (React Flow `nodeTypes`; a node's `type` is its kind). */
export const NODE_TYPES: NodeTypes = Object.fromEntries(ALL_KINDS.map((kind) => [kind, nodeSpecOf(kind).Renderer]));

/** A new node of `kind` with id `id` at `position`, as dropped from the palette. */
export function newNode(kind: CanvasNodeKind, id: string, position: Position): CanvasNode {
  return nodeSpecOf(kind).create(id, position);
}

/** The outputs `node` offers, in drawing order. */
export function outputsOf(node: CanvasNode): NodeOutput[] {
  return nodeSpecOf(node.kind).outputs(node);
}

/** The output handles `node` offers: `true`/`false`, case or row ids then `default`, null for start's one output, none for leaves. */
export function outputHandles(node: CanvasNode): (string | null)[] {
  return outputsOf(node).map((o) => o.handle);
}

/** The words on an output handle: `true`, `false`, `default`, a case's or row's label; undefined for start's unnamed output. */
export function outputLabel(source: CanvasNode | undefined, handle: string | null | undefined): string | undefined {
  if (!source || handle == null) return undefined;
  return outputsOf(source).find((o) => o.handle === handle)?.label ?? handle;
}

/** Whether edges may lead into `node`. */
export function acceptsInput(node: CanvasNode): boolean {
  return nodeSpecOf(node.kind).input;
}

/** Queue ids `node` names. */
export function queuesOf(node: CanvasNode): string[] {
  return nodeSpecOf(node.kind).queues(node);
}

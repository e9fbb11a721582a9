/**
 * What the editor knows about one kind of node, in one place: its title and palette hint, its
 * colours, which canvases offer it, a new node as dropped, its words and outputs, the queues it
 * names, how it looks on the canvas and its inspector form. The registry (`registry.ts`) holds
 * one spec per kind in a mapped type, so a kind without a spec, or a spec without a piece, fails
 * the type check. Deciding stays the server's: specs only draw, describe and edit.
 */
import type { ComponentType } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import type { PolicyNode, RoutingNode } from '@baton/schemas';
import type { CanvasNode, CanvasNodeKind } from '../graph/canvas-graph';
import type { NodeFormProps } from '../inspector/node-form';

/** The node of kind `K`. */
export type NodeOf<K extends CanvasNodeKind> = Extract<CanvasNode, { kind: K }>;

/** The React Flow node carrying a node of kind `K` (its renderer's props); its `type` is `K`. */
export type FlowNodeOf<K extends CanvasNodeKind> = Node<{ node: NodeOf<K> }, string>;

/** The canvases a node of kind `K` may be drawn on: the escalation tree, the routing graph or both. */
export type TargetOf<K extends CanvasNodeKind> = (K extends PolicyNode['kind'] ? 'escalation' : never) | (K extends RoutingNode['kind'] ? 'routing' : never);

/** One output of a node: its handle (null for the single unnamed output of start) and the words on it. */
export interface NodeOutput {
  handle: string | null;
  /** Shown on the handle and its edges; the handle itself when absent. */
  label?: string;
}

/** A canvas position in flow coordinates. */
export interface Position {
  x: number;
  y: number;
}

/** Names a node's words show instead of ids; an id they do not know reads as itself. */
export interface NodeNames {
  /** A queue id as the directory names it ("Trust & Safety" for trust_safety). */
  queue(id: string): string;
}

export interface EditorNodeSpec<K extends CanvasNodeKind> {
  kind: K;
  /** Name on the palette button, the node and the inspector heading. */
  title: string;
  /** What the palette says the kind is for. */
  hint: string;
  /** Accent colour (CSS): the node's left border, handles, palette item and minimap. */
  colour: string;
  /** Background of the node (CSS colour). */
  fill: string;
  /** Canvases whose palette offers this kind. */
  targets: readonly TargetOf<K>[];
  /** Whether edges may lead into a node of this kind (only start has no input). */
  input: boolean;
  /** A new node as dropped from the palette: valid defaults an ops person then edits. */
  create(id: string, position: Position): NodeOf<K>;
  /** The node in one line of words (shown on the canvas, or as the tooltip of a richer body); ids read as themselves without `names`. */
  describe(node: NodeOf<K>, names?: NodeNames): string;
  /** Output handles in the order they are drawn; none for leaves. */
  outputs(node: NodeOf<K>): NodeOutput[];
  /** Queue ids the node names (offered again by queue pickers). */
  queues(node: NodeOf<K>): string[];
  /** How a node of this kind looks on the canvas (React Flow node type). */
  Renderer: ComponentType<NodeProps<FlowNodeOf<K>>>;
  /** Its inspector form. */
  Form: ComponentType<NodeFormProps<NodeOf<K>>>;
}

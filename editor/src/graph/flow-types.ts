/** The React Flow node and edge types of the canvas: a policy node carried as-is in `data`. */
import type { Edge, Node } from '@xyflow/react';
import type { CanvasNode, CanvasNodeKind } from './canvas-graph';

/** Canvas node: its `type` is the policy node kind (the renderer registry key), `data.node` the policy node. */
export type FlowNode = Node<{ node: CanvasNode }, CanvasNodeKind>;

/** Canvas edge; `sourceHandle` names the output taken (`true`, `false`, a case id, `default`). */
export type FlowEdge = Edge<{ label?: string }>;

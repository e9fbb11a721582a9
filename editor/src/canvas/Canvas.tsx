/**
 * The React Flow canvas over the editor state: nodes rendered by kind, edges labelled with
 * their output, the last test run's path lit, minimap and zoom controls. Deleting, copying and
 * undoing are the editor's keyboard shortcuts, not React Flow's, so each is one undo step.
 */
import { useMemo, type Dispatch } from 'react';
import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type Connection } from '@xyflow/react';
import type { CanvasNodeKind } from '../graph/canvas-graph';
import type { EditorAction, EditorState } from '../graph/editor-state';
import type { FlowEdge, FlowNode } from '../graph/flow-types';
import { NODE_KIND_MIME } from './Palette';
import { NODE_TYPES, nodeSpecOf } from '../nodes/registry';

export interface CanvasProps {
  state: EditorState;
  dispatch: Dispatch<EditorAction>;
  readOnly: boolean;
  /** Edges the last test run went along. */
  litEdgeIds: ReadonlySet<string> | null;
  onConnect: (connection: Connection) => void;
  onDropKind: (kind: CanvasNodeKind, position: { x: number; y: number }) => void;
  /** Kinds this canvas accepts from the palette (drops of other kinds are ignored). */
  kinds: readonly CanvasNodeKind[];
  /** Accessible name of the canvas. */
  label?: string;
}

export function Canvas({ state, dispatch, readOnly, litEdgeIds, onConnect, onDropKind, kinds, label = 'Policy canvas' }: CanvasProps) {
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const edges = useMemo(
    () =>
      litEdgeIds
        ? state.edges.map((e) => ({ ...e, className: litEdgeIds.has(e.id) ? 'bn-edge-lit' : 'bn-edge-dim', animated: litEdgeIds.has(e.id) }))
        : state.edges,
    [state.edges, litEdgeIds],
  );
  return (
    <div
      className="bn-canvas"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(NODE_KIND_MIME)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
        }
      }}
      onDrop={(e) => {
        const kind = e.dataTransfer.getData(NODE_KIND_MIME) as CanvasNodeKind;
        if (!kind || readOnly || !kinds.includes(kind)) return;
        e.preventDefault();
        onDropKind(kind, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
      }}
    >
      <ReactFlow<FlowNode, FlowEdge>
        nodes={state.nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={(changes) => dispatch({ type: 'nodeChanges', changes })}
        onEdgesChange={(changes) => dispatch({ type: 'edgeChanges', changes })}
        onNodeDragStart={() => dispatch({ type: 'dragStart' })}
        onConnect={onConnect}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={null}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
        minZoom={0.1}
        aria-label={label}
      >
        <Background gap={20} />
        <MiniMap<FlowNode> pannable zoomable ariaLabel="Minimap" nodeColor={(n) => nodeSpecOf(n.data.node.kind).colour} />
        <Controls showInteractive={false} aria-label="Zoom controls" />
      </ReactFlow>
    </div>
  );
}

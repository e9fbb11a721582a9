/**
 * The React Flow canvas over the editor state: nodes rendered by kind, edges labelled with
 * their output and drawn at right angles around nodes, the last test run's path lit, minimap,
 * zoom controls and search. It opens readable: the whole graph when it fits at
 * {@link MIN_READABLE_ZOOM} or more, else that zoom at the start node, and the wheel scrolls
 * (Ctrl + wheel or a pinch zooms). Deleting, copying and undoing are the editor's keyboard
 * shortcuts, not React Flow's, so each is one undo step. Edges are out of the tab order: the
 * inspector's outputs connect nodes from the keyboard.
 */
import { useCallback, useEffect, useMemo, useState, type Dispatch } from 'react';
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  useStore,
  type Connection,
  type InternalNode,
  type Rect,
} from '@xyflow/react';
import type { CanvasNodeKind } from '../graph/canvas-graph';
import type { EditorAction, EditorState } from '../graph/editor-state';
import type { FlowEdge, FlowNode } from '../graph/flow-types';
import { NODE_KIND_MIME } from './Palette';
import { CanvasSearch } from './CanvasSearch';
import { MIN_READABLE_ZOOM, openingViewport } from './readable-view';
import { EDGE_TYPES } from './step-edge';
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
  /** Called when search picks a node (after it is selected and centred). */
  onFound?: (nodeId: string) => void;
}

/** Allowed by hand (Ctrl + wheel, the − button) for a glance at a large graph's shape; never opened or fitted to. */
const MIN_MANUAL_ZOOM = 0.3;

/** The rectangle of a node in flow coordinates, once React Flow has measured it. */
const rectOf = (node: InternalNode<FlowNode> | undefined): Rect | null =>
  node?.measured.width && node.measured.height ? { ...node.internals.positionAbsolute, width: node.measured.width, height: node.measured.height } : null;

/**
 * Moves the canvas of the surrounding React Flow provider to its readable view: the whole
 * graph if it fits at a legible zoom, else that zoom on the start node (see {@link openingViewport}).
 */
export function useReadableView(): (duration?: number) => void {
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  return useCallback(
    (duration = 0) => {
      const nodes = flow.getNodes();
      if (nodes.length === 0 || !width || !height) return;
      const start = nodes.find((n) => n.data.node.kind === 'start');
      void flow.setViewport(openingViewport({ width, height }, flow.getNodesBounds(nodes), rectOf(start && flow.getInternalNode(start.id))), { duration });
    },
    [flow, width, height],
  );
}

/**
 * Brings a node into view if it is not wholly in view: centred, at the current zoom or the
 * readable minimum, whichever is larger (the leaf a test run reached, a search match).
 */
export function useRevealNode(): (nodeId: string, duration?: number) => void {
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  return useCallback(
    (nodeId, duration = 200) => {
      const rect = rectOf(flow.getInternalNode(nodeId));
      if (!rect) return;
      const { x, y, zoom } = flow.getViewport();
      const left = rect.x * zoom + x;
      const top = rect.y * zoom + y;
      const shown = left >= 0 && top >= 0 && left + rect.width * zoom <= width && top + rect.height * zoom <= height;
      if (shown && zoom >= MIN_READABLE_ZOOM) return;
      void flow.setCenter(rect.x + rect.width / 2, rect.y + rect.height / 2, { zoom: Math.max(zoom, MIN_READABLE_ZOOM), duration });
    },
    [flow, width, height],
  );
}

/** Window height (px) from which the minimap shows by default: below it, it would cover the nodes in view. */
const MINIMAP_MIN_WINDOW_HEIGHT = 800;

export function Canvas({ state, dispatch, readOnly, litEdgeIds, onConnect, onDropKind, kinds, label = 'Policy canvas', onFound }: CanvasProps) {
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const initialized = useNodesInitialized();
  const readableView = useReadableView();
  const edges = useMemo(
    () =>
      state.edges.map((e) =>
        litEdgeIds
          ? { ...e, type: 'baton', className: litEdgeIds.has(e.id) ? 'bn-edge-lit' : 'bn-edge-dim', animated: litEdgeIds.has(e.id) }
          : { ...e, type: 'baton' },
      ),
    [state.edges, litEdgeIds],
  );

  // On a short window (1280×720) the minimap would sit on the leaves: it starts hidden there, one click away.
  const [showMap, setShowMap] = useState(() => window.innerHeight >= MINIMAP_MIN_WINDOW_HEIGHT);

  // Open readable, and again when the canvas switches graph (escalation tree ↔ routing rules),
  // once every node of the graph shown has been measured.
  const [opened, setOpened] = useState<string | null>(null);
  useEffect(() => {
    if (!initialized || opened === state.target || state.nodes.length === 0) return;
    const measured = state.nodes.every((n) => rectOf(flow.getInternalNode(n.id)) !== null);
    if (!measured) return;
    readableView();
    setOpened(state.target);
  }, [initialized, opened, state.target, state.nodes, flow, readableView]);

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
        edgeTypes={EDGE_TYPES}
        onNodesChange={(changes) => dispatch({ type: 'nodeChanges', changes })}
        onEdgesChange={(changes) => dispatch({ type: 'edgeChanges', changes })}
        onNodeDragStart={() => dispatch({ type: 'dragStart' })}
        onConnect={onConnect}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesFocusable={false}
        deleteKeyCode={null}
        minZoom={MIN_MANUAL_ZOOM}
        panOnScroll
        colorMode="system"
        aria-label={label}
      >
        <Background gap={20} />
        {showMap ? (
          <MiniMap<FlowNode> pannable zoomable ariaLabel="Minimap" style={{ width: 150, height: 110 }} nodeColor={(n) => nodeSpecOf(n.data.node.kind).colour} />
        ) : null}
        {/* React Flow's fit button would fit a large graph at an illegible zoom: this one fits at a readable zoom or shows the start. */}
        <Controls showInteractive={false} showFitView={false} aria-label="Zoom controls">
          <ControlButton onClick={() => readableView(200)} title="Readable view of the whole graph" aria-label="Readable view of the whole graph">
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" fill="none" stroke="currentColor" strokeWidth="2" />
            </svg>
          </ControlButton>
          <ControlButton
            onClick={() => setShowMap((shown) => !shown)}
            title={showMap ? 'Hide the minimap' : 'Show the minimap'}
            aria-pressed={showMap}
            aria-label="Minimap"
          >
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d="M1 3l4.5-1.5 5 1.5L15 1.5v11.5l-4.5 1.5-5-1.5L1 14.5z M5.5 1.5v11.5 M10.5 3v11.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
            </svg>
          </ControlButton>
        </Controls>
        <CanvasSearch
          nodes={state.nodes}
          onPick={(id) => {
            dispatch({ type: 'select', nodeIds: [id] });
            const rect = rectOf(flow.getInternalNode(id));
            if (rect) {
              const zoom = Math.max(flow.getZoom(), MIN_READABLE_ZOOM);
              void flow.setCenter(rect.x + rect.width / 2, rect.y + rect.height / 2, { zoom, duration: 200 });
            }
            onFound?.(id);
          }}
        />
      </ReactFlow>
    </div>
  );
}

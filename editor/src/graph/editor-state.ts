/**
 * The canvas state machine: the draft document with its undo history, and the React Flow
 * nodes and edges derived from it. A pure reducer; React only dispatches.
 * Document edits are undo steps; selection and measured sizes are UI state, never saved;
 * a drag moves nodes transiently after a checkpoint, so the whole drag undoes as one step.
 */
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { canvasGraphOf, withCanvasGraph, type CanvasTarget } from './canvas-graph';
import type { DraftDocument } from './draft-document';
import type { FlowEdge, FlowNode } from './flow-types';
import { toFlowEdges, toFlowNodes } from './graph-mapping';
import { moveNodes } from './graph-operations';
import { checkpoint, createHistory, record, redo, replacePresent, undo, type History } from './history';

export interface EditorState {
  history: History<DraftDocument>;
  /** The graph of the document the canvas shows (UI state: both graphs share one undo history). */
  target: CanvasTarget;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

export type EditorAction =
  | { type: 'load'; document: DraftDocument }
  /** Shows the other graph of the document (escalation tree or routing graph); selection is dropped. */
  | { type: 'target'; target: CanvasTarget }
  /** A document edit (one undo step; merged with the previous one when `coalesceKey` repeats); `select` replaces the selection. */
  | { type: 'edit'; update: (document: DraftDocument) => DraftDocument; coalesceKey?: string; select?: readonly string[] }
  | { type: 'nodeChanges'; changes: NodeChange<FlowNode>[] }
  | { type: 'edgeChanges'; changes: EdgeChange<FlowEdge>[] }
  | { type: 'dragStart' }
  | { type: 'select'; nodeIds: readonly string[]; edgeIds?: readonly string[] }
  | { type: 'undo' }
  | { type: 'redo' };

function withSelection(state: EditorState, nodeIds: readonly string[], edgeIds: readonly string[] = []): EditorState {
  const nodeSet = new Set(nodeIds);
  const edgeSet = new Set(edgeIds);
  const nodes = state.nodes.map((n) => (Boolean(n.selected) === nodeSet.has(n.id) ? n : { ...n, selected: nodeSet.has(n.id) }));
  const edges = state.edges.map((e) => (Boolean(e.selected) === edgeSet.has(e.id) ? e : { ...e, selected: edgeSet.has(e.id) }));
  return { ...state, nodes, edges };
}

function derive(history: History<DraftDocument>, previous: EditorState | undefined, target: CanvasTarget = previous?.target ?? 'escalation'): EditorState {
  const graph = canvasGraphOf(history.present, target);
  return { history, target, nodes: toFlowNodes(graph, previous?.nodes), edges: toFlowEdges(graph, previous?.edges) };
}

/** The state for a freshly opened draft (no undo history), showing the escalation tree unless told otherwise. */
export function initialEditorState(document: DraftDocument, target: CanvasTarget = 'escalation'): EditorState {
  return derive(createHistory(document), undefined, target);
}

/** The canvas reducer. */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'load':
      return initialEditorState(action.document, state.target);
    case 'target':
      return action.target === state.target ? state : derive(state.history, undefined, action.target);
    case 'edit': {
      const next = action.update(state.history.present);
      const derived = derive(record(state.history, next, action.coalesceKey), state);
      return action.select ? withSelection(derived, action.select) : derived;
    }
    case 'nodeChanges': {
      const nodes = applyNodeChanges(
        action.changes.filter((c) => c.type !== 'remove' && c.type !== 'add' && c.type !== 'replace'),
        state.nodes,
      );
      const moved = new Map<string, { x: number; y: number }>();
      for (const change of action.changes) if (change.type === 'position' && change.position) moved.set(change.id, change.position);
      if (moved.size === 0) return { ...state, nodes };
      const document = state.history.present;
      const history = replacePresent(state.history, withCanvasGraph(document, state.target, moveNodes(canvasGraphOf(document, state.target), moved)));
      return derive(history, { ...state, nodes });
    }
    case 'edgeChanges':
      return {
        ...state,
        edges: applyEdgeChanges(
          action.changes.filter((c) => c.type === 'select'),
          state.edges,
        ),
      };
    case 'dragStart':
      return { ...state, history: checkpoint(state.history) };
    case 'select':
      return withSelection(state, action.nodeIds, action.edgeIds);
    case 'undo':
    case 'redo': {
      const history = action.type === 'undo' ? undo(state.history) : redo(state.history);
      return history === state.history ? state : derive(history, state);
    }
  }
}

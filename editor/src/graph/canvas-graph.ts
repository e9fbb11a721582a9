/**
 * The graphs a canvas edits: the escalation tree and the routing graph (which kinds each holds
 * is the node registry's `targets`). Both share one node and edge model, so the canvas,
 * history, mapping and edits serve either; `CanvasTarget` names which graph of the draft
 * document a canvas shows.
 */
import type { PolicyEdge, PolicyGraph, PolicyNode, RouteNode, RoutingGraph } from '@baton/schemas';
import type { DraftDocument } from './draft-document';

/** A node of either graph. */
export type CanvasNode = PolicyNode | RouteNode;
export type CanvasNodeKind = CanvasNode['kind'];

export interface CanvasGraph {
  nodes: CanvasNode[];
  edges: PolicyEdge[];
}

/** Which graph of the document a canvas shows. */
export type CanvasTarget = 'escalation' | 'routing';

const EMPTY: CanvasGraph = { nodes: [], edges: [] };

/** The graph `target` of `document` (an empty graph when the policy has no routing graph). */
export function canvasGraphOf(document: DraftDocument, target: CanvasTarget): CanvasGraph {
  if (target === 'escalation') return document.graph;
  return document.routing ?? EMPTY;
}

/** `document` with its graph `target` replaced (the same document when `graph` is the one it holds). */
export function withCanvasGraph(document: DraftDocument, target: CanvasTarget, graph: CanvasGraph): DraftDocument {
  if (canvasGraphOf(document, target) === graph) return document;
  // The kinds each graph may hold are the palette's and the server's to police; both share this model.
  if (target === 'escalation') return { ...document, graph: graph as PolicyGraph };
  return { ...document, routing: graph as RoutingGraph };
}

/** A new routing graph: start → one route to `queue`. */
export function newRoutingGraph(queue: string): RoutingGraph {
  return {
    nodes: [
      { id: 'start', kind: 'start', label: 'Start', position: { x: 0, y: 0 }, data: {} },
      { id: 'route_1', kind: 'route', label: `Route to ${queue}`, position: { x: 320, y: 0 }, data: { targets: [{ queue }] } },
    ],
    edges: [{ id: 'e_start_next_1', source: 'start', target: 'route_1' }],
  };
}

/**
 * What the canvas shows on top of the policy, keyed by node id and never saved: validation
 * problems, the path a test run took (the server's trace), a diff against a version, and the
 * policy's thresholds (so a condition on a counted fact can say what counts).
 */
import { createContext, useContext } from 'react';
import type { Thresholds } from '@baton/schemas';
import type { ApiDiagnostic } from '../api/api-error';
import type { DecisionTraceStep } from '../api/types';
import type { NodeNames } from '../nodes/node-spec';

export type DiffMark = 'added' | 'removed' | 'changed';

export interface CanvasOverlay {
  diagnostics: ReadonlyMap<string, readonly ApiDiagnostic[]>;
  /** Trace steps of the last test run by node id; null when no run is shown. */
  trace: ReadonlyMap<string, DecisionTraceStep> | null;
  diff: ReadonlyMap<string, DiffMark> | null;
  /** The thresholds of the settings the graph is shown with; absent when unknown. */
  thresholds?: Thresholds | null;
  /** Queue names by id from the directory; absent or null when not loaded (leaves then show queue ids). */
  queueNames?: ReadonlyMap<string, string> | null;
}

export const EMPTY_OVERLAY: CanvasOverlay = { diagnostics: new Map(), trace: null, diff: null };

export const CanvasOverlayContext = createContext<CanvasOverlay>(EMPTY_OVERLAY);

export function useCanvasOverlay(): CanvasOverlay {
  return useContext(CanvasOverlayContext);
}

/** The names node words use on this canvas: a queue by its directory name, by its id when the directory does not have it. */
export function overlayNames(overlay: CanvasOverlay): NodeNames {
  return { queue: (id) => overlay.queueNames?.get(id) ?? id };
}

/** Diagnostics grouped by the node they point at. */
export function diagnosticsByNode(diagnostics: readonly ApiDiagnostic[]): Map<string, ApiDiagnostic[]> {
  const byNode = new Map<string, ApiDiagnostic[]>();
  for (const d of diagnostics) {
    if (!d.nodeId) continue;
    byNode.set(d.nodeId, [...(byNode.get(d.nodeId) ?? []), d]);
  }
  return byNode;
}

/** The evaluated steps of a trace by node id (nodes off the path are left out). */
export function traceByNode(trace: readonly DecisionTraceStep[]): Map<string, DecisionTraceStep> {
  return new Map(trace.filter((s) => s.evaluated).map((s) => [s.nodeId, s]));
}

/** Ids of the edges the run went along: each from a step's node, through the output it took, to the next step's node. */
export function tracedEdgeIds(
  trace: readonly DecisionTraceStep[],
  edges: readonly { id: string; source: string; target: string; sourceHandle?: string | null }[],
): Set<string> {
  const steps = trace.filter((s) => s.evaluated);
  const ids = new Set<string>();
  for (let i = 0; i + 1 < steps.length; i++) {
    const from = steps[i] as DecisionTraceStep;
    const to = steps[i + 1] as DecisionTraceStep;
    const edge = edges.find((e) => e.source === from.nodeId && e.target === to.nodeId && (e.sourceHandle == null || e.sourceHandle === from.result));
    if (edge) ids.add(edge.id);
  }
  return ids;
}

/**
 * A version (or the draft) read-only on the canvas, optionally with the server's diff against
 * another version: added nodes green, changed amber, removed red (ghosts from the older side).
 * The inspector shows the selected node read-only, with before → after of each changed field.
 */
import { useEffect, useMemo, useReducer, useState } from 'react';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import type { Thresholds } from '@baton/schemas';
import type { PolicyDiff } from '../api/types';
import { Canvas } from '../canvas/Canvas';
import { CanvasOverlayContext, type CanvasOverlay } from '../canvas/canvas-overlay';
import { MIN_READABLE_ZOOM } from '../canvas/readable-view';
import type { CanvasGraph, CanvasTarget } from '../graph/canvas-graph';
import { kindsOn } from '../nodes/registry';
import type { DraftDocument } from '../graph/draft-document';
import { editorReducer, initialEditorState } from '../graph/editor-state';
import { Inspector } from '../inspector/Inspector';
import { diffCanvas, formatDiffValue } from './diff-canvas';

export interface VersionViewerProps {
  title: string;
  document: DraftDocument;
  diff: PolicyDiff | null;
  directoryQueues: readonly string[] | null;
  queueNames: ReadonlyMap<string, string> | null;
}

const EMPTY_GRAPH: CanvasGraph = { nodes: [], edges: [] };

function ViewerCanvas({
  graph,
  target,
  diff,
  directoryQueues,
  queueNames,
  topics,
  thresholds,
}: {
  thresholds: Thresholds | null;
  queueNames: ReadonlyMap<string, string> | null;
  graph: CanvasGraph;
  target: CanvasTarget;
  diff: PolicyDiff | null;
  directoryQueues: readonly string[] | null;
  topics: readonly string[];
}) {
  const laid = useMemo(() => (diff ? diffCanvas(graph, target === 'routing' ? diff.routing : diff.graph) : null), [graph, diff, target]);
  const shown = laid?.graph ?? graph;
  const [state, dispatch] = useReducer(editorReducer, { graph: shown, settings: {} as DraftDocument['settings'], routing: null } as DraftDocument, (doc) =>
    initialEditorState(doc),
  );
  const overlay: CanvasOverlay = useMemo(
    () => ({ diagnostics: new Map(), trace: null, diff: laid?.marks ?? null, thresholds, queueNames }),
    [laid, thresholds, queueNames],
  );
  const edges = useMemo(
    () =>
      state.edges.map((e) =>
        laid?.removedEdgeIds.has(e.id)
          ? { ...e, className: 'bn-edge-removed' }
          : laid?.addedEdgeIds.has(e.id)
            ? { ...e, className: 'bn-edge-added' }
            : laid?.changedEdgeIds.has(e.id)
              ? { ...e, className: 'bn-edge-changed' }
              : e,
      ),
    [state.edges, laid],
  );
  const flow = useReactFlow();
  // Zoom onto what changed, so a diff of a large policy is readable at once.
  useEffect(() => {
    const marked = laid ? [...laid.marks.keys()] : [];
    if (marked.length === 0) return;
    const timer = window.setTimeout(
      () => void flow.fitView({ nodes: marked.map((id) => ({ id })), padding: 0.6, minZoom: MIN_READABLE_ZOOM, maxZoom: 1, duration: 200 }),
      400,
    );
    return () => window.clearTimeout(timer);
  }, [laid, flow]);
  const selected = state.nodes.filter((n) => n.selected).map((n) => n.id);
  const changes = selected.length === 1 ? laid?.changes.get(selected[0] as string) : undefined;
  const mark = selected.length === 1 ? laid?.marks.get(selected[0] as string) : undefined;
  return (
    <CanvasOverlayContext.Provider value={overlay}>
      <div className="bn-workspace">
        <Canvas
          state={{ ...state, edges }}
          dispatch={dispatch}
          readOnly
          litEdgeIds={null}
          onConnect={() => undefined}
          onDropKind={() => undefined}
          kinds={kindsOn(target)}
          label="Version canvas"
        />
        <aside className="bn-sidebar" aria-label="Version details">
          <Inspector
            graph={state.history.present.graph}
            selectedNodeIds={selected}
            selectedEdgeIds={[]}
            context={{ topics, queues: directoryQueues ?? [], directoryQueues }}
            diagnostics={[]}
            readOnly
            routing={target === 'routing'}
            onNodeChange={() => undefined}
            onLink={() => undefined}
            onDelete={() => undefined}
          >
            {mark ? (
              <section className={`bn-diff-detail bn-diff-${mark}`} aria-label="Changes to this node">
                <h3>{mark === 'added' ? 'Added' : mark === 'removed' ? 'Removed (shown as it was)' : 'Changed'}</h3>
                {changes && changes.length > 0 ? (
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Field</th>
                        <th scope="col">Before</th>
                        <th scope="col">After</th>
                      </tr>
                    </thead>
                    <tbody>
                      {changes.map((c) => (
                        <tr key={c.path}>
                          <td>{c.path}</td>
                          <td className="bn-before">{formatDiffValue(c.before)}</td>
                          <td className="bn-after">{formatDiffValue(c.after)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
              </section>
            ) : null}
          </Inspector>
        </aside>
      </div>
    </CanvasOverlayContext.Provider>
  );
}

export function VersionViewer({ title, document, diff, directoryQueues, queueNames }: VersionViewerProps) {
  const [target, setTarget] = useState<CanvasTarget>('escalation');
  const graph = target === 'routing' ? (document.routing ?? EMPTY_GRAPH) : document.graph;
  const topics = Object.keys(document.settings.topics ?? {});
  return (
    <section className="bn-version-viewer" aria-label={title}>
      <div className="bn-inline bn-viewer-head">
        <h3>{title}</h3>
        <div className="bn-tabs" role="group" aria-label="Graph shown">
          <button type="button" aria-pressed={target === 'escalation'} onClick={() => setTarget('escalation')}>
            Escalation tree
          </button>
          <button type="button" aria-pressed={target === 'routing'} onClick={() => setTarget('routing')}>
            Routing rules
          </button>
        </div>
        {diff ? (
          <span className="bn-legend" aria-label="Legend">
            <span className="bn-diff-badge bn-diff-added">added</span> <span className="bn-diff-badge bn-diff-changed">changed</span>{' '}
            <span className="bn-diff-badge bn-diff-removed">removed</span>
          </span>
        ) : null}
      </div>
      {diff ? <p className="bn-diff-summary">{diff.summary}</p> : null}
      <ReactFlowProvider key={`${target}-${diff?.from ?? ''}-${diff?.to ?? ''}-${title}`}>
        <ViewerCanvas
          graph={graph}
          target={target}
          diff={diff}
          directoryQueues={directoryQueues}
          queueNames={queueNames}
          topics={topics}
          thresholds={document.settings.thresholds ?? null}
        />
      </ReactFlowProvider>
    </section>
  );
}

/**
 * One policy open for editing: canvas, palette, inspector, test panel, problems, trigger
 * settings, history, backtests, save with conflict handling and publish. Composes the pieces; the graph edits,
 * mapping and history are pure modules, validating and deciding are the server's.
 */
import { Suspense, lazy, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { ReactFlowProvider, useReactFlow, type Connection, type XYPosition } from '@xyflow/react';
import { valueDomains, type TriggerSettings } from '@baton/schemas';
import type { ApiDiagnostic } from '../api/api-error';
import type { DraftDecision, PolicyDetail } from '../api/types';
import { Canvas, useReadableView, useRevealNode } from '../canvas/Canvas';
import { MIN_READABLE_ZOOM } from '../canvas/readable-view';
import { CanvasOverlayContext, diagnosticsByNode, traceByNode, tracedEdgeIds, type CanvasOverlay } from '../canvas/canvas-overlay';
import { Palette } from '../canvas/Palette';
import { clearWorkingDraft, readWorkingDraft, storeWorkingDraft } from '../draft/working-draft-storage';
import { autoLayout, measuredSizes } from '../graph/auto-layout';
import { canvasGraphOf, newRoutingGraph, withCanvasGraph, type CanvasGraph, type CanvasNode, type CanvasNodeKind } from '../graph/canvas-graph';
import { HistoryPage } from '../history/HistoryPage';
import type { DraftDocument } from '../graph/draft-document';
import { editorReducer, initialEditorState } from '../graph/editor-state';
import type { FlowEdge, FlowNode } from '../graph/flow-types';
import { addNode, connect, copyElements, linkOutput, pasteElements, removeElements, updateNode, type Clipboard } from '../graph/graph-operations';
import { Inspector } from '../inspector/Inspector';
import { kindsOn, queuesOf } from '../nodes/registry';
import { PublishDialog } from '../publish/PublishDialog';
import { SettingsPage } from '../settings/SettingsPage';
import { TestPanel, type TestRequest } from '../test-panel/TestPanel';
import { routeEdgeIds, routeTraceByNode } from '../test-panel/route-overlay';
import { ProblemsPanel } from '../validation/ProblemsPanel';
import { useLiveValidation } from '../validation/use-live-validation';
import { problemOf, useApi } from './api-context';
import { usePermissions } from './permissions';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';

/** About half a new node's size on the canvas (px), to centre the view on one before React Flow has measured it. */
const NEW_NODE_HALF = { width: 120, height: 50 };

// The Backtest tab brings its charting library: loaded when first opened.
const BacktestPage = lazy(() => import('../backtest/BacktestPage').then((m) => ({ default: m.BacktestPage })));

type SideTab = 'inspect' | 'test' | 'problems';
type View = 'canvas' | 'routing' | 'settings' | 'history' | 'backtest';

interface Conflict {
  currentRevision: number | null;
  updatedBy: string | null;
}

interface EditorViewProps {
  policy: PolicyDetail;
  initial: DraftDocument;
  baseRevision: number;
  restored: boolean;
  onBack: () => void;
  onReload: () => void;
}

function EditorView({ policy, initial, baseRevision: initialRevision, restored, onBack, onReload }: EditorViewProps) {
  const { call } = useApi();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const readableView = useReadableView();
  const revealNode = useRevealNode();
  const [state, dispatch] = useReducer(editorReducer, initial, initialEditorState);
  const permissions = usePermissions();
  const readOnly = !permissions.canEdit;
  const [saved, setSaved] = useState<DraftDocument>(() =>
    restored ? { graph: policy.draft.graph, settings: policy.draft.settings, routing: policy.draft.routing } : initial,
  );
  const [baseRevision, setBaseRevision] = useState(initialRevision);
  const [view, setViewState] = useState<View>('canvas');
  // The Backtest tab stays mounted once opened: a run, its report and filters survive a look at the canvas.
  const [backtestOpened, setBacktestOpened] = useState(false);
  const [testRequest, setTestRequest] = useState<TestRequest | null>(null);
  const [directoryQueues, setDirectoryQueues] = useState<string[] | null>(null);
  const [queueNames, setQueueNames] = useState<ReadonlyMap<string, string> | null>(null);
  const [customerTiers, setCustomerTiers] = useState<string[]>([]);
  const [side, setSide] = useState<SideTab>('inspect');
  const [decision, setDecision] = useState<DraftDecision | null>(null);
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string } | null>(
    restored ? { kind: 'info', text: 'Restored your unsaved changes from this browser tab.' } : null,
  );
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [publishing, setPublishing] = useState(false);
  const clipboard = useRef<Clipboard | null>(null);

  const document = state.history.present;
  const dirty = document !== saved && JSON.stringify(document) !== JSON.stringify(saved);
  const validation = useLiveValidation(document);
  const [testDiagnostics, setTestDiagnostics] = useState<ApiDiagnostic[]>([]);
  const diagnostics = validation.diagnostics.length > 0 || testDiagnostics.length === 0 ? validation.diagnostics : testDiagnostics;
  const routingDiagnostics = validation.routingDiagnostics;
  const target = state.target;
  const graph = canvasGraphOf(document, target);
  const setView = (next: View) => {
    setViewState(next);
    if (next === 'backtest') setBacktestOpened(true);
    if (next === 'canvas' || next === 'routing') dispatch({ type: 'target', target: next === 'routing' ? 'routing' : 'escalation' });
  };
  /** Applies `update` to the graph the canvas shows (one undo step). */
  const editGraph = (update: (graph: CanvasGraph) => CanvasGraph, coalesceKey?: string) =>
    dispatch({ type: 'edit', coalesceKey, update: (doc) => withCanvasGraph(doc, target, update(canvasGraphOf(doc, target))) });

  useEffect(() => {
    call((api) => api.queues()).then(
      (queues) => {
        setDirectoryQueues(queues.map((q) => q.id));
        setQueueNames(new Map(queues.map((q) => [q.id, q.name])));
      },
      () => {
        setDirectoryQueues(null);
        setQueueNames(null);
      },
    );
    // Without the server's tiers the pick list keeps the catalog's.
    call((api) => api.customerTiers()).then(setCustomerTiers, () => setCustomerTiers([]));
  }, [call]);

  // Unsaved work survives a refused key, a network failure or a reload of the tab.
  useEffect(() => {
    if (dirty) storeWorkingDraft(policy.id, { baseRevision, document });
    else clearWorkingDraft(policy.id);
  }, [dirty, document, baseRevision, policy.id]);

  useEffect(() => {
    if (!dirty) return;
    const guard = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [dirty]);

  // A run shows the path of the draft it ran on; any edit makes it stale.
  useEffect(() => setDecision(null), [document]);
  // A run ends where the canvas shows it: the node it reached is brought into view.
  const reached = decision ? decision.trace.filter((s) => s.evaluated).at(-1)?.nodeId : undefined;
  useEffect(() => {
    if (reached && target === 'escalation') revealNode(reached, 300);
  }, [reached, target, revealNode]);
  useEffect(() => setTestDiagnostics([]), [document]);

  const selectedNodeIds = state.nodes.filter((n) => n.selected).map((n) => n.id);
  const selectedEdgeIds = state.edges.filter((e) => e.selected).map((e) => e.id);
  const topics = useMemo(() => Object.keys(document.settings.topics), [document.settings.topics]);
  const queues = useMemo(
    () => [...new Set([...(directoryQueues ?? []), ...document.graph.nodes.flatMap(queuesOf), ...(document.routing?.nodes ?? []).flatMap(queuesOf)])].sort(),
    [document.graph.nodes, document.routing, directoryQueues],
  );
  const overlay: CanvasOverlay = useMemo(
    () => ({
      diagnostics: diagnosticsByNode(target === 'routing' ? routingDiagnostics : diagnostics),
      trace:
        decision && target === 'escalation'
          ? traceByNode(decision.trace)
          : target === 'routing'
            ? routeTraceByNode(decision, document.routing?.nodes ?? [])
            : null,
      diff: null,
      thresholds: document.settings.thresholds,
      queueNames,
    }),
    [diagnostics, routingDiagnostics, decision, target, document.settings.thresholds, document.routing, queueNames],
  );
  const litEdgeIds = useMemo(
    () =>
      decision && target === 'escalation' ? tracedEdgeIds(decision.trace, state.edges) : target === 'routing' ? routeEdgeIds(decision, state.edges) : null,
    [decision, state.edges, target],
  );
  // Pick lists of the value editors: tiers the server knows, languages, channels, queues, reason codes of this draft and the directory.
  const domains = useMemo(
    () => valueDomains({ settings: document.settings, nodes: document.graph.nodes, queues, customerTiers }),
    [document.settings, document.graph.nodes, queues, customerTiers],
  );
  const routingSet = useMemo(() => new Set(routingDiagnostics), [routingDiagnostics]);
  const allDiagnostics = useMemo(
    () => [...diagnostics, ...routingDiagnostics.map((d) => ({ ...d, message: `Routing rules: ${d.message}` }))],
    [diagnostics, routingDiagnostics],
  );
  const nodeName = useCallback((id: string) => document.graph.nodes.find((n) => n.id === id)?.label ?? id, [document.graph.nodes]);
  // Problems name nodes of both graphs.
  const anyNodeName = useCallback(
    (id: string) => [...document.graph.nodes, ...(document.routing?.nodes ?? [])].find((n) => n.id === id)?.label ?? id,
    [document.graph.nodes, document.routing],
  );

  const save = useCallback(
    async (base = baseRevision): Promise<boolean> => {
      try {
        const result = await call((api) => api.saveDraft(policy.id, document.graph, document.settings, base, document.routing));
        setBaseRevision(result.revision);
        setSaved(document);
        setConflict(null);
        setNotice({ kind: 'info', text: `Draft saved (revision ${result.revision}).` });
        return true;
      } catch (error) {
        const problem = problemOf(error);
        if (problem.kind === 'conflict') {
          const current = await call((api) => api.policy(policy.id)).catch(() => null);
          setConflict({ currentRevision: current?.draft.revision ?? problem.currentRevision, updatedBy: current?.draft.updatedBy ?? null });
        } else {
          setNotice({ kind: 'error', text: `Not saved: ${problem.message}` });
        }
        return false;
      }
    },
    [baseRevision, call, document, policy.id],
  );

  // A node added by a click lands at the centre of the view, moved down past any node already there,
  // so it never hides one (and the edges into it).
  const freeCentre = () => {
    const box = window.document.querySelector('.bn-canvas')?.getBoundingClientRect();
    const point = box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : { x: 400, y: 300 };
    const spot = flow.screenToFlowPosition(point);
    const taken = flow.getNodes().map((n) => ({ ...n.position, width: n.measured?.width ?? 240, height: n.measured?.height ?? 100 }));
    const covers = (y: number) => taken.some((t) => spot.x < t.x + t.width && spot.x + 360 > t.x && y < t.y + t.height && y + 200 > t.y);
    let y = spot.y;
    for (let tries = 0; tries < 50 && covers(y); tries++) y += 60;
    return { x: spot.x, y };
  };
  const add = (kind: CanvasNodeKind, dropped?: XYPosition) => {
    if (readOnly) return;
    const position = dropped ?? freeCentre();
    // The id the node gets in the graph on screen, which the edit below extends.
    const { id } = addNode(graph, kind, position);
    editGraph((g) => addNode(g, kind, position).graph);
    // A click may have placed it below the nodes at the centre, out of view: the view follows it.
    if (!dropped) void flow.setCenter(position.x + NEW_NODE_HALF.width, position.y + NEW_NODE_HALF.height, { zoom: flow.getZoom(), duration: 300 });
    // The new node becomes the selection so the inspector shows it.
    dispatch({ type: 'select', nodeIds: [id] });
    setSide('inspect');
  };
  const removeSelection = () => {
    if (selectedNodeIds.length === 0 && selectedEdgeIds.length === 0) return;
    if (readOnly) return;
    editGraph((g) => removeElements(g, new Set(selectedNodeIds), new Set(selectedEdgeIds)));
  };
  const onConnect = (c: Connection) => {
    if (!readOnly) editGraph((g) => connect(g, { source: c.source, sourceHandle: c.sourceHandle ?? null, target: c.target }));
  };
  const onLink = (nodeId: string, handle: string | null, to: string | null) => {
    if (!readOnly) editGraph((g) => linkOutput(g, nodeId, handle, to));
  };
  const onNodeChange = (node: CanvasNode, field: string) => editGraph((g) => updateNode(g, node.id, () => node), `${target}:${node.id}:${field}`);
  const onSettingsChange = (settings: TriggerSettings, field: string) =>
    dispatch({ type: 'edit', coalesceKey: `settings:${field}`, update: (doc) => ({ ...doc, settings }) });
  const pickProblem = (shown: ApiDiagnostic) => {
    const index = allDiagnostics.indexOf(shown);
    const d = index >= diagnostics.length ? (routingDiagnostics[index - diagnostics.length] as ApiDiagnostic) : shown;
    setView(routingSet.has(d) ? 'routing' : 'canvas');
    if (d.nodeId) {
      dispatch({ type: 'select', nodeIds: [d.nodeId] });
      setSide('inspect');
      void flow.fitView({ nodes: [{ id: d.nodeId }], duration: 300, minZoom: MIN_READABLE_ZOOM, maxZoom: 1.2 });
    } else if (d.edgeId) {
      dispatch({ type: 'select', nodeIds: [], edgeIds: [d.edgeId] });
    }
  };

  useKeyboardShortcuts(
    {
      save: () => void save(),
      undo: () => dispatch({ type: 'undo' }),
      redo: () => dispatch({ type: 'redo' }),
      copy: () => {
        if (selectedNodeIds.length > 0) clipboard.current = copyElements(graph, new Set(selectedNodeIds));
      },
      paste: () => {
        const clip = clipboard.current;
        if (!clip) return;
        let ids: string[] = [];
        if (readOnly) return;
        editGraph((g) => {
          const result = pasteElements(g, clip, { x: 40, y: 40 });
          ids = result.ids;
          return result.graph;
        });
        dispatch({ type: 'select', nodeIds: ids });
      },
      remove: removeSelection,
    },
    !publishing && !readOnly && (view === 'canvas' || view === 'routing'),
  );

  const errorCount = allDiagnostics.filter((d) => d.severity === 'ERROR').length;
  const openPublish = async () => {
    // The publish summary is the server's diff of the stored draft: save unsaved work first.
    if (dirty && !(await save())) return;
    setPublishing(true);
  };
  return (
    <CanvasOverlayContext.Provider value={overlay}>
      <div className="bn-editor">
        <header className="bn-topbar">
          <button
            type="button"
            onClick={() => {
              if (!dirty || window.confirm('Leave this policy? Your unsaved changes stay in this tab and are offered back when you open it again.')) onBack();
            }}
          >
            ← Policies
          </button>
          <h1 className="bn-policy-title">
            <span className="bn-policy-name">{policy.name}</span> <span className="bn-hint">draft revision {baseRevision}</span>
          </h1>
          {readOnly ? (
            <span className="bn-save-state bn-read-only" role="status">
              Read-only ({permissions.role?.toLowerCase() ?? 'no role'} key)
            </span>
          ) : (
            <span className={`bn-save-state ${dirty ? 'bn-dirty' : ''}`} role="status">
              {dirty ? 'Unsaved changes' : 'All changes saved'}
            </span>
          )}
          {readOnly ? null : (
            <div className="bn-toolbar" role="toolbar" aria-label="Editing">
              <button type="button" onClick={() => dispatch({ type: 'undo' })} disabled={state.history.past.length === 0} title="Ctrl+Z">
                Undo
              </button>
              <button type="button" onClick={() => dispatch({ type: 'redo' })} disabled={state.history.future.length === 0} title="Ctrl+Shift+Z">
                Redo
              </button>
              <button
                type="button"
                onClick={() => {
                  const sizes = measuredSizes(state.nodes);
                  editGraph((g) => autoLayout(g, sizes));
                  window.setTimeout(() => readableView(300), 50);
                }}
              >
                Auto-layout
              </button>
              <button type="button" onClick={() => void save()} disabled={!dirty} title="Ctrl+S">
                Save draft
              </button>
              {permissions.can('Mutation.publishPolicy') ? (
                <button type="button" className="bn-primary" onClick={() => void openPublish()}>
                  Publish…
                </button>
              ) : permissions.can('Mutation.requestPolicyReview') ? (
                <button type="button" className="bn-primary" onClick={() => void openPublish()}>
                  Request review…
                </button>
              ) : null}
            </div>
          )}
          <nav className="bn-tabs" aria-label="Views">
            <button type="button" aria-pressed={view === 'canvas'} onClick={() => setView('canvas')}>
              Canvas
            </button>
            <button type="button" aria-pressed={view === 'routing'} onClick={() => setView('routing')}>
              Routing rules
            </button>
            <button type="button" aria-pressed={view === 'settings'} onClick={() => setView('settings')}>
              Trigger settings
            </button>
            <button type="button" aria-pressed={view === 'history'} onClick={() => setView('history')}>
              History
            </button>
            {permissions.can('Query.datasets') ? (
              <button type="button" aria-pressed={view === 'backtest'} onClick={() => setView('backtest')}>
                Backtest
              </button>
            ) : null}
          </nav>
        </header>
        {notice ? (
          <div className={`bn-notice bn-notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
            {notice.text}
            <button type="button" className="bn-link" onClick={() => setNotice(null)} aria-label="Dismiss message">
              ✕
            </button>
          </div>
        ) : null}
        {conflict ? (
          <div className="bn-notice bn-notice-error" role="alert">
            Someone else saved this draft meanwhile (revision {conflict.currentRevision ?? '?'}, by {conflict.updatedBy ?? 'an unknown key'}). Your changes are
            not saved.
            <button type="button" onClick={onReload}>
              Reload their draft (drop mine)
            </button>
            <button
              type="button"
              onClick={() => conflict.currentRevision !== null && void save(conflict.currentRevision)}
              disabled={conflict.currentRevision === null}
            >
              Keep mine and overwrite
            </button>
          </div>
        ) : null}
        <div className="bn-workspace">
          {backtestOpened ? (
            <Suspense
              fallback={
                <p className="bn-page" role="status" hidden={view !== 'backtest'}>
                  Loading…
                </p>
              }
            >
              <BacktestPage
                policyId={policy.id}
                policyName={policy.name}
                document={document}
                dirty={dirty}
                hidden={view !== 'backtest'}
                onOpenInTestPanel={(request) => {
                  setView('canvas');
                  setSide('test');
                  setTestRequest(request);
                }}
              />
            </Suspense>
          ) : null}
          {view === 'backtest' ? null : view === 'history' ? (
            <HistoryPage
              policyId={policy.id}
              policyName={policy.name}
              directoryQueues={directoryQueues}
              queueNames={queueNames}
              onActivated={(text) => setNotice({ kind: 'info', text })}
            />
          ) : view === 'routing' && !document.routing ? (
            <div className="bn-settings-page">
              <h2>Routing rules</h2>
              <p>This policy has no routing graph: a handoff goes to the queue on the leaf reached.</p>
              <p className="bn-hint">
                A routing graph decides queue and agent after the escalation tree: switch on the decision (queue, reason code, priority…) and customer facts,
                then route to ordered targets with agent filters and timeouts.
              </p>
              {readOnly ? null : (
                <button
                  type="button"
                  className="bn-primary"
                  onClick={() =>
                    dispatch({
                      type: 'edit',
                      update: (doc) => ({
                        ...doc,
                        routing: newRoutingGraph(directoryQueues?.includes('general') ? 'general' : (directoryQueues?.[0] ?? 'general')),
                      }),
                    })
                  }
                >
                  Create a routing graph
                </button>
              )}
            </div>
          ) : view === 'canvas' || view === 'routing' ? (
            <>
              {readOnly ? null : <Palette kinds={kindsOn(target)} onAdd={(kind) => add(kind)} disabled={false} />}
              <Canvas
                state={state}
                dispatch={dispatch}
                readOnly={readOnly}
                litEdgeIds={litEdgeIds}
                onConnect={onConnect}
                onDropKind={(kind, position) => add(kind, position)}
                kinds={kindsOn(target)}
                label={target === 'routing' ? 'Routing canvas' : 'Policy canvas'}
                onFound={() => setSide('inspect')}
              />
            </>
          ) : (
            <div className="bn-settings-page">
              <SettingsPage policyId={policy.id} settings={document.settings} readOnly={readOnly} onChange={onSettingsChange} />
            </div>
          )}
          {view === 'history' || view === 'backtest' ? null : (
            <aside className="bn-sidebar" aria-label="Details">
              <div className="bn-tabs" role="tablist" aria-label="Panels">
                {(
                  [
                    ['inspect', 'Inspector'],
                    ['test', 'Test'],
                    ['problems', `Problems${validation.pending ? '' : ` (${allDiagnostics.length})`}`],
                  ] as const
                ).map(([tab, title]) => (
                  <button
                    key={tab}
                    type="button"
                    role="tab"
                    aria-selected={side === tab}
                    className={tab === 'problems' && errorCount > 0 ? 'bn-tab-error' : ''}
                    onClick={() => setSide(tab)}
                  >
                    {title}
                  </button>
                ))}
              </div>
              <div hidden={side !== 'inspect'} role="tabpanel">
                <Inspector
                  graph={graph}
                  selectedNodeIds={selectedNodeIds}
                  selectedEdgeIds={selectedEdgeIds}
                  context={{ topics, queues, directoryQueues, domains }}
                  diagnostics={target === 'routing' ? routingDiagnostics : diagnostics}
                  readOnly={readOnly}
                  routing={target === 'routing'}
                  onNodeChange={onNodeChange}
                  onLink={onLink}
                  onDelete={removeSelection}
                />
              </div>
              <div hidden={side !== 'test'} role="tabpanel">
                <TestPanel
                  policyId={policy.id}
                  document={document}
                  decision={decision}
                  onDecision={setDecision}
                  onInvalid={setTestDiagnostics}
                  nodeName={nodeName}
                  request={testRequest}
                  onShowRoute={() => setView('routing')}
                />
              </div>
              <div hidden={side !== 'problems'} role="tabpanel">
                <ProblemsPanel validation={{ ...validation, diagnostics: allDiagnostics }} onPick={pickProblem} nodeName={anyNodeName} />
              </div>
            </aside>
          )}
        </div>
        {publishing ? (
          <PublishDialog
            policyId={policy.id}
            policyName={policy.name}
            diagnostics={allDiagnostics}
            validationPending={validation.pending}
            dirty={dirty}
            mode={permissions.can('Mutation.publishPolicy') ? 'publish' : 'review'}
            onClose={() => setPublishing(false)}
            onPublish={async (comment) => {
              if (dirty && !(await save())) throw new Error('The draft could not be saved; see the message above the canvas.');
              try {
                if (!permissions.can('Mutation.publishPolicy')) {
                  const review = await call((api) => api.requestReview(policy.id, comment));
                  setPublishing(false);
                  setNotice({
                    kind: 'info',
                    text: `Review requested: a change request waits for ${review.requiredApprovals} approval(s) from publishers; the last one publishes the draft. See History.`,
                  });
                  return;
                }
                const outcome = await call((api) => api.publish(policy.id, comment));
                setPublishing(false);
                const request = outcome.changeRequest;
                setNotice({
                  kind: 'info',
                  text: outcome.version
                    ? `Published version ${outcome.version.version} (sha256 ${outcome.version.contentHash.slice(0, 12)}…). Bots get it on their next decision.`
                    : `Change request opened: this policy needs ${request?.requiredApprovals ?? 'more'} approval(s) from publishers other than you before it is published. See History.`,
                });
              } catch (error) {
                const problem = problemOf(error);
                if (problem.kind === 'invalid') setTestDiagnostics(problem.diagnostics);
                throw error;
              }
            }}
          />
        ) : null}
      </div>
    </CanvasOverlayContext.Provider>
  );
}

/** Loads the policy (and any unsaved work kept in this tab), then shows the editor. */
export function PolicyEditor({ policyId, onBack }: { policyId: string; onBack: () => void }) {
  const { call } = useApi();
  const [loaded, setLoaded] = useState<{ policy: PolicyDetail; document: DraftDocument; restored: boolean; revision: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const load = useCallback(
    (dropLocal: boolean) => {
      setError(null);
      call((api) => api.policy(policyId)).then(
        (policy) => {
          if (!policy) return setError(`There is no policy “${policyId}”.`);
          if (dropLocal) clearWorkingDraft(policyId);
          const kept = readWorkingDraft(policyId);
          const restored = kept !== null && kept.baseRevision === policy.draft.revision;
          const document: DraftDocument = restored
            ? { ...kept.document, routing: kept.document.routing ?? null }
            : { graph: policy.draft.graph, settings: policy.draft.settings, routing: policy.draft.routing ?? null };
          setLoaded({ policy, document, restored, revision: policy.draft.revision });
          setGeneration((g) => g + 1);
        },
        (caught: unknown) => setError(problemOf(caught).message),
      );
    },
    [call, policyId],
  );
  useEffect(() => load(false), [load]);
  if (error) {
    return (
      <div className="bn-page">
        <p className="bn-error" role="alert">
          {error}
        </p>
        <button type="button" onClick={() => load(false)}>
          Retry
        </button>
        <button type="button" onClick={onBack}>
          Back to policies
        </button>
      </div>
    );
  }
  if (!loaded) return <p className="bn-page">Loading…</p>;
  return (
    <ReactFlowProvider key={generation}>
      <EditorView
        policy={loaded.policy}
        initial={loaded.document}
        baseRevision={loaded.revision}
        restored={loaded.restored}
        onBack={onBack}
        onReload={() => load(true)}
      />
    </ReactFlowProvider>
  );
}

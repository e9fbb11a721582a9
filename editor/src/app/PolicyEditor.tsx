/**
 * One policy open for editing: canvas, palette, inspector, test panel, problems, trigger
 * settings, save with conflict handling and publish. Composes the pieces; the graph edits,
 * mapping and history are pure modules, validating and deciding are the server's.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { ReactFlowProvider, useReactFlow, type Connection } from '@xyflow/react';
import type { NodeKind, PolicyNode, TriggerSettings } from '@baton/schemas';
import type { ApiDiagnostic } from '../api/api-error';
import type { DraftDecision, PolicyDetail } from '../api/types';
import { Canvas } from '../canvas/Canvas';
import { CanvasOverlayContext, diagnosticsByNode, traceByNode, tracedEdgeIds, type CanvasOverlay } from '../canvas/canvas-overlay';
import { Palette } from '../canvas/Palette';
import { clearWorkingDraft, readWorkingDraft, storeWorkingDraft } from '../draft/working-draft-storage';
import { autoLayout } from '../graph/auto-layout';
import type { DraftDocument } from '../graph/draft-document';
import { editorReducer, initialEditorState } from '../graph/editor-state';
import type { FlowEdge, FlowNode } from '../graph/flow-types';
import { addNode, connect, copyElements, pasteElements, removeElements, updateNode, type Clipboard } from '../graph/graph-operations';
import { Inspector } from '../inspector/Inspector';
import { PublishDialog } from '../publish/PublishDialog';
import { SettingsPage } from '../settings/SettingsPage';
import { TestPanel } from '../test-panel/TestPanel';
import { ProblemsPanel } from '../validation/ProblemsPanel';
import { useLiveValidation } from '../validation/use-live-validation';
import { problemOf, useApi } from './api-context';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';

type SideTab = 'inspect' | 'test' | 'problems';

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
  const [state, dispatch] = useReducer(editorReducer, initial, initialEditorState);
  const [saved, setSaved] = useState<DraftDocument>(() => (restored ? { graph: policy.draft.graph, settings: policy.draft.settings } : initial));
  const [baseRevision, setBaseRevision] = useState(initialRevision);
  const [view, setView] = useState<'canvas' | 'settings'>('canvas');
  const [side, setSide] = useState<SideTab>('inspect');
  const [decision, setDecision] = useState<DraftDecision | null>(null);
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string } | null>(restored ? { kind: 'info', text: 'Restored your unsaved changes from this browser tab.' } : null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [publishedPolicy, setPublishedPolicy] = useState(policy);
  const clipboard = useRef<Clipboard | null>(null);

  const document = state.history.present;
  const dirty = document !== saved && JSON.stringify(document) !== JSON.stringify(saved);
  const validation = useLiveValidation(document);
  const [testDiagnostics, setTestDiagnostics] = useState<ApiDiagnostic[]>([]);
  const diagnostics = validation.diagnostics.length > 0 || testDiagnostics.length === 0 ? validation.diagnostics : testDiagnostics;

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
  useEffect(() => setTestDiagnostics([]), [document]);

  const selectedNodeIds = state.nodes.filter((n) => n.selected).map((n) => n.id);
  const selectedEdgeIds = state.edges.filter((e) => e.selected).map((e) => e.id);
  const topics = useMemo(() => Object.keys(document.settings.topics), [document.settings.topics]);
  const queues = useMemo(
    () => [...new Set(document.graph.nodes.flatMap((n) => (n.kind === 'handoff' || n.kind === 'callback' ? [n.data.queue] : [])))].sort(),
    [document.graph.nodes],
  );
  const overlay: CanvasOverlay = useMemo(
    () => ({ diagnostics: diagnosticsByNode(diagnostics), trace: decision ? traceByNode(decision.trace) : null, diff: null }),
    [diagnostics, decision],
  );
  const litEdgeIds = useMemo(() => (decision ? tracedEdgeIds(decision.trace, state.edges) : null), [decision, state.edges]);
  const nodeName = useCallback((id: string) => document.graph.nodes.find((n) => n.id === id)?.label ?? id, [document.graph.nodes]);

  const save = useCallback(
    async (base = baseRevision): Promise<boolean> => {
      try {
        const result = await call((api) => api.saveDraft(policy.id, document.graph, document.settings, base));
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

  const centre = () => {
    const box = window.document.querySelector('.bn-canvas')?.getBoundingClientRect();
    const point = box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : { x: 400, y: 300 };
    return flow.screenToFlowPosition(point);
  };
  const add = (kind: NodeKind, position = centre()) => {
    let added = '';
    dispatch({
      type: 'edit',
      update: (doc) => {
        const result = addNode(doc.graph, kind, position);
        added = result.id;
        return { ...doc, graph: result.graph };
      },
    });
    // The new node becomes the selection so the inspector shows it.
    dispatch({ type: 'select', nodeIds: [added] });
    setSide('inspect');
  };
  const removeSelection = () => {
    if (selectedNodeIds.length === 0 && selectedEdgeIds.length === 0) return;
    dispatch({ type: 'edit', update: (doc) => ({ ...doc, graph: removeElements(doc.graph, new Set(selectedNodeIds), new Set(selectedEdgeIds)) }) });
  };
  const onConnect = (c: Connection) =>
    dispatch({ type: 'edit', update: (doc) => ({ ...doc, graph: connect(doc.graph, { source: c.source, sourceHandle: c.sourceHandle ?? null, target: c.target }) }) });
  const onLink = (nodeId: string, handle: string | null, target: string | null) =>
    dispatch({
      type: 'edit',
      update: (doc) => {
        if (target) return { ...doc, graph: connect(doc.graph, { source: nodeId, sourceHandle: handle, target }) };
        const edge = doc.graph.edges.find((e) => e.source === nodeId && (e.sourceHandle ?? null) === handle);
        return edge ? { ...doc, graph: removeElements(doc.graph, new Set(), new Set([edge.id])) } : doc;
      },
    });
  const onNodeChange = (node: PolicyNode, field: string) =>
    dispatch({ type: 'edit', coalesceKey: `${node.id}:${field}`, update: (doc) => ({ ...doc, graph: updateNode(doc.graph, node.id, () => node) }) });
  const onSettingsChange = (settings: TriggerSettings, field: string) => dispatch({ type: 'edit', coalesceKey: `settings:${field}`, update: (doc) => ({ ...doc, settings }) });
  const pickProblem = (d: ApiDiagnostic) => {
    setView('canvas');
    if (d.nodeId) {
      dispatch({ type: 'select', nodeIds: [d.nodeId] });
      setSide('inspect');
      void flow.fitView({ nodes: [{ id: d.nodeId }], duration: 300, maxZoom: 1.2 });
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
        if (selectedNodeIds.length > 0) clipboard.current = copyElements(document.graph, new Set(selectedNodeIds));
      },
      paste: () => {
        const clip = clipboard.current;
        if (!clip) return;
        let ids: string[] = [];
        dispatch({
          type: 'edit',
          update: (doc) => {
            const result = pasteElements(doc.graph, clip, { x: 40, y: 40 });
            ids = result.ids;
            return { ...doc, graph: result.graph };
          },
        });
        dispatch({ type: 'select', nodeIds: ids });
      },
      remove: removeSelection,
    },
    !publishing,
  );

  const errorCount = diagnostics.filter((d) => d.severity === 'ERROR').length;
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
          <h1>
            {policy.name} <span className="bn-hint">draft revision {baseRevision}</span>
          </h1>
          <span className={`bn-save-state ${dirty ? 'bn-dirty' : ''}`} role="status">
            {dirty ? 'Unsaved changes' : 'All changes saved'}
          </span>
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
                dispatch({ type: 'edit', update: (doc) => ({ ...doc, graph: autoLayout(doc.graph) }) });
                window.setTimeout(() => void flow.fitView({ duration: 300 }), 50);
              }}
            >
              Auto-layout
            </button>
            <button type="button" onClick={() => void save()} disabled={!dirty} title="Ctrl+S">
              Save draft
            </button>
            <button type="button" className="bn-primary" onClick={() => setPublishing(true)}>
              Publish…
            </button>
          </div>
          <nav className="bn-tabs" aria-label="Views">
            <button type="button" aria-pressed={view === 'canvas'} onClick={() => setView('canvas')}>
              Canvas
            </button>
            <button type="button" aria-pressed={view === 'settings'} onClick={() => setView('settings')}>
              Trigger settings
            </button>
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
            Someone else saved this draft meanwhile (revision {conflict.currentRevision ?? '?'}, by {conflict.updatedBy ?? 'an unknown key'}). Your changes are not saved.
            <button type="button" onClick={onReload}>
              Reload their draft (drop mine)
            </button>
            <button type="button" onClick={() => conflict.currentRevision !== null && void save(conflict.currentRevision)} disabled={conflict.currentRevision === null}>
              Keep mine and overwrite
            </button>
          </div>
        ) : null}
        <div className="bn-workspace">
          {view === 'canvas' ? (
            <>
              <Palette onAdd={(kind) => add(kind)} disabled={false} />
              <Canvas state={state} dispatch={dispatch} readOnly={false} litEdgeIds={litEdgeIds} onConnect={onConnect} onDropKind={(kind, position) => add(kind, position)} />
            </>
          ) : (
            <div className="bn-settings-page">
              <SettingsPage policyId={policy.id} settings={document.settings} readOnly={false} onChange={onSettingsChange} />
            </div>
          )}
          <aside className="bn-sidebar" aria-label="Details">
            <div className="bn-tabs" role="tablist" aria-label="Panels">
              {(
                [
                  ['inspect', 'Inspector'],
                  ['test', 'Test'],
                  ['problems', `Problems${validation.pending ? '' : ` (${diagnostics.length})`}`],
                ] as const
              ).map(([tab, title]) => (
                <button key={tab} type="button" role="tab" aria-selected={side === tab} className={tab === 'problems' && errorCount > 0 ? 'bn-tab-error' : ''} onClick={() => setSide(tab)}>
                  {title}
                </button>
              ))}
            </div>
            <div hidden={side !== 'inspect'} role="tabpanel">
              <Inspector
                graph={document.graph}
                selectedNodeIds={selectedNodeIds}
                selectedEdgeIds={selectedEdgeIds}
                context={{ topics, queues }}
                diagnostics={diagnostics}
                readOnly={false}
                onNodeChange={onNodeChange}
                onLink={onLink}
                onDelete={removeSelection}
              />
            </div>
            <div hidden={side !== 'test'} role="tabpanel">
              <TestPanel policyId={policy.id} document={document} decision={decision} onDecision={setDecision} onInvalid={setTestDiagnostics} nodeName={nodeName} />
            </div>
            <div hidden={side !== 'problems'} role="tabpanel">
              <ProblemsPanel validation={{ ...validation, diagnostics }} onPick={pickProblem} />
            </div>
          </aside>
        </div>
        {publishing ? (
          <PublishDialog
            policy={publishedPolicy}
            document={document}
            diagnostics={diagnostics}
            validationPending={validation.pending}
            dirty={dirty}
            onClose={() => setPublishing(false)}
            onPublish={async (comment) => {
              if (dirty && !(await save())) throw new Error('The draft could not be saved; see the message above the canvas.');
              try {
                const outcome = await call((api) => api.publish(policy.id, comment));
                const fresh = await call((api) => api.policy(policy.id));
                if (fresh) setPublishedPolicy(fresh);
                setPublishing(false);
                setNotice({
                  kind: 'info',
                  text: outcome.version
                    ? `Published version ${outcome.version.version} (sha256 ${outcome.version.contentHash.slice(0, 12)}…). Bots get it on their next decision.`
                    : `This policy needs approval: change request ${outcome.changeRequest?.id ?? ''} waits for a publisher.`,
                });
              } catch (error) {
                const problem = problemOf(error);
                if (problem.kind === 'invalid') setTestDiagnostics(problem.diagnostics);
                throw new Error(problem.message);
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
          const document = restored ? kept.document : { graph: policy.draft.graph, settings: policy.draft.settings };
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
      <EditorView policy={loaded.policy} initial={loaded.document} baseRevision={loaded.revision} restored={loaded.restored} onBack={onBack} onReload={() => load(true)} />
    </ReactFlowProvider>
  );
}

/**
 * The Backtest tab of an open policy: import datasets of past conversations, run the current
 * draft (unsaved edits included) or a published version over one, follow its progress, and read
 * the report: figures, recall bars, confusion matrix, the diff against the active version and the
 * missed rows, each opening in the test panel on the draft so its path lights up on the canvas.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BacktestMiss, BacktestRunSummary, Dataset, VersionSummary } from '../api/types';
import { problemOf, useApi } from '../app/api-context';
import { usePermissions } from '../app/permissions';
import type { DraftDocument } from '../graph/draft-document';
import type { TestRequest } from '../test-panel/TestPanel';
import { BacktestReportView } from './BacktestReportView';
import { DatasetList } from './DatasetList';
import { DatasetUpload } from './DatasetUpload';
import { RecentRuns } from './RecentRuns';
import { RunControls, type RunChoice } from './RunControls';
import { RunProgress } from './RunProgress';
import { count, outcomeLabel, ranWhat } from './backtest-format';
import { useBacktestRun } from './use-backtest-run';

export interface BacktestPageProps {
  policyId: string;
  policyName: string;
  /** The working draft on screen, saved or not. */
  document: DraftDocument;
  dirty: boolean;
  /** Kept mounted while another view shows, so a run and its filters survive a look at the canvas. */
  hidden: boolean;
  onOpenInTestPanel: (request: TestRequest) => void;
}

export function BacktestPage({ policyId, policyName, document, dirty, hidden, onOpenInTestPanel }: BacktestPageProps) {
  const { call } = useApi();
  const permissions = usePermissions();
  const [datasets, setDatasets] = useState<Dataset[] | null>(null);
  const [datasetId, setDatasetId] = useState<string | null>(null);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [activeVersion, setActiveVersion] = useState<number | null>(null);
  const [runs, setRuns] = useState<BacktestRunSummary[]>([]);
  const [runId, setRunId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The draft each run of this tab started on (JSON), to tell whether the test panel runs the same. */
  const startedOn = useRef(new Map<string, string>());
  const { run, error: runError } = useBacktestRun(runId);

  const fail = useCallback((caught: unknown) => setError(problemOf(caught).message), []);
  const loadDatasets = useCallback(
    (select?: string) =>
      call((api) => api.datasets()).then((list) => {
        setDatasets(list);
        setDatasetId((current) => select ?? (current && list.some((d) => d.id === current) ? current : (list[0]?.id ?? null)));
      }, fail),
    [call, fail],
  );
  const loadRuns = useCallback(() => call((api) => api.backtestRuns(policyId)).then(setRuns, fail), [call, fail, policyId]);

  // Versions are published and activated on other tabs: read them whenever this one shows.
  useEffect(() => {
    if (hidden) return;
    call(async (api) => ({ list: await api.versions(policyId), policy: await api.policy(policyId) })).then(({ list, policy }) => {
      setVersions(list);
      setActiveVersion(policy?.activeVersion?.version ?? null);
    }, fail);
  }, [call, fail, hidden, policyId]);

  useEffect(() => {
    void loadDatasets();
    // Show the latest run of this policy, if any, on opening the tab.
    call((api) => api.backtestRuns(policyId)).then((list) => {
      setRuns(list);
      setRunId((current) => current ?? list[0]?.id ?? null);
    }, fail);
  }, [call, fail, loadDatasets, policyId]);

  // A run that ends shows up as ended in the list of earlier runs.
  const status = run?.status;
  useEffect(() => {
    if (status && status !== 'RUNNING') void loadRuns();
  }, [status, loadRuns]);

  const start = async (choice: RunChoice) => {
    setStarting(true);
    setError(null);
    setNotice(null);
    try {
      const draft = choice.version === null;
      const started = await call((api) =>
        api.startBacktest({
          datasetId: choice.datasetId,
          policyId,
          turnByTurn: choice.turnByTurn,
          ...(draft ? { draft: true, graph: document.graph, settings: document.settings, routing: document.routing } : { version: choice.version }),
        }),
      );
      if (draft) startedOn.current.set(started.id, JSON.stringify(document));
      setRunId(started.id);
      void loadRuns();
    } catch (caught) {
      fail(caught);
    } finally {
      setStarting(false);
    }
  };

  const cancel = async () => {
    if (!runId) return;
    setCancelling(true);
    try {
      await call((api) => api.cancelBacktest(runId));
    } catch (caught) {
      fail(caught);
    } finally {
      setCancelling(false);
    }
  };

  const remove = async (dataset: Dataset) => {
    if (!window.confirm(`Delete the dataset “${dataset.name}” and its ${count(dataset.rows, 'row')}? Runs already started finish. This cannot be undone.`))
      return;
    setError(null);
    try {
      await call((api) => api.deleteDataset(dataset.id));
      setNotice(`Deleted the dataset “${dataset.name}”.`);
      await loadDatasets();
    } catch (caught) {
      fail(caught);
    }
  };

  const open = async (miss: BacktestMiss) => {
    if (!run) return;
    setOpening(miss.id);
    setError(null);
    try {
      const row = await call((api) => api.datasetRow(run.datasetId, miss.id));
      if (!row) throw new Error(`Row ${miss.id} is no longer stored: the dataset “${run.datasetName}” may have been deleted.`);
      const sameDraft = run.version === 0 && startedOn.current.get(run.id) === JSON.stringify(document);
      const onWhat = sameDraft
        ? 'Run on the same draft as the backtest.'
        : run.version === 0
          ? 'Run on the draft as it is now, which may differ from the one the backtest ran.'
          : `Run on the draft; the backtest ran version ${run.version}.`;
      onOpenInTestPanel({
        input: row.input,
        title: `Row ${miss.id} (line ${row.line}) of “${run.datasetName}”: expected ${outcomeLabel(miss.expected)}, the backtest got ${outcomeLabel(miss.got)}. ${onWhat}`,
      });
    } catch (caught) {
      fail(caught);
    } finally {
      setOpening(null);
    }
  };

  const canImport = permissions.can('Mutation.importDataset');
  const canStart = permissions.can('Mutation.startBacktest');
  return (
    <div className="bn-backtest-page" hidden={hidden}>
      {error ? (
        <p className="bn-error bn-backtest-error" role="alert">
          {error}
          <button type="button" className="bn-link" onClick={() => setError(null)} aria-label="Dismiss the error">
            ✕
          </button>
        </p>
      ) : null}
      {notice ? (
        <p className="bn-pass" role="status">
          {notice}
        </p>
      ) : null}
      <div className="bn-backtest-top">
        <section className="bn-card" aria-label="Datasets">
          <h2>Datasets</h2>
          {canImport ? (
            <DatasetUpload
              onImported={(dataset) => {
                // Announced once the list shows it, so "Imported" always names a dataset the picker already holds.
                void loadDatasets(dataset.id).then(() =>
                  setNotice(`Imported “${dataset.name}”: ${count(dataset.rows, 'row')}, ${count(dataset.redactions, 'value')} masked.`),
                );
              }}
            />
          ) : null}
          {datasets === null ? (
            <p role="status">Loading…</p>
          ) : (
            <DatasetList
              datasets={datasets}
              selectedId={datasetId}
              onSelect={setDatasetId}
              onDelete={permissions.can('Mutation.deleteDataset') ? (d) => void remove(d) : undefined}
            />
          )}
        </section>
        <section className="bn-card" aria-label="Run">
          <h2>Backtest {policyName}</h2>
          {canStart ? (
            <RunControls
              datasets={datasets ?? []}
              datasetId={datasetId}
              onDatasetChange={setDatasetId}
              versions={versions}
              activeVersion={activeVersion}
              dirty={dirty}
              busy={starting || run?.status === 'RUNNING'}
              onStart={(choice) => void start(choice)}
            />
          ) : (
            <p className="bn-hint">This key may read backtests but not start them.</p>
          )}
          {run ? (
            <RunProgress
              run={run}
              rows={run.report?.rows ?? datasets?.find((d) => d.id === run.datasetId)?.rows ?? null}
              cancelling={cancelling}
              onCancel={permissions.can('Mutation.cancelBacktest') ? () => void cancel() : undefined}
            />
          ) : null}
          {runError ? (
            <p className="bn-error" role="alert">
              {runError}
            </p>
          ) : null}
          <RecentRuns runs={runs} shownId={runId} onShow={setRunId} />
        </section>
      </div>
      {run?.report ? (
        <BacktestReportView run={run} onOpen={(miss) => void open(miss)} opening={opening} />
      ) : run?.status === 'RUNNING' ? (
        <p className="bn-hint bn-report-pending">The report appears here when {ranWhat(run.version)} has decided every row.</p>
      ) : null}
    </div>
  );
}

/**
 * A run's progress: a bar of decisions made (each row is decided once, and once more by the
 * compared version when there is one), then how it ended; cancel while it runs.
 */
import type { BacktestRunSummary } from '../api/types';
import { count, ranWhat } from './backtest-format';

export interface RunProgressProps {
  run: BacktestRunSummary;
  /** Rows of the dataset, when known. */
  rows: number | null;
  /** Absent when the key may not cancel. */
  onCancel?: () => void;
  cancelling: boolean;
}

export function RunProgress({ run, rows, onCancel, cancelling }: RunProgressProps) {
  const what = `${ranWhat(run.version)} on ${run.datasetName}${run.turnByTurn ? ', turn by turn' : ''}`;
  const share = run.total === 0 ? 0 : Math.floor((run.done / run.total) * 100);
  const twice = rows !== null && rows > 0 && run.total === rows * 2;
  return (
    <section className={`bn-run-progress bn-run-${run.status.toLowerCase()}`} aria-label="Backtest run">
      <div className="bn-inline">
        <progress value={run.done} max={Math.max(run.total, 1)} aria-label="Backtest progress" />
        <span role="status">
          {run.status === 'RUNNING'
            ? `Running ${what}: ${run.done.toLocaleString('en')} of ${count(run.total, 'decision')} (${share}%)`
            : run.status === 'SUCCEEDED'
              ? `Done: ${what}, ${count(rows ?? run.total, 'row')}.`
              : run.status === 'CANCELLED'
                ? `Cancelled after ${run.done.toLocaleString('en')} of ${count(run.total, 'decision')}.`
                : `Failed: ${run.error ?? 'the server gave no reason'}.`}
        </span>
        {run.status === 'RUNNING' && onCancel ? (
          <button type="button" onClick={onCancel} disabled={cancelling}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : null}
      </div>
      {run.status === 'RUNNING' && twice ? (
        <p className="bn-hint">Each row is decided twice: by {ranWhat(run.version)}, then by the version it is compared with.</p>
      ) : null}
      {run.status === 'CANCELLED' && run.error ? <p className="bn-hint">{run.error}</p> : null}
      {run.gateFailures.length > 0 ? (
        <div className="bn-gate-failures" role="alert">
          <strong>Publish gates not met:</strong>
          <ul>
            {run.gateFailures.map((f, i) => (
              <li key={i}>{f}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

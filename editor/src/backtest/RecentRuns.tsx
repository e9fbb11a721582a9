/** Earlier runs of this policy (running ones first), to open their reports again. */
import type { BacktestRunSummary } from '../api/types';
import { ranWhat } from './backtest-format';

export interface RecentRunsProps {
  runs: BacktestRunSummary[];
  shownId: string | null;
  onShow: (id: string) => void;
}

const STATUS: Record<BacktestRunSummary['status'], string> = { RUNNING: 'running', SUCCEEDED: 'done', FAILED: 'failed', CANCELLED: 'cancelled' };

export function RecentRuns({ runs, shownId, onShow }: RecentRunsProps) {
  if (runs.length === 0) return null;
  return (
    <details className="bn-recent-runs">
      <summary>Earlier runs of this policy ({runs.length})</summary>
      <table className="bn-table" aria-label="Earlier runs">
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Ran</th>
            <th scope="col">Dataset</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="bn-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} className={r.id === shownId ? 'bn-active-row' : ''}>
              <td>{new Date(r.startedAt).toLocaleString()}</td>
              <td>
                {r.version === 0 ? 'draft' : `v${r.version}`}
                {r.turnByTurn ? ', turn by turn' : ''}
              </td>
              <td>{r.datasetName}</td>
              <td className={r.status === 'FAILED' ? 'bn-fail' : ''}>
                {STATUS[r.status]}
                {r.status === 'RUNNING' ? ` ${r.done}/${r.total}` : ''}
                {r.gateFailures.length > 0 ? <span className="bn-chip bn-chip-got"> gates not met</span> : null}
              </td>
              <td>
                <button
                  type="button"
                  onClick={() => onShow(r.id)}
                  disabled={r.id === shownId}
                  aria-label={`Show the run of ${ranWhat(r.version)} on ${r.datasetName} started ${new Date(r.startedAt).toLocaleString()}`}
                >
                  {r.id === shownId ? 'Shown' : 'Show'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** The stored datasets: rows, expectations, masked values and warnings; picked for a run, or deleted after a confirm. */
import type { Dataset } from '../api/types';
import { useKeyNames } from '../keys/key-names';
import { count, outcomeLabel } from './backtest-format';

export interface DatasetListProps {
  datasets: Dataset[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Absent when the key may not delete. */
  onDelete?: (dataset: Dataset) => void;
}

const FORMATS: Record<Dataset['format'], string> = {
  CONVERSATIONS: 'conversations (JSONL)',
  MESSAGES: 'messages (JSONL)',
  CSV: 'CSV',
  DECISION_LOG: 'decision log',
};

export function DatasetList({ datasets, selectedId, onSelect, onDelete }: DatasetListProps) {
  const keyName = useKeyNames(datasets.map((d) => d.createdBy));
  if (datasets.length === 0) return <p className="bn-hint">No dataset yet: import a file of past conversations above.</p>;
  return (
    <table className="bn-table bn-dataset-table" aria-label="Datasets">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Rows</th>
          <th scope="col">Expectations</th>
          <th scope="col">Masked</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {datasets.map((d) => (
          <tr key={d.id} data-id={d.id} className={d.id === selectedId ? 'bn-active-row' : ''}>
            <td>
              <strong>{d.name}</strong>
              <div className="bn-hint">
                {FORMATS[d.format]} · {d.source} · {new Date(d.createdAt).toLocaleString()}
                {d.createdBy ? ` · ${keyName(d.createdBy)}` : ''}
              </div>
              {d.warnings.map((w, i) => (
                <div key={i} className="bn-sev-warning bn-small">
                  {w}
                </div>
              ))}
            </td>
            <td>{d.rows.toLocaleString('en')}</td>
            <td>
              {d.expectations.length === 0 ? (
                <span className="bn-hint">no labels</span>
              ) : (
                <span className="bn-chips">
                  {d.expectations.map((e) => (
                    <span key={e.key} className="bn-chip" title={`${count(e.count, 'row')} expect ${outcomeLabel(e.key)}`}>
                      {outcomeLabel(e.key)} {e.count}
                    </span>
                  ))}
                </span>
              )}
            </td>
            <td title="Values masked on import: card numbers, passwords, government ids, secrets">{d.redactions}</td>
            <td className="bn-row-actions">
              <button type="button" onClick={() => onSelect(d.id)} disabled={d.id === selectedId} aria-label={`Use dataset ${d.name}`}>
                {d.id === selectedId ? 'Selected' : 'Use'}
              </button>
              {onDelete ? (
                <button type="button" onClick={() => onDelete(d)} aria-label={`Delete dataset ${d.name}`}>
                  Delete…
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What to run: a dataset, the current draft (unsaved edits included) or a published version, and whether to decide turn by turn. */
import { useId, useState } from 'react';
import type { Dataset, VersionSummary } from '../api/types';

/** A run to start: `version` null runs the working draft as it is on screen. */
export interface RunChoice {
  datasetId: string;
  version: number | null;
  turnByTurn: boolean;
}

export interface RunControlsProps {
  datasets: Dataset[];
  datasetId: string | null;
  onDatasetChange: (id: string) => void;
  versions: VersionSummary[];
  activeVersion: number | null;
  /** The draft on screen has unsaved edits. */
  dirty: boolean;
  /** A run is being started or is running. */
  busy: boolean;
  onStart: (choice: RunChoice) => void;
}

export function RunControls({ datasets, datasetId, onDatasetChange, versions, activeVersion, dirty, busy, onStart }: RunControlsProps) {
  const id = useId();
  const [source, setSource] = useState<'draft' | 'version'>('draft');
  const [version, setVersion] = useState<number | null>(activeVersion ?? versions[0]?.version ?? null);
  const [turnByTurn, setTurnByTurn] = useState(false);
  const chosenVersion = version ?? activeVersion ?? versions[0]?.version ?? null;
  const ready = datasetId !== null && (source === 'draft' || chosenVersion !== null);
  return (
    <form
      className="bn-run-controls"
      aria-label="Run a backtest"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) onStart({ datasetId, version: source === 'draft' ? null : chosenVersion, turnByTurn });
      }}
    >
      <div className="bn-field">
        <label htmlFor={`${id}-dataset`}>Dataset</label>
        <select id={`${id}-dataset`} value={datasetId ?? ''} onChange={(e) => onDatasetChange(e.target.value)} disabled={datasets.length === 0}>
          {datasetId === null ? <option value="">(import a dataset first)</option> : null}
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({d.rows.toLocaleString('en')} rows)
            </option>
          ))}
        </select>
      </div>
      <fieldset className="bn-run-source">
        <legend>Policy to run</legend>
        <label className="bn-check">
          <input type="radio" name={`${id}-source`} checked={source === 'draft'} onChange={() => setSource('draft')} />
          Current draft (unsaved changes included)
          {dirty ? <span className="bn-chip bn-dirty-chip">unsaved changes</span> : null}
        </label>
        <div className="bn-check">
          <input
            id={`${id}-published`}
            type="radio"
            name={`${id}-source`}
            checked={source === 'version'}
            onChange={() => setSource('version')}
            disabled={versions.length === 0}
          />
          <label htmlFor={`${id}-published`}>Published version</label>
          <label htmlFor={`${id}-version`} className="bn-visually-hidden">
            Version to run
          </label>
          <select
            id={`${id}-version`}
            className="bn-version-pick"
            value={chosenVersion ?? ''}
            onChange={(e) => {
              setVersion(Number(e.target.value));
              setSource('version');
            }}
            disabled={versions.length === 0}
          >
            {versions.length === 0 ? <option value="">(none published)</option> : null}
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version}
                {v.version === activeVersion ? ' (active)' : ''} — {v.comment}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <label className="bn-check">
        <input type="checkbox" checked={turnByTurn} onChange={(e) => setTurnByTurn(e.target.checked)} />
        Turn by turn: decide after every customer message, as a bot calling each turn
      </label>
      <p className="bn-hint">
        A dry run: nothing is logged or reserved, no one is handed off.
        {activeVersion !== null && !(source === 'version' && chosenVersion === activeVersion)
          ? ` Each row's outcome is compared with the active version (v${activeVersion}).`
          : ''}
      </p>
      <button type="submit" className="bn-primary" disabled={!ready || busy}>
        Start backtest
      </button>
    </form>
  );
}

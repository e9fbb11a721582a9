/**
 * Imports a dataset file: dropped on the zone or chosen with the file picker, named (the file's
 * name by default), sent whole to `POST /datasets`. A refused file lists its problems by line;
 * nothing is stored then.
 */
import { useId, useRef, useState, type DragEvent } from 'react';
import type { LineProblem } from '../api/api-error';
import type { Dataset } from '../api/types';
import { problemOf, useApi } from '../app/api-context';
import { fileSize, nameOfFile } from './backtest-format';

/** Problems listed before "and N more". */
const SHOWN_PROBLEMS = 50;

interface Refusal {
  message: string;
  problems: LineProblem[];
}

export function DatasetUpload({ onImported }: { onImported: (dataset: Dataset) => void }) {
  const { call } = useApi();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const choose = (chosen: File | null | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setName(nameOfFile(chosen.name));
    setRefusal(null);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    choose(e.dataTransfer.files[0]);
  };
  const upload = async () => {
    if (!file || name.trim() === '') return;
    setBusy(true);
    setRefusal(null);
    try {
      const dataset = await call((api) => api.uploadDataset(name.trim(), file.name, file));
      setFile(null);
      setName('');
      if (input.current) input.current.value = '';
      onImported(dataset);
    } catch (caught) {
      const problem = problemOf(caught);
      setRefusal({ message: problem.message, problems: problem.kind === 'badInput' ? problem.problems : [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="bn-dataset-upload"
      aria-label="Import a dataset"
      onSubmit={(e) => {
        e.preventDefault();
        void upload();
      }}
    >
      <div
        className={`bn-drop-zone${over ? ' bn-drop-over' : ''}`}
        data-testid="dataset-drop-zone"
        onDragEnter={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>
          <strong>Drop a dataset file here</strong> or{' '}
          <input
            ref={input}
            id={`${id}-file`}
            className="bn-visually-hidden"
            type="file"
            accept=".jsonl,.json,.ndjson,.csv,.txt"
            onChange={(e) => choose(e.target.files?.[0])}
          />
          <label htmlFor={`${id}-file`} className="bn-file-pick">
            choose a file
          </label>
        </p>
        <p className="bn-hint">
          JSONL (one conversation or one customer message per line, with <code>expected</code>) or a helpdesk CSV export. Card numbers, passwords and other
          secrets are masked before anything is stored.
        </p>
        {file ? (
          <p className="bn-chosen-file" role="status">
            {file.name} · {fileSize(file.size)}
          </p>
        ) : null}
      </div>
      <div className="bn-inline">
        <div className="bn-field bn-grow">
          <label htmlFor={`${id}-name`}>Dataset name</label>
          <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. October chats, labelled" />
        </div>
        <button type="submit" className="bn-primary" disabled={!file || name.trim() === '' || busy}>
          {busy ? 'Importing…' : 'Import dataset'}
        </button>
      </div>
      {refusal ? (
        <div className="bn-refusal" role="alert">
          <p className="bn-error">
            {refusal.problems.length > 0
              ? `Not imported, nothing was stored: ${refusal.problems.length === 1 ? 'one line has a problem' : `${refusal.problems.length} problems`}. Fix the file and import it again.`
              : `Not imported: ${refusal.message}`}
          </p>
          {refusal.problems.length > 0 ? (
            <ul className="bn-line-problems" aria-label="Problems in the file">
              {refusal.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                <li key={i}>
                  <strong>Line {p.line}</strong>: {p.message}
                </li>
              ))}
              {refusal.problems.length > SHOWN_PROBLEMS ? <li>… and {refusal.problems.length - SHOWN_PROBLEMS} more.</li> : null}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

/** The validation problems of the draft; choosing one selects its node (or connection). */
import type { ApiDiagnostic } from '../api/api-error';
import type { LiveValidation } from './use-live-validation';

export interface ProblemsPanelProps {
  validation: LiveValidation;
  onPick: (diagnostic: ApiDiagnostic) => void;
  /** The title a node id shows as (its label). */
  nodeName: (id: string) => string;
}

export function ProblemsPanel({ validation, onPick, nodeName }: ProblemsPanelProps) {
  const { diagnostics, pending, failed } = validation;
  const errors = diagnostics.filter((d) => d.severity === 'ERROR');
  return (
    <section className="bn-problems" aria-label="Problems">
      <h2>Problems</h2>
      <p role="status" className="bn-hint">
        {failed
          ? `Could not check the draft: ${failed}`
          : pending
            ? 'Checking…'
            : diagnostics.length === 0
              ? 'No problems: this draft can be published.'
              : `${errors.length} error${errors.length === 1 ? '' : 's'}, ${diagnostics.length - errors.length} warning${diagnostics.length - errors.length === 1 ? '' : 's'}.`}
      </p>
      <ul>
        {diagnostics.map((d, i) => (
          <li key={i}>
            <button
              type="button"
              className={`bn-problem ${d.severity === 'ERROR' ? 'bn-sev-error' : 'bn-sev-warning'}`}
              onClick={() => onPick(d)}
              disabled={!d.nodeId && !d.edgeId}
            >
              <span className="bn-sev">{d.severity === 'ERROR' ? 'Error' : 'Warning'}</span> {d.message}
              {d.nodeId ? <span className="bn-problem-node"> · {nodeName(d.nodeId)}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

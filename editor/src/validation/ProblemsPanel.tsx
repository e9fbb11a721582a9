/** The validation problems of the draft; choosing one selects its node (or connection). */
import type { ApiDiagnostic } from '../api/api-error';
import { problemMessage } from './problem-words';
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
        {diagnostics.map((d, i) => {
          const message = problemMessage(d, nodeName);
          const name = d.nodeId ? nodeName(d.nodeId) : null;
          return (
            <li key={i}>
              <button
                type="button"
                className={`bn-problem ${d.severity === 'ERROR' ? 'bn-sev-error' : 'bn-sev-warning'}`}
                onClick={() => onPick(d)}
                disabled={!d.nodeId && !d.edgeId}
                title={d.nodeId ? `Node id: ${d.nodeId}` : undefined}
              >
                <span className="bn-sev">{d.severity === 'ERROR' ? 'Error' : 'Warning'}</span> {message}
                {/* Whichever of the title and the id the message does not say already, so both stay in sight. */}
                {d.nodeId && name !== null && !message.includes(name) ? <span className="bn-problem-node"> · {name}</span> : null}
                {d.nodeId && name !== null && message.includes(name) && !message.includes(d.nodeId) ? (
                  <span className="bn-problem-node bn-node-id"> · {d.nodeId}</span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

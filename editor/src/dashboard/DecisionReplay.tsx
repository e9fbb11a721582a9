/**
 * Replay of one logged decision (`replayDecision`): the stored facts evaluated again on the version
 * that made the decision, and what an auditor needs from the answer: identical or not, the version
 * and content hash it ran on, and each differing field. Refusals are said in words next to the button.
 */
import { useId, useState } from 'react';
import type { EditorDecisionOutcomeFragment, EditorReplayDecisionQuery } from '../api/generated/operations';
import type { ApiProblem } from '../api/api-error';
import { problemOf, useApi } from '../app/api-context';

type Replay = EditorReplayDecisionQuery['replayDecision'];

const FIELDS: Array<{ key: keyof EditorDecisionOutcomeFragment; label: string }> = [
  { key: 'action', label: 'Action' },
  { key: 'reasonCode', label: 'Reason' },
  { key: 'reasonCodes', label: 'Reasons fired' },
  { key: 'priority', label: 'Priority' },
  { key: 'tier', label: 'Tier' },
  { key: 'queue', label: 'Queue' },
];

function shown(value: EditorDecisionOutcomeFragment[keyof EditorDecisionOutcomeFragment]): string {
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : '—';
  return value ?? '—';
}

/** The refusal in words an auditor can act on; the server's message for anything else. */
function refusal(problem: ApiProblem): string {
  if (problem.kind === 'forbidden') return 'This key may not replay decisions: sign in with an AUDITOR, EDITOR, PUBLISHER or ADMIN key.';
  if (problem.kind === 'other' && problem.code === 'NOT_FOUND') return 'This decision is not in the decision log (wrong id, or removed by retention).';
  return problem.message;
}

function ReplayResult({ replay }: { replay: Replay }) {
  const ran = `${replay.policyId} v${replay.policyVersion}`;
  if (!replay.replayed)
    return (
      <>
        <p>
          <strong>Identical: no.</strong> The replay on {ran} could not run (the log or the stored version changed outside Baton):
        </p>
        <ul>
          {replay.differences.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
        <p className="bn-hint">
          Content hash <code>{replay.contentHash}</code>
        </p>
      </>
    );
  const replayed = replay.replayed;
  return (
    <>
      <p>
        <strong>Identical: {replay.identical ? 'yes' : 'no'}.</strong> Replayed on {ran}, content hash <code>{replay.contentHash}</code>.
      </p>
      {replay.identical ? null : (
        <>
          <p>What differs:</p>
          <ul>
            {replay.differences.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </>
      )}
      <table className="bn-dash-table bn-dash-replay-table">
        <caption className="bn-hint">Logged and replayed outcome</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Logged</th>
            <th scope="col">Replayed</th>
          </tr>
        </thead>
        <tbody>
          {FIELDS.map(({ key, label }) => {
            const before = shown(replay.original[key]);
            const after = shown(replayed[key]);
            return (
              <tr key={key} className={before === after ? undefined : 'bn-dash-replay-differs'}>
                <th scope="row">{label}</th>
                <td>{before}</td>
                <td>
                  {after}
                  {before === after ? null : <strong> (differs)</strong>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** The Replay button of a logged decision and its answer; render only for keys allowed `Query.replayDecision`. */
export function DecisionReplay({ decisionId }: { decisionId: string }) {
  const { call } = useApi();
  const id = useId();
  const [replay, setReplay] = useState<Replay | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const run = async () => {
    setRunning(true);
    setError(null);
    setReplay(null);
    try {
      setReplay(await call((api) => api.replayDecision(decisionId)));
    } catch (caught) {
      setError(refusal(problemOf(caught)));
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="bn-dash-replay">
      <button type="button" onClick={() => void run()} disabled={running} aria-describedby={`${id}-result`}>
        {running ? 'Replaying…' : 'Replay'}
      </button>{' '}
      <span className="bn-hint">Evaluates the stored facts again on the version that made this decision.</span>
      <div id={`${id}-result`}>
        {error ? (
          <p className="bn-error" role="alert">
            Could not replay the decision: {error}
          </p>
        ) : null}
        {replay ? (
          <section role="status" aria-label="Replay result" className={replay.identical ? 'bn-dash-replay-same' : 'bn-dash-replay-changed'}>
            <ReplayResult replay={replay} />
          </section>
        ) : null}
      </div>
    </div>
  );
}

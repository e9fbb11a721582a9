/**
 * Publishing: validation and the policy's test cases first, then the server's diff summary of
 * the stored draft against the active version (`policyDiff`), and a required comment. A draft
 * with errors cannot be sent; a failing test case is shown (the server refuses it too, with
 * POLICY_TESTS_FAILED and each failure). It says beforehand when sending opens a change
 * request (the policy requires approvals), and in `review` mode (an editor, who may not
 * publish) it asks for review: a change request publishers approve.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ApiDiagnostic, TestFailure } from '../api/api-error';
import type { PolicyDiff, PolicyTestRun } from '../api/types';
import { problemOf, useApi } from '../app/api-context';

export interface PublishDialogProps {
  policyId: string;
  policyName: string;
  diagnostics: readonly ApiDiagnostic[];
  validationPending: boolean;
  dirty: boolean;
  /** Publishes; rejects with the API's problem (invalid, tests failed, conflict…). */
  onPublish: (comment: string) => Promise<void>;
  onClose: () => void;
  /** `publish` (a publisher) or `review` (an editor asks publishers to review and publish). */
  mode?: 'publish' | 'review';
}

/** What sending the dialog does, from the policy's required approvals (null while unknown). */
export function publishWording(mode: 'publish' | 'review', requiredApprovals: number | null): { title: string; intro: string | null; action: string } {
  if (mode === 'review') {
    const n = Math.max(1, requiredApprovals ?? 1);
    return {
      title: 'Request review of',
      intro: `This opens a change request: ${n === 1 ? 'a publisher' : `${n} publishers`} other than you review${n === 1 ? 's' : ''} the draft, and the last approval publishes it.`,
      action: 'Request review',
    };
  }
  if (requiredApprovals !== null && requiredApprovals > 0)
    return {
      title: 'Open a change request for',
      intro: `This policy needs ${requiredApprovals} approval${requiredApprovals === 1 ? '' : 's'} from publishers other than you: sending opens a change request, and the last approval publishes the draft. Nothing changes for bots until then.`,
      action: 'Open change request',
    };
  return { title: 'Publish', intro: null, action: 'Publish' };
}

type Loaded<T> = { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; message: string };

export function PublishDialog({ policyId, policyName, diagnostics, validationPending, dirty, onPublish, onClose, mode = 'publish' }: PublishDialogProps) {
  const { call } = useApi();
  const commentId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [failures, setFailures] = useState<TestFailure[]>([]);
  const [diff, setDiff] = useState<Loaded<PolicyDiff | null>>({ state: 'loading' });
  const [tests, setTests] = useState<Loaded<PolicyTestRun>>({ state: 'loading' });
  const [requiredApprovals, setRequiredApprovals] = useState<number | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  useEffect(() => {
    call(async (api) => {
      const policy = await api.policy(policyId);
      const active = policy?.activeVersion?.version;
      return active === undefined ? null : api.diff(policyId, active, null);
    }).then(
      (value) => setDiff({ state: 'done', value }),
      (caught: unknown) => setDiff({ state: 'failed', message: problemOf(caught).message }),
    );
    call((api) => api.governance(policyId)).then(
      (governance) => setRequiredApprovals(governance?.requiredApprovals ?? 0),
      () => setRequiredApprovals(null),
    );
    call((api) => api.runTests(policyId)).then(
      (value) => setTests({ state: 'done', value }),
      (caught: unknown) => setTests({ state: 'failed', message: problemOf(caught).message }),
    );
  }, [call, policyId]);

  const errors = diagnostics.filter((d) => d.severity === 'ERROR');
  const warnings = diagnostics.filter((d) => d.severity === 'WARNING');
  const testsFail = tests.state === 'done' && tests.value.failed > 0;
  const wording = publishWording(mode, requiredApprovals);
  const canPublish = errors.length === 0 && !validationPending && comment.trim() !== '' && !busy && !testsFail;
  return (
    <dialog ref={dialog} className="bn-dialog bn-publish-dialog" aria-labelledby={`${commentId}-title`} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!canPublish) return;
          setBusy(true);
          setError(null);
          setFailures([]);
          try {
            await onPublish(comment.trim());
          } catch (caught) {
            const problem = problemOf(caught);
            setError(problem.message);
            if (problem.kind === 'testsFailed') setFailures(problem.testFailures);
            setBusy(false);
          }
        }}
      >
        <h2 id={`${commentId}-title`}>
          {wording.title} “{policyName}”
        </h2>
        {wording.intro ? (
          <p className="bn-notice-box" role="note">
            {wording.intro}
          </p>
        ) : null}
        <section aria-label="Validation">
          <h3>Validation</h3>
          {validationPending ? (
            <p role="status">Checking…</p>
          ) : errors.length > 0 ? (
            <>
              <p className="bn-error">Fix these errors first (Problems tab):</p>
              <ul>
                {errors.map((d, i) => (
                  <li key={i}>{d.message}</li>
                ))}
              </ul>
            </>
          ) : (
            <p role="status">✓ No errors{warnings.length > 0 ? `; ${warnings.length} warning(s) — publishing is allowed` : ''}.</p>
          )}
        </section>
        <section aria-label="Test cases">
          <h3>Test cases</h3>
          {tests.state === 'loading' ? (
            <p role="status">Running the policy's test cases on the saved draft…</p>
          ) : tests.state === 'failed' ? (
            <p className="bn-error">Could not run the test cases: {tests.message}</p>
          ) : tests.value.results.length === 0 ? (
            <p className="bn-hint">This policy has no test cases (add some from the Test panel).</p>
          ) : (
            <>
              <p role="status" className={tests.value.failed > 0 ? 'bn-error' : ''}>
                {tests.value.failed > 0
                  ? `✗ ${tests.value.failed} of ${tests.value.results.length} test case(s) fail: fix the draft or the cases first.`
                  : `✓ All ${tests.value.passed} test case(s) pass.`}
              </p>
              <ul className="bn-test-results">
                {tests.value.results.map((r) => (
                  <li key={r.testCase.id} className={r.passed ? 'bn-pass' : 'bn-fail'}>
                    {r.passed ? '✓' : '✗'} {r.testCase.name}
                    {r.failures.length > 0 ? <span className="bn-hint"> — {r.failures.join('; ')}</span> : null}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section aria-label="Changes">
          <h3>Changes</h3>
          {diff.state === 'loading' ? (
            <p role="status">Comparing with the active version…</p>
          ) : diff.state === 'failed' ? (
            <p className="bn-error">Could not compare with the active version: {diff.message}</p>
          ) : diff.value === null ? (
            <p>This policy has no published version yet: this will be version 1.</p>
          ) : (
            <p className="bn-diff-summary">{diff.value.summary}</p>
          )}
          {dirty ? <p className="bn-hint">Your unsaved changes are saved first.</p> : null}
        </section>
        <div className="bn-field">
          <label htmlFor={commentId}>Comment (required): what changes and why</label>
          <textarea
            id={commentId}
            rows={3}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            aria-describedby={error ? `${commentId}-error` : undefined}
            required
          />
        </div>
        {error ? (
          <div className="bn-error" role="alert" id={`${commentId}-error`}>
            <p>{error}</p>
            {failures.length > 0 ? (
              <ul>
                {failures.map((f) => (
                  <li key={f.testCase}>
                    {f.testCase}: {f.failures.join('; ')}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <div className="bn-inline bn-dialog-actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="bn-primary" disabled={!canPublish}>
            {busy ? 'Sending…' : dirty ? `Save and ${wording.action.toLowerCase()}` : wording.action}
          </button>
        </div>
      </form>
    </dialog>
  );
}

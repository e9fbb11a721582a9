/**
 * Four eyes: the approvals a publish needs (publishers may change it), and the policy's change
 * requests with approve / reject for publishers other than the author. The server refuses
 * self-approval with FORBIDDEN; that message is shown as it comes. Each request shows what the
 * policy's backtest gates found on its draft.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { ChangeRequest, Governance } from '../api/types';
import { percent } from '../backtest/backtest-format';
import { problemOf, useApi } from '../app/api-context';
import { usePermissions } from '../app/permissions';
import { numberProblem } from '../inspector/fields';
import { CommentDialog } from './CommentDialog';

/** What a publish gate's run on the request's draft found, for approvers. */
function gateSummary(run: ChangeRequest['backtests'][number]): string {
  if (run.gateFailures.length > 0) return `missed: ${run.gateFailures.join('; ')}`;
  if (!run.report) return run.status.toLowerCase();
  return `passed (recall ${percent(run.report.recall)}, false positives ${percent(run.report.falsePositiveRate)})`;
}

export function ApprovalsPanel({ policyId, onPublished }: { policyId: string; onPublished: (message: string) => void }) {
  const { call } = useApi();
  const permissions = usePermissions();
  const countId = useId();
  const [governance, setGovernance] = useState<Governance | null>(null);
  const [count, setCount] = useState('');
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [rejecting, setRejecting] = useState<string | null>(null);

  const load = useCallback(() => {
    call((api) => api.governance(policyId)).then(
      (g) => {
        setGovernance(g);
        if (g) setCount(String(g.requiredApprovals));
      },
      (caught: unknown) => setMessage({ kind: 'error', text: problemOf(caught).message }),
    );
  }, [call, policyId]);
  useEffect(load, [load]);

  const countProblem = numberProblem(count, 0, 10, true);
  const canSet = permissions.can('Mutation.setRequiredApprovals');
  const canApprove = permissions.can('Mutation.approveChangeRequest');
  const canReject = permissions.can('Mutation.rejectChangeRequest');
  return (
    <section className="bn-approvals" aria-label="Approvals">
      <h2>Approvals</h2>
      {governance ? (
        <>
          {canSet ? (
            <form
              className="bn-inline"
              onSubmit={(e) => {
                e.preventDefault();
                if (countProblem) return;
                call((api) => api.setRequiredApprovals(policyId, Number(count))).then(
                  (n) => {
                    setMessage({
                      kind: 'info',
                      text: n === 0 ? 'Publishing needs no approval now.' : `Publishing needs ${n} approval(s) from other publishers now.`,
                    });
                    load();
                  },
                  (caught: unknown) => setMessage({ kind: 'error', text: problemOf(caught).message }),
                );
              }}
            >
              <div className="bn-field">
                <label htmlFor={countId}>Required approvals (0–10)</label>
                <input
                  id={countId}
                  type="number"
                  min={0}
                  max={10}
                  value={count}
                  aria-invalid={countProblem !== null}
                  aria-describedby={countProblem ? `${countId}-error` : undefined}
                  onChange={(e) => setCount(e.target.value)}
                />
                {countProblem ? (
                  <p className="bn-error" id={`${countId}-error`}>
                    {countProblem}
                  </p>
                ) : null}
              </div>
              <button type="submit" disabled={countProblem !== null || Number(count) === governance.requiredApprovals}>
                Set
              </button>
            </form>
          ) : (
            <p>
              Publishing needs{' '}
              {governance.requiredApprovals === 0 ? 'no approval' : `${governance.requiredApprovals} approval(s) from publishers other than its author`}.
            </p>
          )}
          {message ? (
            <p className={message.kind === 'error' ? 'bn-error' : 'bn-hint'} role={message.kind === 'error' ? 'alert' : 'status'}>
              {message.text}
            </p>
          ) : null}
          {governance.changeRequests.length === 0 ? (
            <p className="bn-hint">No change requests.</p>
          ) : (
            <ul className="bn-change-requests">
              {governance.changeRequests.map((cr) => (
                <li key={cr.id} className={`bn-cr bn-cr-${cr.status.toLowerCase()}`}>
                  <div>
                    <strong>{cr.id}</strong> <span className="bn-chip">{cr.status.toLowerCase()}</span> by {cr.author ?? 'unknown'},{' '}
                    {new Date(cr.createdAt).toLocaleString()} — “{cr.comment}”
                  </div>
                  <div className="bn-hint">
                    {cr.activateVersion ? `Activate version ${cr.activateVersion}` : `Draft revision ${cr.draftRevision}`}, approvals {cr.approvals.length}/
                    {cr.requiredApprovals}
                    {cr.approvals.length > 0 ? ` (${cr.approvals.map((a) => a.approver).join(', ')})` : ''}
                    {cr.publishedVersion ? `; published as v${cr.publishedVersion}` : ''}
                    {cr.rejectionReason ? `; rejected: ${cr.rejectionReason}` : ''}
                  </div>
                  {cr.backtests.map((run) => (
                    <div key={run.id} className={run.gateFailures.length > 0 ? 'bn-error' : 'bn-hint'}>
                      Backtest gate on “{run.datasetName}”: {gateSummary(run)}
                    </div>
                  ))}
                  {cr.status === 'OPEN' ? (
                    <div className="bn-inline">
                      {canApprove ? (
                        <button
                          type="button"
                          onClick={() =>
                            call((api) => api.approve(cr.id)).then(
                              (result) => {
                                if (result.version) onPublished(`Approved: version ${result.version.version} is published and active.`);
                                else setMessage({ kind: 'info', text: `Approved ${cr.id}; it waits for more approvals.` });
                                load();
                              },
                              (caught: unknown) => {
                                const problem = problemOf(caught);
                                setMessage({ kind: 'error', text: problem.kind === 'forbidden' ? `Not allowed: ${problem.message}` : problem.message });
                              },
                            )
                          }
                        >
                          Approve {cr.id}
                        </button>
                      ) : null}
                      {canReject ? (
                        <button type="button" onClick={() => setRejecting(cr.id)}>
                          Reject {cr.id}…
                        </button>
                      ) : null}
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p role="status">Loading…</p>
      )}
      {rejecting ? (
        <CommentDialog
          title={`Reject change request ${rejecting}`}
          label="Reason (required)"
          confirm="Reject"
          onClose={() => setRejecting(null)}
          onConfirm={async (reason) => {
            await call((api) => api.reject(rejecting, reason));
            setRejecting(null);
            setMessage({ kind: 'info', text: `Rejected ${rejecting}.` });
            load();
          }}
        />
      ) : null}
    </section>
  );
}

/**
 * Four eyes: the approvals a publish needs (publishers may change it), and the policy's change
 * requests — what each asks (publish the draft, or make a version active), who asked, who
 * approved, a link to its diff — with approve / reject for publishers other than the author.
 * The server refuses self-approval with FORBIDDEN; that message is shown as it comes. Each
 * request shows what the policy's backtest gates found on its draft. The list is asked for
 * again every few seconds and after every action, so a colleague's request or approval shows
 * without a reload.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { ChangeRequest, Governance, VersionSummary } from '../api/types';
import { percent } from '../backtest/backtest-format';
import { problemOf, useApi } from '../app/api-context';
import { usePermissions } from '../app/permissions';
import { numberProblem } from '../inspector/fields';
import { useKeyNames } from '../keys/key-names';
import { CommentDialog } from './CommentDialog';
import { changeRequestDiff, type RequestDiff } from './change-request-diff';
import { usePolling } from './use-polling';

/** What a publish gate's run on the request's draft found, for approvers. */
function gateSummary(run: ChangeRequest['backtests'][number]): string {
  if (run.gateFailures.length > 0) return `missed: ${run.gateFailures.join('; ')}`;
  if (!run.report) return run.status.toLowerCase();
  return `passed (recall ${percent(run.report.recall)}, false positives ${percent(run.report.falsePositiveRate)})`;
}

/** What approving the request does, in words. */
function requestTitle(cr: ChangeRequest): string {
  return cr.activateVersion ? `Make version ${cr.activateVersion} active` : `Publish the draft (revision ${cr.draftRevision})`;
}

const diffLabel = (diff: RequestDiff): string =>
  diff.to === 'draft'
    ? diff.from === null
      ? 'Show the draft'
      : `Show the diff: v${diff.from} → draft`
    : diff.from === null
      ? `Show version ${diff.to}`
      : `Show the diff: v${diff.from} → v${diff.to}`;

export function ApprovalsPanel({
  policyId,
  versions,
  onPublished,
  onShowDiff,
}: {
  policyId: string;
  versions: readonly VersionSummary[];
  onPublished: (message: string) => void;
  onShowDiff: (diff: RequestDiff) => void;
}) {
  const { call } = useApi();
  const permissions = usePermissions();
  const countId = useId();
  const [governance, setGovernance] = useState<Governance | null>(null);
  const [count, setCount] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [rejecting, setRejecting] = useState<ChangeRequest | null>(null);
  const label = useKeyNames((governance?.changeRequests ?? []).flatMap((cr) => [cr.author, cr.closedBy, ...cr.approvals.map((a) => a.approver)]));

  const load = useCallback(() => {
    call((api) => api.governance(policyId)).then(setGovernance, (caught: unknown) => setMessage({ kind: 'error', text: problemOf(caught).message }));
  }, [call, policyId]);
  useEffect(load, [load]);
  usePolling(load);

  // The field follows the server until someone types in it.
  const shownCount = count ?? String(governance?.requiredApprovals ?? '');
  const countProblem = numberProblem(shownCount, 0, 10, true);
  const canSet = permissions.can('Mutation.setRequiredApprovals');
  const canApprove = permissions.can('Mutation.approveChangeRequest');
  const canReject = permissions.can('Mutation.rejectChangeRequest');
  const active = governance?.activeVersion?.version ?? null;
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
                call((api) => api.setRequiredApprovals(policyId, Number(shownCount))).then(
                  (n) => {
                    setMessage({
                      kind: 'info',
                      text: n === 0 ? 'Publishing needs no approval now.' : `Publishing needs ${n} approval(s) from other publishers now.`,
                    });
                    setCount(null);
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
                  value={shownCount}
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
              <button type="submit" disabled={countProblem !== null || Number(shownCount) === governance.requiredApprovals}>
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
              {governance.changeRequests.map((cr) => {
                const diff = changeRequestDiff(cr, active, versions);
                const summaryId = `${countId}-cr-${cr.id}`;
                return (
                  <li key={cr.id} className={`bn-cr bn-cr-${cr.status.toLowerCase()}`}>
                    <div id={summaryId}>
                      <strong>{requestTitle(cr)}</strong> <span className="bn-chip">{cr.status.toLowerCase()}</span> — asked by {label(cr.author)},{' '}
                      {new Date(cr.createdAt).toLocaleString()}: “{cr.comment}”
                    </div>
                    <div className="bn-hint">
                      Approvals {cr.approvals.length}/{cr.requiredApprovals}
                      {cr.approvals.length > 0 ? ` (${cr.approvals.map((a) => label(a.approver)).join(', ')})` : ''}
                      {cr.publishedVersion ? `; published as v${cr.publishedVersion}` : ''}
                      {cr.status === 'PUBLISHED' && cr.activateVersion ? `; v${cr.activateVersion} made active` : ''}
                      {cr.rejectionReason ? `; rejected by ${label(cr.closedBy)}: ${cr.rejectionReason}` : ''}
                      {cr.status === 'STALE' ? '; the draft changed after it was opened, so its approvals no longer count' : ''}
                    </div>
                    {cr.backtests.map((run) => (
                      <div key={run.id} className={run.gateFailures.length > 0 ? 'bn-error' : 'bn-hint'}>
                        Backtest gate on “{run.datasetName}”: {gateSummary(run)}
                      </div>
                    ))}
                    <div className="bn-inline">
                      {diff ? (
                        <button type="button" className="bn-link" onClick={() => onShowDiff(diff)} aria-describedby={summaryId}>
                          {diffLabel(diff)}
                        </button>
                      ) : null}
                      {cr.status === 'OPEN' && canApprove ? (
                        <button
                          type="button"
                          className="bn-primary"
                          aria-describedby={summaryId}
                          onClick={() =>
                            call((api) => api.approve(cr.id)).then(
                              (result) => {
                                if (result.version) onPublished(`Approved: version ${result.version.version} is published and active.`);
                                else if (result.changeRequest.status === 'PUBLISHED' && cr.activateVersion)
                                  onPublished(`Approved: version ${cr.activateVersion} is active now.`);
                                else setMessage({ kind: 'info', text: 'Approved; the request waits for more approvals.' });
                                load();
                              },
                              (caught: unknown) => {
                                const problem = problemOf(caught);
                                setMessage({ kind: 'error', text: problem.kind === 'forbidden' ? `Not allowed: ${problem.message}` : problem.message });
                              },
                            )
                          }
                        >
                          Approve
                        </button>
                      ) : null}
                      {cr.status === 'OPEN' && canReject ? (
                        <button type="button" onClick={() => setRejecting(cr)} aria-describedby={summaryId}>
                          Reject…
                        </button>
                      ) : null}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      ) : (
        <p role="status">Loading…</p>
      )}
      {rejecting ? (
        <CommentDialog
          title={`Reject “${requestTitle(rejecting)}”, asked by ${label(rejecting.author)}`}
          label="Reason (required)"
          confirm="Reject"
          onClose={() => setRejecting(null)}
          onConfirm={async (reason) => {
            await call((api) => api.reject(rejecting.id, reason));
            setRejecting(null);
            setMessage({ kind: 'info', text: `Rejected the request by ${label(rejecting.author)}.` });
            load();
          }}
        />
      ) : null}
    </section>
  );
}

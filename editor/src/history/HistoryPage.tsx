/**
 * Version history of a policy: every published version (author, time, comment, content hash,
 * parent, which is active), opened read-only on the canvas or compared on the canvas with the
 * server's `policyDiff`; rollback ("make this version active", with a comment) for publishers,
 * and under four eyes an ADMIN's emergency rollback that skips the approvals (audited);
 * every publish, activation and rollback with its author and comment (from the audit log);
 * and the approvals (four eyes) panel. It asks again every few seconds, so what colleagues do
 * shows without a reload; people are named by their keys' names.
 */
import { useCallback, useEffect, useState } from 'react';
import type { BatonApi } from '../api/baton-api';
import type { PolicyDiff, VersionSummary } from '../api/types';
import { problemOf, useApi } from '../app/api-context';
import { usePermissions } from '../app/permissions';
import type { DraftDocument } from '../graph/draft-document';
import { useKeyNames } from '../keys/key-names';
import { ACTIVITY_ACTIONS, activityOf, type Activity } from './activity';
import { ActivityList } from './ActivityList';
import { ApprovalsPanel } from './ApprovalsPanel';
import { CommentDialog } from './CommentDialog';
import type { RequestDiff } from './change-request-diff';
import { usePolling } from './use-polling';
import { VersionViewer } from './VersionViewer';

/** Most audit events one page brings (the API's limit). */
const AUDIT_PAGE = 500;

/** The policy's publishes, activations and rollbacks, every page of each audit action. */
async function policyActivity(api: BatonApi, policyId: string): Promise<Activity[]> {
  const events: Awaited<ReturnType<BatonApi['auditLog']>>['nodes'] = [];
  for (const action of ACTIVITY_ACTIONS) {
    let after: string | null = null;
    do {
      const page = await api.auditLog({ targetType: 'policy', targetId: policyId, action }, AUDIT_PAGE, after);
      events.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
    } while (after !== null);
  }
  return activityOf(events);
}

export interface HistoryPageProps {
  policyId: string;
  policyName: string;
  directoryQueues: readonly string[] | null;
  /** Queue id → name from the directory, so nodes name queues as the rest of the editor does. */
  queueNames: ReadonlyMap<string, string> | null;
  onActivated: (message: string) => void;
}

interface Shown {
  title: string;
  document: DraftDocument;
  diff: PolicyDiff | null;
}

export function HistoryPage({ policyId, policyName, directoryQueues, queueNames, onActivated }: HistoryPageProps) {
  const { call } = useApi();
  const permissions = usePermissions();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [rollback, setRollback] = useState<number | null>(null);
  const [emergency, setEmergency] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  // Under four eyes an activation is a change request; the approvals panel remounts to show a new one.
  const [requiredApprovals, setRequiredApprovals] = useState(0);
  const [requests, setRequests] = useState(0);
  const [activity, setActivity] = useState<Activity[] | null>(null);
  const canReadAudit = permissions.can('Query.auditLog');
  const label = useKeyNames([...(versions ?? []).map((v) => v.publishedBy), ...(activity ?? []).map((a) => a.actor)]);

  const load = useCallback(() => {
    call(async (api) => ({
      versions: await api.versions(policyId),
      governance: await api.governance(policyId),
      activity: canReadAudit ? await policyActivity(api, policyId) : [],
    })).then(
      ({ versions: list, governance, activity: events }) => {
        setVersions(list);
        setActive(governance?.activeVersion?.version ?? null);
        setRequiredApprovals(governance?.requiredApprovals ?? 0);
        setActivity(events);
      },
      (caught: unknown) => setError(problemOf(caught).message),
    );
  }, [call, policyId, canReadAudit]);
  useEffect(load, [load]);
  usePolling(load);

  /** Shows `version` (or the draft alone), compared with another version, its parent or the draft. */
  const show = async (version: number | 'draft', compareWith: number | 'previous' | 'draft' | null) => {
    setBusy(true);
    setError(null);
    try {
      const result = await call(async (api) => {
        if (version === 'draft') {
          const policy = await api.policy(policyId);
          if (!policy) throw new Error(`There is no policy “${policyId}”.`);
          return {
            title: 'Draft (no version published yet)',
            document: { graph: policy.draft.graph, settings: policy.draft.settings, routing: policy.draft.routing ?? null },
            diff: null,
          };
        }
        if (compareWith === 'draft') {
          const policy = await api.policy(policyId);
          if (!policy) throw new Error(`There is no policy “${policyId}”.`);
          const diff = await api.diff(policyId, version, null);
          return {
            title: `Draft compared with version ${version}`,
            document: { graph: policy.draft.graph, settings: policy.draft.settings, routing: policy.draft.routing ?? null },
            diff,
          };
        }
        const detail = await api.version(policyId, version);
        if (!detail) throw new Error(`Version ${version} does not exist.`);
        const document: DraftDocument = { graph: detail.graph, settings: detail.settings, routing: detail.routing ?? null };
        const from = compareWith === 'previous' ? (detail.parentVersion ?? null) : compareWith;
        if (from === null) return { title: `Version ${version} (read-only)`, document, diff: null };
        return { title: `Version ${version} compared with version ${from}`, document, diff: await api.diff(policyId, from, version) };
      });
      setShown(result);
    } catch (caught) {
      setError(problemOf(caught).message);
    } finally {
      setBusy(false);
    }
  };

  const canActivate = permissions.can(requiredApprovals > 0 ? 'Mutation.requestPolicyActivation' : 'Mutation.activatePolicyVersion');
  // The server lets only an ADMIN activate under four eyes, and only as an emergency.
  const canEmergency = requiredApprovals > 0 && permissions.role === 'ADMIN' && permissions.can('Mutation.activatePolicyVersion');
  return (
    <div className="bn-history-page">
      <section className="bn-history" aria-label="Version history">
        <h2>Version history of {policyName}</h2>
        {error ? (
          <p className="bn-error" role="alert">
            {error}
          </p>
        ) : null}
        {versions === null ? (
          <p role="status">Loading…</p>
        ) : versions.length === 0 ? (
          <p>No version published yet.</p>
        ) : (
          <table className="bn-table">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Published by</th>
                <th scope="col">When</th>
                <th scope="col">Comment</th>
                <th scope="col">Content hash</th>
                <th scope="col">Parent</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version} className={v.version === active ? 'bn-active-row' : ''}>
                  <td>
                    v{v.version} {v.version === active ? <span className="bn-chip bn-active-chip">active</span> : null}
                  </td>
                  <td>{label(v.publishedBy)}</td>
                  <td>{new Date(v.publishedAt).toLocaleString()}</td>
                  <td>{v.comment}</td>
                  <td>
                    <code title={v.contentHash}>{v.contentHash.slice(0, 12)}…</code>
                  </td>
                  <td>{v.parentVersion ? `v${v.parentVersion}` : '—'}</td>
                  <td className="bn-row-actions">
                    <button type="button" onClick={() => void show(v.version, null)} disabled={busy} aria-label={`Open version ${v.version}`}>
                      Open
                    </button>
                    {v.parentVersion ? (
                      <button
                        type="button"
                        onClick={() => void show(v.version, 'previous')}
                        disabled={busy}
                        aria-label={`Diff vs v${v.parentVersion}: compare version ${v.version} with version ${v.parentVersion}`}
                      >
                        Diff vs v{v.parentVersion}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      onClick={() => void show(v.version, 'draft')}
                      disabled={busy}
                      aria-label={`Draft vs this: compare the draft with version ${v.version}`}
                    >
                      Draft vs this
                    </button>
                    {canActivate && v.version !== active ? (
                      <button type="button" onClick={() => setRollback(v.version)}>
                        Make version {v.version} active…
                      </button>
                    ) : null}
                    {canEmergency && v.version !== active ? (
                      <button
                        type="button"
                        className="bn-danger"
                        onClick={() => setEmergency(v.version)}
                        aria-label={`Emergency rollback to version ${v.version}, without approvals…`}
                      >
                        Emergency rollback…
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ApprovalsPanel
          key={requests}
          policyId={policyId}
          versions={versions ?? []}
          onShowDiff={(diff: RequestDiff) => void show(diff.to === 'draft' ? (diff.from ?? 'draft') : diff.to, diff.to === 'draft' ? 'draft' : diff.from)}
          onPublished={(text) => {
            onActivated(text);
            load();
          }}
        />
        {canReadAudit ? <ActivityList activity={activity} label={label} /> : null}
      </section>
      {shown ? (
        <VersionViewer title={shown.title} document={shown.document} diff={shown.diff} directoryQueues={directoryQueues} queueNames={queueNames} />
      ) : (
        <p className="bn-hint bn-viewer-empty">Open a version or a diff to see it on the canvas here.</p>
      )}
      {rollback !== null ? (
        <CommentDialog
          title={requiredApprovals > 0 ? `Request making version ${rollback} active` : `Make version ${rollback} active`}
          label="Comment (required): why this version"
          confirm={requiredApprovals > 0 ? 'Request approval' : 'Make active'}
          intro={
            requiredApprovals > 0
              ? `This policy needs ${requiredApprovals} approval${requiredApprovals === 1 ? '' : 's'}: a change request opens, and the last approval makes version ${rollback} active. The draft is not changed.`
              : `The next decision of every bot uses version ${rollback}. The draft is not changed.`
          }
          onClose={() => setRollback(null)}
          onConfirm={async (comment) => {
            if (requiredApprovals > 0) {
              const request = await call((api) => api.requestActivation(policyId, rollback, comment));
              setRollback(null);
              setRequests((n) => n + 1);
              onActivated(`A change request asks to make version ${rollback} active; it waits for ${request.requiredApprovals} approval(s).`);
              return;
            }
            const version = await call((api) => api.activateVersion(policyId, rollback, comment));
            setRollback(null);
            onActivated(`Version ${version} is active now: the next decision uses it.`);
            load();
          }}
        />
      ) : null}
      {emergency !== null ? (
        <CommentDialog
          title={`Emergency rollback to version ${emergency}`}
          label="Reason (required): what is going wrong"
          confirm={`Make version ${emergency} active now`}
          danger
          intro={`This skips the four-eyes rule: version ${emergency} becomes active at once, without the ${requiredApprovals} approval${requiredApprovals === 1 ? '' : 's'} this policy needs. It is recorded in the audit log as an emergency activation, with your name and this reason, and shows in History. Use it only when the active version is doing harm; the draft is not changed.`}
          onClose={() => setEmergency(null)}
          onConfirm={async (comment) => {
            const version = await call((api) => api.activateVersion(policyId, emergency, comment, true));
            setEmergency(null);
            onActivated(`Emergency rollback: version ${version} is active now, without approvals. The audit log records it.`);
            load();
          }}
        />
      ) : null}
    </div>
  );
}

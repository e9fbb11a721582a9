/**
 * Version history of a policy: every published version (author, time, comment, content hash,
 * parent, which is active), opened read-only on the canvas or compared on the canvas with the
 * server's `policyDiff`; rollback ("make this version active", with a comment) for publishers;
 * and the approvals (four eyes) panel.
 */
import { useCallback, useEffect, useState } from 'react';
import type { PolicyDiff, VersionSummary } from '../api/types';
import { problemOf, useApi } from '../app/api-context';
import { usePermissions } from '../app/permissions';
import type { DraftDocument } from '../graph/draft-document';
import { ApprovalsPanel } from './ApprovalsPanel';
import { CommentDialog } from './CommentDialog';
import { VersionViewer } from './VersionViewer';

export interface HistoryPageProps {
  policyId: string;
  policyName: string;
  directoryQueues: readonly string[] | null;
  onActivated: (message: string) => void;
}

interface Shown {
  title: string;
  document: DraftDocument;
  diff: PolicyDiff | null;
}

export function HistoryPage({ policyId, policyName, directoryQueues, onActivated }: HistoryPageProps) {
  const { call } = useApi();
  const permissions = usePermissions();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [rollback, setRollback] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  // Under four eyes an activation is a change request; the approvals panel remounts to show a new one.
  const [requiredApprovals, setRequiredApprovals] = useState(0);
  const [requests, setRequests] = useState(0);

  const load = useCallback(() => {
    call(async (api) => ({ versions: await api.versions(policyId), policy: await api.policy(policyId), governance: await api.governance(policyId) })).then(
      ({ versions: list, policy, governance }) => {
        setVersions(list);
        setActive(policy?.activeVersion?.version ?? null);
        setRequiredApprovals(governance?.requiredApprovals ?? 0);
      },
      (caught: unknown) => setError(problemOf(caught).message),
    );
  }, [call, policyId]);
  useEffect(load, [load]);

  const show = async (version: number, compareWith: number | 'previous' | 'draft' | null) => {
    setBusy(true);
    setError(null);
    try {
      const result = await call(async (api) => {
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
                  <td>{v.publishedBy ?? 'Baton'}</td>
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
                        aria-label={`Compare version ${v.version} with version ${v.parentVersion}`}
                      >
                        Diff vs v{v.parentVersion}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      onClick={() => void show(v.version, 'draft')}
                      disabled={busy}
                      aria-label={`Compare the draft with version ${v.version}`}
                    >
                      Draft vs this
                    </button>
                    {canActivate && v.version !== active ? (
                      <button type="button" onClick={() => setRollback(v.version)} aria-label={`Make version ${v.version} active`}>
                        Make this version active…
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
          onPublished={(text) => {
            onActivated(text);
            load();
          }}
        />
      </section>
      {shown ? (
        <VersionViewer title={shown.title} document={shown.document} diff={shown.diff} directoryQueues={directoryQueues} />
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
              onActivated(`Change request ${request.id} asks to make version ${rollback} active; it waits for ${request.requiredApprovals} approval(s).`);
              return;
            }
            const version = await call((api) => api.activateVersion(policyId, rollback, comment));
            setRollback(null);
            onActivated(`Version ${version} is active now: the next decision uses it.`);
            load();
          }}
        />
      ) : null}
    </div>
  );
}

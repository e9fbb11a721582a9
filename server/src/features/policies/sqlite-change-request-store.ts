/** `ChangeRequestStore` over better-sqlite3; the publishing approval nests the policy store's publish. */
import type Database from 'better-sqlite3';
import { BatonErrorCode } from '@baton/schemas';
import { BatonError, badInput, conflict, notFound } from '../../baton-error';
import type { Actor } from '../audit/audit-event';
import { createSqliteAuditAppender } from '../audit/sqlite-audit-append';
import type { ApprovalRequest, ChangeRequestRecord, ChangeRequestStatus, ChangeRequestStore, NewChangeRequest } from './change-request-store';
import type { SqlitePolicyStore } from './sqlite-policy-store';
import type { VersionRecord } from './policy-store';
import { policyNotFound } from './policy-errors';
import { changeRequestIdTaken } from './policy-store-errors';

/** A `change_requests` row. */
export interface RequestRow {
  id: string;
  policy_id: string;
  draft_revision: number;
  content_hash: string;
  comment: string;
  make_default: number;
  required_approvals: number;
  status: ChangeRequestStatus;
  author: string | null;
  created_at: string;
  closed_at: string | null;
  closed_by: string | null;
  rejection_reason: string | null;
  published_version: number | null;
}

/** A `change_request_approvals` row without its request id. */
export interface ApprovalRow {
  approver: string;
  approved_at: string;
}

/** Maps a `change_requests` row and its approvals (oldest first) to the port record. */
export function toChangeRequest(row: RequestRow, approvals: readonly ApprovalRow[]): ChangeRequestRecord {
  return {
    id: row.id,
    policyId: row.policy_id,
    draftRevision: row.draft_revision,
    contentHash: row.content_hash,
    comment: row.comment,
    makeDefault: row.make_default === 1,
    requiredApprovals: row.required_approvals,
    status: row.status,
    author: row.author,
    createdAt: new Date(row.created_at),
    closedAt: row.closed_at === null ? null : new Date(row.closed_at),
    closedBy: row.closed_by,
    rejectionReason: row.rejection_reason,
    publishedVersion: row.published_version,
    approvals: approvals.map((a) => ({ approver: a.approver, at: new Date(a.approved_at) })),
  };
}

/** Creates the SQLite change request store; `policies` publishes inside the approving transaction. */
export function createSqliteChangeRequestStore(db: Database.Database, policies: SqlitePolicyStore): ChangeRequestStore {
  const audit = createSqliteAuditAppender(db);
  const stmt = {
    get: db.prepare('SELECT * FROM change_requests WHERE id = ?'),
    list: db.prepare('SELECT * FROM change_requests WHERE policy_id = ? ORDER BY created_at DESC, id DESC'),
    open: db.prepare(`SELECT id FROM change_requests WHERE policy_id = ? AND status = 'OPEN'`),
    revision: db.prepare('SELECT draft_revision FROM policies WHERE id = ?'),
    insert: db.prepare(`INSERT INTO change_requests (id, policy_id, draft_revision, content_hash, comment, make_default, required_approvals, status, author, created_at)
      VALUES (@id, @policyId, @draftRevision, @contentHash, @comment, @makeDefault, @requiredApprovals, 'OPEN', @author, @at)`),
    approvals: db.prepare('SELECT approver, approved_at FROM change_request_approvals WHERE request_id = ? ORDER BY approved_at, approver'),
    approve: db.prepare('INSERT INTO change_request_approvals (request_id, approver, approved_at) VALUES (?, ?, ?)'),
    close: db.prepare(`UPDATE change_requests SET status = @status, closed_at = @at, closed_by = @actor, rejection_reason = @reason,
      published_version = @version WHERE id = @id`),
  };

  const read = (id: string): ChangeRequestRecord | null => {
    const row = stmt.get.get(id) as RequestRow | undefined;
    return row ? toChangeRequest(row, stmt.approvals.all(id) as ApprovalRow[]) : null;
  };
  const requireOpen = (id: string): ChangeRequestRecord => {
    const request = read(id);
    if (!request) throw notFound(`Change request '${id}' does not exist; list them with policy { changeRequests }.`, { changeRequestId: id });
    if (request.status !== 'OPEN') {
      throw conflict(`Change request '${id}' is ${request.status}, not OPEN; only open requests can be approved or rejected.`, { changeRequestId: id, status: request.status });
    }
    return request;
  };

  const open = db.transaction((request: NewChangeRequest): ChangeRequestRecord => {
    const row = stmt.revision.get(request.policyId) as { draft_revision: number } | undefined;
    if (!row) throw policyNotFound(request.policyId);
    if (row.draft_revision !== request.draftRevision) {
      throw conflict(`The draft of '${request.policyId}' is at revision ${row.draft_revision} now; review it and publish again.`, { currentRevision: row.draft_revision });
    }
    const existing = stmt.open.get(request.policyId) as { id: string } | undefined;
    if (existing) {
      throw conflict(`Change request '${existing.id}' for '${request.policyId}' is already open; approve or reject it first.`, { changeRequestId: existing.id });
    }
    if (stmt.get.get(request.id)) throw changeRequestIdTaken(request.id);
    stmt.insert.run({
      id: request.id,
      policyId: request.policyId,
      draftRevision: request.draftRevision,
      contentHash: request.contentHash,
      comment: request.comment,
      makeDefault: request.makeDefault ? 1 : 0,
      requiredApprovals: request.requiredApprovals,
      author: request.actor.keyId,
      at: request.at.toISOString(),
    });
    audit({
      actor: request.actor,
      action: 'changeRequest.open',
      targetType: 'changeRequest',
      targetId: request.id,
      after: { policyId: request.policyId, draftRevision: request.draftRevision, contentHash: request.contentHash, requiredApprovals: request.requiredApprovals },
      at: request.at,
    });
    return read(request.id) as ChangeRequestRecord;
  });

  const approve = db.transaction(({ id, at, actor, version }: ApprovalRequest): { request: ChangeRequestRecord; version: VersionRecord | null } => {
    const request = requireOpen(id);
    if (actor.keyId !== null && actor.keyId === request.author) {
      throw new BatonError(BatonErrorCode.Forbidden, `You opened change request '${id}', so you cannot approve it: another publisher must (four eyes).`, { changeRequestId: id });
    }
    if (request.approvals.some((a) => a.approver === actor.keyId)) throw badInput(`Key '${actor.keyId}' already approved change request '${id}'.`, { changeRequestId: id });
    const current = (stmt.revision.get(request.policyId) as { draft_revision: number }).draft_revision;
    if (current !== request.draftRevision || version.draftRevision !== request.draftRevision || version.contentHash !== request.contentHash) {
      throw conflict(`Change request '${id}' is stale: the draft is at revision ${current}, the request is for revision ${request.draftRevision}. Open a new one with publishPolicy.`, {
        changeRequestId: id,
        currentRevision: current,
      });
    }
    stmt.approve.run(id, actor.keyId ?? 'system', at.toISOString());
    const approvals = request.approvals.length + 1;
    audit({ actor, action: 'changeRequest.approve', targetType: 'changeRequest', targetId: id, after: { approvals, requiredApprovals: request.requiredApprovals }, at });
    if (approvals < request.requiredApprovals) return { request: read(id) as ChangeRequestRecord, version: null };
    const published = policies.publishInTransaction(version);
    stmt.close.run({ id, status: 'PUBLISHED', at: at.toISOString(), actor: actor.keyId, reason: null, version: published.version });
    audit({ actor, action: 'changeRequest.publish', targetType: 'changeRequest', targetId: id, before: { status: 'OPEN' }, after: { status: 'PUBLISHED', version: published.version }, at });
    return { request: read(id) as ChangeRequestRecord, version: published };
  });

  const reject = db.transaction((id: string, reason: string, at: Date, actor: Actor): ChangeRequestRecord => {
    requireOpen(id);
    stmt.close.run({ id, status: 'REJECTED', at: at.toISOString(), actor: actor.keyId, reason, version: null });
    audit({ actor, action: 'changeRequest.reject', targetType: 'changeRequest', targetId: id, before: { status: 'OPEN' }, after: { status: 'REJECTED', reason }, at });
    return read(id) as ChangeRequestRecord;
  });

  return {
    openChangeRequest: async (request) => open(request),
    getChangeRequest: async (id) => read(id),
    listChangeRequests: async (policyId) => (stmt.list.all(policyId) as RequestRow[]).map((row) => read(row.id) as ChangeRequestRecord),
    approveChangeRequest: async (approval) => approve(approval),
    rejectChangeRequest: async (id, reason, at, actor) => reject(id, reason, at, actor),
  };
}

/**
 * The policies feature's domain rules as pure functions: given the records a transaction read,
 * each returns the records to write and the audit events, or throws the client-facing error.
 * No storage here, so every rule is tested without a database, and no adapter repeats one.
 */
import type { Actor, AuditEventInput } from '../audit/audit-event';
import type { ChangeRequestRecord, NewChangeRequest } from './change-request-store';
import {
  PUBLISH_AGAIN,
  SAVE_AGAIN,
  activationNeedsApproval,
  activeVersionMoved,
  approvalsLoweredByNonAdmin,
  changeRequestAwaitsApproval,
  emergencyNeedsAdmin,
  alreadyApproved,
  changeRequestAlreadyOpen,
  changeRequestDraftMoved,
  changeRequestNotOpen,
  changeRequestStale,
  draftMovedOn,
  selfApproval,
  testCaseNotFound,
  versionAlreadyActive,
  versionNotFound,
} from './policy-store-errors';
import type { Activation, DraftUpdate, NewPolicy, NewVersion, PolicyRecord, VersionRecord } from './policy-store';
import type { PolicyTestCase } from './policy-test-case-store';

/** True for an ADMIN key (or the system): who may lower a quorum or roll back in an emergency. */
const isAdmin = (actor: Actor): boolean => actor.role === 'admin' || actor.role === 'system';

/** A policy to write over the record the transaction read. */
export interface PolicyWrite {
  next: PolicyRecord;
  expected: PolicyRecord;
}

/** A change request to write over the record the transaction read. */
export interface RequestWrite {
  next: ChangeRequestRecord;
  expected: ChangeRequestRecord;
}

/** The record of a new policy (draft at revision 1, nothing published, no approvals needed) and its event. */
export function createdPolicy(policy: NewPolicy): { record: PolicyRecord; event: AuditEventInput } {
  const { at, actor } = policy;
  return {
    record: {
      id: policy.id,
      name: policy.name,
      description: policy.description,
      isDefault: false,
      activeVersion: null,
      requiredApprovals: 0,
      createdAt: at,
      updatedAt: at,
      draft: { revision: 1, graph: policy.graph, settings: policy.settings, routing: policy.routing, updatedAt: at, updatedBy: actor.keyId },
    },
    event: { actor, action: 'policy.create', targetType: 'policy', targetId: policy.id, after: { name: policy.name, draftRevision: 1 }, at },
  };
}

/**
 * Makes `target` (as it will be written) the only default. `previous` is the current default
 * (null: none). Writes clear the old flag first, so "one default" holds after every statement.
 * @returns the writes in order and the event; no writes or event when `target` already is the default
 */
export function movedDefault(target: PolicyWrite, previous: PolicyRecord | null, at: Date, actor: Actor): { writes: PolicyWrite[]; events: AuditEventInput[] } {
  if (previous?.id === target.next.id) return { writes: [target], events: [] };
  const cleared: PolicyWrite[] = previous ? [{ next: { ...previous, isDefault: false, updatedAt: at }, expected: previous }] : [];
  return {
    writes: [...cleared, { next: { ...target.next, isDefault: true, updatedAt: at }, expected: target.expected }],
    events: [
      {
        actor,
        action: 'policy.setDefault',
        targetType: 'policy',
        targetId: target.next.id,
        before: { defaultPolicy: previous?.id ?? null },
        after: { defaultPolicy: target.next.id },
        at,
      },
    ],
  };
}

/**
 * A draft save over `baseRevision`. Four eyes: approvals were given to the draft as it was, so
 * the policy's open publish requests go STALE (an activation request does not depend on the draft).
 * @throws CONFLICT `{ policyId, currentRevision }` when the draft is at another revision
 */
export function savedDraft(
  policy: PolicyRecord,
  update: DraftUpdate,
  open: readonly ChangeRequestRecord[],
): { write: PolicyWrite; stale: RequestWrite[]; events: AuditEventInput[] } {
  const { baseRevision, at, actor } = update;
  if (policy.draft.revision !== baseRevision) throw draftMovedOn(policy.id, policy.draft.revision, SAVE_AGAIN);
  const draft = { revision: baseRevision + 1, graph: update.graph, settings: update.settings, routing: update.routing, updatedAt: at, updatedBy: actor.keyId };
  const stale = open
    .filter((request) => request.activateVersion === undefined)
    .map((request) => ({ next: { ...request, status: 'STALE' as const, closedAt: at, closedBy: actor.keyId }, expected: request }));
  return {
    write: { next: { ...policy, draft, updatedAt: at }, expected: policy },
    stale,
    events: [
      {
        actor,
        action: 'policy.draft.save',
        targetType: 'policy',
        targetId: policy.id,
        before: { draftRevision: baseRevision },
        after: { draftRevision: baseRevision + 1 },
        at,
      },
      ...stale.map(({ next }): AuditEventInput => ({
        actor,
        action: 'changeRequest.stale',
        targetType: 'changeRequest',
        targetId: next.id,
        before: { status: 'OPEN' },
        after: { status: 'STALE' },
        at,
      })),
    ],
  };
}

/**
 * Publishing `version` as number `latest + 1`, active at once, its parent the version active now.
 * @throws CONFLICT `{ policyId, currentRevision }` when the draft moved on; `{ policyId, activeVersion }`
 *   when another publish or activation moved the active version
 */
export function publishedVersion(
  policy: PolicyRecord,
  version: NewVersion,
  latest: number,
): { write: PolicyWrite; record: VersionRecord; event: AuditEventInput } {
  const { at, actor } = version;
  if (policy.draft.revision !== version.draftRevision) throw draftMovedOn(policy.id, policy.draft.revision, PUBLISH_AGAIN);
  const active = policy.activeVersion;
  if (active !== version.expectedActiveVersion) throw activeVersionMoved(policy.id, active, version.expectedActiveVersion);
  const next = latest + 1;
  return {
    write: { next: { ...policy, activeVersion: next, updatedAt: at }, expected: policy },
    record: {
      policyId: policy.id,
      version: next,
      contentHash: version.contentHash,
      graph: version.graph,
      settings: version.settings,
      routing: version.routing,
      compiledRules: version.compiledRules,
      comment: version.comment,
      publishedAt: at,
      publishedBy: actor.keyId,
      parentVersion: active,
    },
    event: {
      actor,
      action: 'policy.publish',
      targetType: 'policy',
      targetId: policy.id,
      before: { activeVersion: active },
      after: { activeVersion: next, contentHash: version.contentHash, draftRevision: version.draftRevision, comment: version.comment },
      at,
    },
  };
}

/**
 * A publish that does not go through a change request (none required, or the seed): refused
 * while one is open, since that request is what four eyes approve — lowering the policy's
 * required approvals never publishes it (it keeps the count it was opened with).
 * @throws CONFLICT `{ policyId, changeRequestId }` when a change request is open
 */
export function requireNoOpenRequest(policyId: string, open: readonly ChangeRequestRecord[]): void {
  if (open[0]) throw changeRequestAwaitsApproval(policyId, open[0].id);
}

/**
 * Rollback or roll forward to `target`. Under four eyes (`requiredApprovals` > 0) only an
 * approved activation request (`viaRequest`) or an ADMIN's emergency (`activation.emergency`,
 * audited as `policy.emergencyActivate`) may do it.
 * @throws NOT_FOUND `{ policyId, version }` when the version does not exist (`latest`: the highest
 *   one); BAD_USER_INPUT when it is already active; FORBIDDEN when the policy requires approvals
 *   and this is neither, or `emergency` comes from a key that is not an ADMIN
 */
export function activatedVersion(
  policy: PolicyRecord,
  target: VersionRecord | null,
  latest: number,
  activation: Activation,
  viaRequest = false,
): { write: PolicyWrite; event: AuditEventInput } {
  const { version, at, actor, comment } = activation;
  if (activation.emergency === true && !isAdmin(actor)) throw emergencyNeedsAdmin(policy.id);
  if (policy.requiredApprovals > 0 && !viaRequest && activation.emergency !== true) throw activationNeedsApproval(policy.id, policy.requiredApprovals);
  if (!target) throw versionNotFound(policy.id, version, latest);
  if (policy.activeVersion === version) throw versionAlreadyActive(policy.id, version);
  if (activation.emergency === true) {
    return {
      write: { next: { ...policy, activeVersion: version, updatedAt: at }, expected: policy },
      event: {
        actor,
        action: 'policy.emergencyActivate',
        targetType: 'policy',
        targetId: policy.id,
        before: { activeVersion: policy.activeVersion },
        after: { activeVersion: version, contentHash: target.contentHash, comment, requiredApprovals: policy.requiredApprovals },
        at,
      },
    };
  }
  return {
    write: { next: { ...policy, activeVersion: version, updatedAt: at }, expected: policy },
    event: {
      actor,
      action: 'policy.activate',
      targetType: 'policy',
      targetId: policy.id,
      before: { activeVersion: policy.activeVersion },
      after: { activeVersion: version, contentHash: target.contentHash, comment },
      at,
    },
  };
}

/**
 * A new approval quorum; null when it is the current one (nothing to write or audit). Open
 * change requests keep the count they were opened with: a lower quorum completes none of them.
 * @throws FORBIDDEN when a key that is not an ADMIN lowers it
 */
export function changedApprovals(policy: PolicyRecord, count: number, at: Date, actor: Actor): { write: PolicyWrite; event: AuditEventInput } | null {
  if (policy.requiredApprovals === count) return null;
  if (count < policy.requiredApprovals && !isAdmin(actor)) throw approvalsLoweredByNonAdmin(policy.id, policy.requiredApprovals, count);
  return {
    write: { next: { ...policy, requiredApprovals: count, updatedAt: at }, expected: policy },
    event: {
      actor,
      action: 'policy.requiredApprovals',
      targetType: 'policy',
      targetId: policy.id,
      before: { requiredApprovals: policy.requiredApprovals },
      after: { requiredApprovals: count },
      at,
    },
  };
}

/**
 * A change request for the current draft revision — or, with `request.activateVersion`, for
 * making that published version (`target`, the highest being `latest`) active; a policy has at
 * most one open.
 * @throws CONFLICT `{ currentRevision }` when the draft moved on; `{ changeRequestId }` when one is
 *   open; NOT_FOUND / BAD_USER_INPUT for an activation of a missing or already active version
 */
export function openedRequest(
  policy: PolicyRecord,
  open: readonly ChangeRequestRecord[],
  request: NewChangeRequest,
  target?: { record: VersionRecord | null; latest: number },
): { record: ChangeRequestRecord; event: AuditEventInput } {
  const { at, actor } = request;
  if (policy.draft.revision !== request.draftRevision) throw changeRequestDraftMoved(policy.id, policy.draft.revision);
  if (open[0]) throw changeRequestAlreadyOpen(policy.id, open[0].id);
  const activateVersion = request.activateVersion;
  if (activateVersion !== undefined) {
    if (!target?.record) throw versionNotFound(policy.id, activateVersion, target?.latest ?? 0);
    if (policy.activeVersion === activateVersion) throw versionAlreadyActive(policy.id, activateVersion);
  }
  return {
    record: {
      id: request.id,
      policyId: policy.id,
      draftRevision: request.draftRevision,
      contentHash: request.contentHash,
      comment: request.comment,
      makeDefault: request.makeDefault,
      requiredApprovals: request.requiredApprovals,
      status: 'OPEN',
      author: actor.keyId,
      createdAt: at,
      closedAt: null,
      closedBy: null,
      rejectionReason: null,
      publishedVersion: null,
      approvals: [],
      ...(activateVersion === undefined ? {} : { activateVersion }),
    },
    event: {
      actor,
      action: 'changeRequest.open',
      targetType: 'changeRequest',
      targetId: request.id,
      after: {
        policyId: policy.id,
        draftRevision: request.draftRevision,
        contentHash: request.contentHash,
        requiredApprovals: request.requiredApprovals,
        ...(activateVersion === undefined ? {} : { activateVersion }),
      },
      at,
    },
  };
}

/** The request if it is OPEN. @throws CONFLICT `{ changeRequestId, status }` when it is closed */
export function requireOpen(request: ChangeRequestRecord): ChangeRequestRecord {
  if (request.status !== 'OPEN') throw changeRequestNotOpen(request.id, request.status);
  return request;
}

/**
 * One more approval (four eyes: never the author's, once per key) for the draft revision the
 * request froze (or the version an activation request names). `publish` says whether it reaches
 * the request's own quorum — the count it was opened with, whatever the policy's is now — so
 * the version must be published (activated) in the same transaction.
 * @throws CONFLICT when not open or stale (`draftRevision`: the policy's current one, or
 *   `version` built from another draft; an activation request does not depend on the draft);
 *   FORBIDDEN for the author; BAD_USER_INPUT for a second approval
 */
export function approvedRequest(
  request: ChangeRequestRecord,
  draftRevision: number,
  version: NewVersion | null,
  at: Date,
  actor: Actor,
): { write: RequestWrite; publish: boolean; event: AuditEventInput } {
  requireOpen(request);
  if (actor.keyId !== null && actor.keyId === request.author) throw selfApproval(request.id);
  if (request.approvals.some((a) => a.approver === actor.keyId)) throw alreadyApproved(request.id, actor.keyId);
  const stale =
    request.activateVersion === undefined &&
    (draftRevision !== request.draftRevision || version?.draftRevision !== request.draftRevision || version.contentHash !== request.contentHash);
  if (stale) throw changeRequestStale(request.id, draftRevision, request.draftRevision);
  const approvals = [...request.approvals, { approver: actor.keyId ?? 'system', at }];
  return {
    write: { next: { ...request, approvals }, expected: request },
    publish: approvals.length >= request.requiredApprovals,
    event: {
      actor,
      action: 'changeRequest.approve',
      targetType: 'changeRequest',
      targetId: request.id,
      after: { approvals: approvals.length, requiredApprovals: request.requiredApprovals },
      at,
    },
  };
}

/** The approved request closed as PUBLISHED with `version`. */
export function publishedRequest(
  approved: ChangeRequestRecord,
  version: number,
  at: Date,
  actor: Actor,
): { next: ChangeRequestRecord; event: AuditEventInput } {
  return {
    next: { ...approved, status: 'PUBLISHED', closedAt: at, closedBy: actor.keyId, rejectionReason: null, publishedVersion: version },
    event: {
      actor,
      action: 'changeRequest.publish',
      targetType: 'changeRequest',
      targetId: approved.id,
      before: { status: 'OPEN' },
      after: { status: 'PUBLISHED', version },
      at,
    },
  };
}

/** An open request closed as REJECTED. @throws CONFLICT when it is not open */
export function rejectedRequest(request: ChangeRequestRecord, reason: string, at: Date, actor: Actor): { write: RequestWrite; event: AuditEventInput } {
  requireOpen(request);
  return {
    write: {
      next: { ...request, status: 'REJECTED', closedAt: at, closedBy: actor.keyId, rejectionReason: reason, publishedVersion: null },
      expected: request,
    },
    event: {
      actor,
      action: 'changeRequest.reject',
      targetType: 'changeRequest',
      targetId: request.id,
      before: { status: 'OPEN' },
      after: { status: 'REJECTED', reason },
      at,
    },
  };
}

/** A test case created or replaced (`before`: the case it replaces), stamped with who and when. */
export function savedTestCase(
  policyId: string,
  before: PolicyTestCase | null,
  testCase: Omit<PolicyTestCase, 'updatedAt' | 'updatedBy'>,
  at: Date,
  actor: Actor,
): { record: PolicyTestCase; event: AuditEventInput } {
  return {
    record: { ...testCase, updatedAt: at, updatedBy: actor.keyId },
    event: {
      actor,
      action: 'policyTestCase.save',
      targetType: 'policy',
      targetId: policyId,
      before: before ? { testCase: before.id, expected: before.expected } : undefined,
      after: { testCase: testCase.id, name: testCase.name, expected: testCase.expected },
      at,
    },
  };
}

/** A test case removed. @throws NOT_FOUND `{ policyId, testCaseId }` when the policy has no such case */
export function removedTestCase(policyId: string, existing: PolicyTestCase | null, id: string, at: Date, actor: Actor): { event: AuditEventInput } {
  if (!existing) throw testCaseNotFound(policyId, id);
  return { event: { actor, action: 'policyTestCase.remove', targetType: 'policy', targetId: policyId, before: { testCase: id }, at } };
}

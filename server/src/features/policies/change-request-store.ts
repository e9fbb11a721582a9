/**
 * The change request storage port (four-eyes publishing). A change request freezes a draft
 * revision someone asked to publish — or, with `activateVersion`, a published version someone
 * asked to make active again (a rollback or roll forward under required approvals);
 * publishers other than its author approve it; the approval that reaches the request's own
 * `requiredApprovals` publishes (or activates) it in the same transaction. Saving the draft
 * makes open publish requests STALE (their approvals no longer count).
 */
import { ChangeRequestStatus } from '@baton/schemas';
import type { Actor } from '../audit/audit-event';
import type { NewVersion, VersionRecord } from './policy-store';

export const CHANGE_REQUEST_STATUSES: readonly ChangeRequestStatus[] = Object.values(ChangeRequestStatus);
export type { ChangeRequestStatus };

export interface Approval {
  /** Key id of the approving publisher. */
  approver: string;
  at: Date;
}

export interface ChangeRequestRecord {
  id: string;
  policyId: string;
  /** The draft revision to publish (an activation request: the draft revision when it was opened). */
  draftRevision: number;
  /** Content hash the version will have (an activation request: the hash of the version to activate). */
  contentHash: string;
  /** Set on an activation request: the published version to make active. Absent on a publish request. */
  activateVersion?: number;
  comment: string;
  makeDefault: boolean;
  /** The policy's setting when the request was opened. */
  requiredApprovals: number;
  status: ChangeRequestStatus;
  /** Key id of whoever asked to publish. */
  author: string | null;
  createdAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
  rejectionReason: string | null;
  publishedVersion: number | null;
  approvals: Approval[];
}

/** What opening a request records; the rest of the record starts empty (OPEN, no approvals). */
export type NewChangeRequest = Pick<
  ChangeRequestRecord,
  'id' | 'policyId' | 'draftRevision' | 'contentHash' | 'comment' | 'makeDefault' | 'requiredApprovals' | 'activateVersion'
> & {
  at: Date;
  actor: Actor;
};

export interface ApprovalRequest {
  id: string;
  at: Date;
  actor: Actor;
  /** The version to publish if this approval is the last one needed (built from the request's draft revision); null for an activation request. */
  version: NewVersion | null;
}

export interface ChangeRequestStore {
  /**
   * Opens a request for the current draft revision.
   * @throws NOT_FOUND for an unknown policy; CONFLICT when the draft moved on (`currentRevision`),
   *   a request for this policy is already open, or the id is taken (both `changeRequestId`).
   */
  openChangeRequest(request: NewChangeRequest): Promise<ChangeRequestRecord>;
  getChangeRequest(id: string): Promise<ChangeRequestRecord | null>;
  /** Newest first. */
  listChangeRequests(policyId: string): Promise<ChangeRequestRecord[]>;
  /**
   * Records an approval and, when enough, publishes `version` (an activation request: activates
   * its version) and closes the request, atomically.
   * @throws NOT_FOUND; FORBIDDEN for the author; BAD_USER_INPUT when this key already approved;
   *   CONFLICT when the request is not OPEN or the draft moved on since it was opened.
   */
  approveChangeRequest(approval: ApprovalRequest): Promise<{ request: ChangeRequestRecord; version: VersionRecord | null }>;
  /** @throws NOT_FOUND; CONFLICT when the request is not OPEN. */
  rejectChangeRequest(id: string, reason: string, at: Date, actor: Actor): Promise<ChangeRequestRecord>;
}

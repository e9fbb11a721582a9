/**
 * Internal: the errors the policies feature's store adapters throw, worded once so every
 * adapter gives a client the same code, message and details.
 */
import { BatonErrorCode } from '@baton/schemas';
import { BatonError, badInput, conflict, notFound } from '../../baton-error';

/** CONFLICT `{ policyId }`: `createPolicy` with an id another policy has. */
export function policyIdTaken(policyId: string): BatonError {
  return conflict(`A policy with id '${policyId}' already exists; choose another id.`, { policyId });
}

/** CONFLICT `{ policyId, currentRevision }`: the draft is not at the revision the writer started from; `next` says what to do. */
export function draftMovedOn(policyId: string, currentRevision: number, next: string): BatonError {
  return conflict(`The draft of '${policyId}' is at revision ${currentRevision}; ${next}`, { policyId, currentRevision });
}

/** What `saveDraft` tells a writer whose base revision is stale. */
export const SAVE_AGAIN = 'reload it, reapply your change and save with baseRevision set to that revision.';
/** What `publishVersion` tells a publisher whose draft changed meanwhile. */
export const PUBLISH_AGAIN = 'it changed while publishing; review the new draft and publish again.';

/** CONFLICT `{ policyId, activeVersion }`: another publish or activation moved the active version. */
export function activeVersionMoved(policyId: string, activeVersion: number | null, expected: number | null): BatonError {
  return conflict(
    `Policy '${policyId}' changed while publishing: version ${activeVersion ?? 'none'} is active now, not ${expected ?? 'none'}. ` +
      'Someone else published or activated a version; review it and publish again if still needed.',
    { policyId, activeVersion },
  );
}

/** NOT_FOUND `{ policyId, version }`; `latest` is the highest published version (0: none). */
export function versionNotFound(policyId: string, version: number, latest: number): BatonError {
  return notFound(
    `Policy '${policyId}' has no version ${version}; ${latest === 0 ? 'nothing is published yet' : `its versions are 1 to ${latest}`} (policyVersions lists them).`,
    { policyId, version },
  );
}

/** BAD_USER_INPUT `{ policyId, version }`: activating the version that is already active. */
export function versionAlreadyActive(policyId: string, version: number): BatonError {
  return badInput(`Version ${version} of '${policyId}' is already active; nothing to do.`, { policyId, version });
}

/** CONFLICT `{ currentRevision }`: opening a change request for a draft revision that is not current. */
export function changeRequestDraftMoved(policyId: string, currentRevision: number): BatonError {
  return conflict(`The draft of '${policyId}' is at revision ${currentRevision} now; review it and publish again.`, { currentRevision });
}

/** CONFLICT `{ changeRequestId }`: a policy has at most one open change request. */
export function changeRequestAlreadyOpen(policyId: string, openId: string): BatonError {
  return conflict(`Change request '${openId}' for '${policyId}' is already open; approve or reject it first.`, { changeRequestId: openId });
}

/** CONFLICT `{ changeRequestId }`: opening a change request under an id another one has. */
export function changeRequestIdTaken(id: string): BatonError {
  return conflict(`A change request with id '${id}' already exists; open it under a new id.`, { changeRequestId: id });
}

/** NOT_FOUND `{ changeRequestId }`. */
export function changeRequestNotFound(id: string): BatonError {
  return notFound(`Change request '${id}' does not exist; list them with policy { changeRequests }.`, { changeRequestId: id });
}

/** CONFLICT `{ changeRequestId, status }`: approving or rejecting a closed request. */
export function changeRequestNotOpen(id: string, status: string): BatonError {
  return conflict(`Change request '${id}' is ${status}, not OPEN; only open requests can be approved or rejected.`, { changeRequestId: id, status });
}

/** FORBIDDEN `{ changeRequestId }`: four eyes, the author cannot approve. */
export function selfApproval(id: string): BatonError {
  return new BatonError(BatonErrorCode.Forbidden, `You opened change request '${id}', so you cannot approve it: another publisher must (four eyes).`, {
    changeRequestId: id,
  });
}

/** BAD_USER_INPUT `{ changeRequestId }`: a key approves once. */
export function alreadyApproved(id: string, keyId: string | null): BatonError {
  return badInput(`Key '${keyId}' already approved change request '${id}'.`, { changeRequestId: id });
}

/** CONFLICT `{ changeRequestId, currentRevision }`: the draft changed since the request was opened. */
export function changeRequestStale(id: string, currentRevision: number, requestedRevision: number): BatonError {
  return conflict(
    `Change request '${id}' is stale: the draft is at revision ${currentRevision}, the request is for revision ${requestedRevision}. Open a new one with publishPolicy.`,
    { changeRequestId: id, currentRevision },
  );
}

/** NOT_FOUND `{ policyId, testCaseId }`. */
export function testCaseNotFound(policyId: string, id: string): BatonError {
  return notFound(`Policy '${policyId}' has no test case '${id}'; list them with policy { testCases }.`, { policyId, testCaseId: id });
}

/** FORBIDDEN `{ policyId, requiredApprovals }`: only an ADMIN may lower the approvals a policy requires (four eyes). */
export function approvalsLoweredByNonAdmin(policyId: string, current: number, count: number): BatonError {
  return new BatonError(
    BatonErrorCode.Forbidden,
    `Policy '${policyId}' requires ${current} approval${current === 1 ? '' : 's'}; lowering it to ${count} takes an ADMIN key (four eyes). Raising it needs no more than a publisher.`,
    { policyId, requiredApprovals: current },
  );
}

/** CONFLICT `{ policyId, changeRequestId }`: a direct publish while a change request awaits its approvals. */
export function changeRequestAwaitsApproval(policyId: string, openId: string): BatonError {
  return conflict(
    `Change request '${openId}' for '${policyId}' awaits its approvals; it is published by the approval that completes it (with the count it was opened with), ` +
      'not by a direct publish. Approve it, reject it, or save the draft to make it stale.',
    { policyId, changeRequestId: openId },
  );
}

/** FORBIDDEN `{ policyId, requiredApprovals }`: activating another version of a policy under four eyes, without a change request. */
export function activationNeedsApproval(policyId: string, required: number): BatonError {
  return new BatonError(
    BatonErrorCode.Forbidden,
    `Policy '${policyId}' requires ${required} approval${required === 1 ? '' : 's'}, so activating another version goes through a change request: ` +
      'call requestPolicyActivation(policyId, version, comment) and have another publisher approve it. ' +
      'In an emergency an ADMIN key may roll back at once with activatePolicyVersion(..., emergency: true), audited as policy.emergencyActivate.',
    { policyId, requiredApprovals: required },
  );
}

/** FORBIDDEN `{ policyId }`: an emergency activation by a key that is not an ADMIN. */
export function emergencyNeedsAdmin(policyId: string): BatonError {
  return new BatonError(
    BatonErrorCode.Forbidden,
    `Only an ADMIN key may activate a version of '${policyId}' as an emergency; ask for approvals with requestPolicyActivation instead.`,
    { policyId },
  );
}

/**
 * The policy and change request stores, written once for every adapter: each change is one unit
 * of work that reads through the repositories, decides with `policy-transitions.ts`, and writes
 * the records with their audit events. Adapters supply only repositories and reads.
 *
 * A conflict the storage catches rather than the checks (a concurrent writer committing between
 * read and write: MongoDB's snapshot transactions, unique indexes) is reported as the same
 * CONFLICT the check gives, from a fresh read.
 */
import type { Actor } from '../audit/audit-event';
import { DuplicateKeyError, StaleWriteError, conflictAs, type Transaction, type UnitOfWork } from '../../store/unit-of-work';
import type { ApprovalRequest, ChangeRequestRecord, ChangeRequestStore, NewChangeRequest } from './change-request-store';
import { policyNotFound } from './policy-errors';
import type { PolicyReads } from './policy-repositories';
import {
  PUBLISH_AGAIN,
  SAVE_AGAIN,
  activeVersionMoved,
  changeRequestAlreadyOpen,
  changeRequestIdTaken,
  changeRequestNotFound,
  changeRequestNotOpen,
  draftMovedOn,
  policyIdTaken,
  testCaseNotFound,
} from './policy-store-errors';
import type { NewVersion, PolicyRecord, PolicyStore, VersionRecord } from './policy-store';
import type { PolicyTestCaseStore } from './policy-test-case-store';
import {
  activatedVersion,
  approvedRequest,
  changedApprovals,
  createdPolicy,
  movedDefault,
  openedRequest,
  publishedRequest,
  publishedVersion,
  rejectedRequest,
  removedTestCase,
  requireNoOpenRequest,
  savedDraft,
  savedTestCase,
  type PolicyWrite,
} from './policy-transitions';

/** The part of a unit of work the policies feature reads and writes. */
export type PolicyTransaction = Pick<Transaction, 'policies' | 'versions' | 'changeRequests' | 'testCases' | 'audit'>;

async function requirePolicy(tx: PolicyTransaction, id: string): Promise<PolicyRecord> {
  const policy = await tx.policies.find(id);
  if (!policy) throw policyNotFound(id);
  return policy;
}

async function requireRequest(tx: PolicyTransaction, id: string): Promise<ChangeRequestRecord> {
  const request = await tx.changeRequests.find(id);
  if (!request) throw changeRequestNotFound(id);
  return request;
}

async function writePolicies(tx: PolicyTransaction, writes: readonly PolicyWrite[]): Promise<void> {
  for (const { next, expected } of writes) await tx.policies.update(next, expected);
}

/** `target` made the default as well, with the old default's flag cleared first. */
async function withDefault(
  tx: PolicyTransaction,
  target: PolicyWrite,
  at: Date,
  actor: Actor,
): Promise<{ writes: PolicyWrite[]; events: ReturnType<typeof movedDefault>['events'] }> {
  const previousId = await tx.policies.findDefaultId();
  const previous = previousId === null ? null : previousId === target.next.id ? target.next : await tx.policies.find(previousId);
  return movedDefault(target, previous, at, actor);
}

/** Publishes inside `tx`: the version inserted, the policy's active pointer (and default flag) moved. */
async function publishIn(tx: PolicyTransaction, version: NewVersion): Promise<VersionRecord> {
  const policy = await requirePolicy(tx, version.policyId);
  const published = publishedVersion(policy, version, await tx.versions.latestNumber(policy.id));
  const moved = version.makeDefault ? await withDefault(tx, published.write, version.at, version.actor) : { writes: [published.write], events: [] };
  await tx.versions.insert(published.record);
  await writePolicies(tx, moved.writes);
  await tx.audit.append(published.event, ...moved.events);
  return published.record;
}

/** Activates an approved activation request's version inside `tx`. */
async function activateIn(tx: PolicyTransaction, request: ChangeRequestRecord, at: Date, actor: Actor): Promise<VersionRecord> {
  const policy = await requirePolicy(tx, request.policyId);
  const version = request.activateVersion as number;
  const target = await tx.versions.find(policy.id, version);
  const activation = { policyId: policy.id, version, comment: request.comment, at, actor };
  const { write, event } = activatedVersion(policy, target, await tx.versions.latestNumber(policy.id), activation, true);
  await tx.policies.update(write.next, write.expected);
  await tx.audit.append(event);
  return target as VersionRecord;
}

/** Builds the policies feature's stores over `uow`; reads go straight to `reads`. */
export function createPolicyStores(
  uow: UnitOfWork<PolicyTransaction>,
  reads: PolicyReads,
): { policies: PolicyStore; changeRequests: ChangeRequestStore; policyTests: PolicyTestCaseStore } {
  const currentRevision = async (policyId: string): Promise<number> => {
    const policy = await reads.getPolicy(policyId);
    if (!policy) throw policyNotFound(policyId);
    return policy.draft.revision;
  };
  // A publish that lost a race: the draft or the active version moved under it.
  const publishRaced = (version: NewVersion) => async (): Promise<Error> => {
    const policy = await reads.getPolicy(version.policyId);
    if (!policy) return policyNotFound(version.policyId);
    if (policy.draft.revision !== version.draftRevision) return draftMovedOn(policy.id, policy.draft.revision, PUBLISH_AGAIN);
    return activeVersionMoved(policy.id, policy.activeVersion, version.expectedActiveVersion);
  };

  const policies: PolicyStore = {
    hasPolicies: () => reads.hasPolicies(),
    listPolicies: () => reads.listPolicies(),
    getPolicy: (id) => reads.getPolicy(id),
    getPolicyHead: (id) => reads.getPolicyHead(id),
    getVersion: (policyId, version) => reads.getVersion(policyId, version),
    listVersions: (policyId) => reads.listVersions(policyId),

    createPolicy: (policy) =>
      uow
        .transaction(async (tx) => {
          if (await tx.policies.find(policy.id)) throw policyIdTaken(policy.id);
          const { record, event } = createdPolicy(policy);
          const created: PolicyWrite = { next: record, expected: record };
          // The first policy becomes the default: decideHandoff without a policy id needs one.
          const makeDefault = policy.makeDefault || (await tx.policies.findDefaultId()) === null;
          const moved = makeDefault ? await withDefault(tx, created, policy.at, policy.actor) : { writes: [created], events: [] };
          const [clearing, final] = [moved.writes.slice(0, -1), moved.writes.at(-1) as PolicyWrite];
          await writePolicies(tx, clearing);
          await tx.policies.insert(final.next);
          await tx.audit.append(event, ...moved.events);
          return final.next;
        })
        .catch(conflictAs(DuplicateKeyError, async () => policyIdTaken(policy.id), 'id')),

    saveDraft: (update) =>
      uow
        .transaction(async (tx) => {
          const policy = await requirePolicy(tx, update.policyId);
          const saved = savedDraft(policy, update, await tx.changeRequests.listOpen(policy.id));
          await tx.policies.update(saved.write.next, saved.write.expected);
          for (const { next, expected } of saved.stale) await tx.changeRequests.update(next, expected);
          await tx.audit.append(...saved.events);
          return saved.write.next.draft;
        })
        .catch(conflictAs(StaleWriteError, async () => draftMovedOn(update.policyId, await currentRevision(update.policyId), SAVE_AGAIN))),

    publishVersion: (version) =>
      uow
        .transaction(async (tx) => {
          // A direct publish never completes (or bypasses) a change request awaiting its approvals.
          requireNoOpenRequest(version.policyId, await tx.changeRequests.listOpen(version.policyId));
          return publishIn(tx, version);
        })
        .catch(conflictAs(StaleWriteError, publishRaced(version)))
        .catch(conflictAs(DuplicateKeyError, publishRaced(version), 'version')),

    activateVersion: (activation) =>
      uow.transaction(async (tx) => {
        const policy = await requirePolicy(tx, activation.policyId);
        const target = await tx.versions.find(policy.id, activation.version);
        const { write, event } = activatedVersion(policy, target, await tx.versions.latestNumber(policy.id), activation);
        await tx.policies.update(write.next, write.expected);
        await tx.audit.append(event);
        return write.next;
      }),

    setRequiredApprovals: (policyId, count, at, actor) =>
      uow.transaction(async (tx) => {
        const policy = await requirePolicy(tx, policyId);
        const change = changedApprovals(policy, count, at, actor);
        if (!change) return policy;
        await tx.policies.update(change.write.next, change.write.expected);
        await tx.audit.append(change.event);
        return change.write.next;
      }),

    setDefaultPolicy: (policyId, at, actor) =>
      uow.transaction(async (tx) => {
        const policy = await requirePolicy(tx, policyId);
        const moved = await withDefault(tx, { next: policy, expected: policy }, at, actor);
        if (moved.events.length === 0) return;
        await writePolicies(tx, moved.writes);
        await tx.audit.append(...moved.events);
      }),
  };

  const openRace = (request: NewChangeRequest) => async (): Promise<Error> => {
    const open = (await reads.listChangeRequests(request.policyId)).find((r) => r.status === 'OPEN');
    return changeRequestAlreadyOpen(request.policyId, open?.id ?? request.id);
  };
  // A write on a request that another approval or rejection closed meanwhile; when the request
  // is still open, the publish it completes lost its race instead.
  const requestRaced = (id: string, version?: NewVersion | null) => async (): Promise<Error> => {
    const request = await reads.getChangeRequest(id);
    if (!request) return changeRequestNotFound(id);
    return request.status === 'OPEN' && version ? publishRaced(version)() : changeRequestNotOpen(id, request.status);
  };

  const changeRequests: ChangeRequestStore = {
    getChangeRequest: (id) => reads.getChangeRequest(id),
    listChangeRequests: (policyId) => reads.listChangeRequests(policyId),

    openChangeRequest: (request) =>
      uow
        .transaction(async (tx) => {
          const policy = await requirePolicy(tx, request.policyId);
          const target =
            request.activateVersion === undefined
              ? undefined
              : { record: await tx.versions.find(policy.id, request.activateVersion), latest: await tx.versions.latestNumber(policy.id) };
          const { record, event } = openedRequest(policy, await tx.changeRequests.listOpen(policy.id), request, target);
          if (await tx.changeRequests.find(request.id)) throw changeRequestIdTaken(request.id);
          await tx.changeRequests.insert(record);
          await tx.audit.append(event);
          return record;
        })
        .catch(conflictAs(DuplicateKeyError, async () => changeRequestIdTaken(request.id), 'id'))
        .catch(conflictAs(DuplicateKeyError, openRace(request), 'openRequest')),

    approveChangeRequest: (approval: ApprovalRequest) => {
      const { id, at, actor, version } = approval;
      const approved = uow.transaction(async (tx) => {
        const request = await requireRequest(tx, id);
        const policy = await requirePolicy(tx, request.policyId);
        const { write, publish, event } = approvedRequest(request, policy.draft.revision, version, at, actor);
        if (!publish) {
          await tx.changeRequests.update(write.next, write.expected);
          await tx.audit.append(event);
          return { request: write.next, version: null };
        }
        // The approval that completes the quorum publishes (or activates) in the same transaction.
        await tx.audit.append(event);
        const published = version === null || request.activateVersion !== undefined ? await activateIn(tx, request, at, actor) : await publishIn(tx, version);
        const closed = publishedRequest(write.next, published.version, at, actor);
        await tx.changeRequests.update(closed.next, write.expected);
        await tx.audit.append(closed.event);
        return { request: closed.next, version: published };
      });
      const raced = approved.catch(conflictAs(StaleWriteError, requestRaced(id, version)));
      return version === null ? raced : raced.catch(conflictAs(DuplicateKeyError, publishRaced(version), 'version'));
    },

    rejectChangeRequest: (id, reason, at, actor) =>
      uow
        .transaction(async (tx) => {
          const { write, event } = rejectedRequest(await requireRequest(tx, id), reason, at, actor);
          await tx.changeRequests.update(write.next, write.expected);
          await tx.audit.append(event);
          return write.next;
        })
        .catch(conflictAs(StaleWriteError, requestRaced(id))),
  };

  const policyTests: PolicyTestCaseStore = {
    listTestCases: (policyId) => reads.listTestCases(policyId),

    saveTestCase: (policyId, testCase, at, actor) =>
      uow.transaction(async (tx) => {
        await requirePolicy(tx, policyId);
        const { record, event } = savedTestCase(policyId, await tx.testCases.find(policyId, testCase.id), testCase, at, actor);
        await tx.testCases.save(policyId, record);
        await tx.audit.append(event);
        return record;
      }),

    removeTestCase: (policyId, id, at, actor) =>
      uow
        .transaction(async (tx) => {
          await requirePolicy(tx, policyId);
          const { event } = removedTestCase(policyId, await tx.testCases.find(policyId, id), id, at, actor);
          await tx.testCases.remove(policyId, id);
          await tx.audit.append(event);
        })
        .catch(conflictAs(StaleWriteError, async () => testCaseNotFound(policyId, id))),
  };

  return { policies, changeRequests, policyTests };
}

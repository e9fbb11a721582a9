/**
 * Internal (tests only): the behaviour every `ChangeRequestStore` adapter must show (four-eyes
 * publishing). Called by `defineStoreContractTests`.
 */
import { BatonErrorCode } from '@baton/schemas';
import type { BatonError } from '../../baton-error';
import { minimalSettings, newStayPolicy, stayGraph } from '../../test-support/fixtures';
import type { PolicyFeatureStores } from '../../store/baton-store';
import { SYSTEM_ACTOR, type Actor } from '../audit/audit-event';
import type { NewChangeRequest } from './change-request-store';
import type { NewVersion } from './policy-store';

const publisher = (keyId: string): Actor => ({ keyId, role: 'publisher' });
const AUTHOR = publisher('key-author');
const ALICE = publisher('key-alice');
const BOB = publisher('key-bob');

const T0 = new Date('2025-03-01T10:00:00.000Z');
const T1 = new Date('2025-03-01T11:00:00.000Z');
const T2 = new Date('2025-03-01T12:00:00.000Z');
const HASH = 'ab'.repeat(32);

function request(extra: Partial<NewChangeRequest> = {}): NewChangeRequest {
  return {
    id: 'cr-1',
    policyId: 'p',
    draftRevision: 1,
    contentHash: HASH,
    comment: 'Route refunds to billing',
    makeDefault: false,
    requiredApprovals: 2,
    at: T0,
    actor: AUTHOR,
    ...extra,
  };
}

/** The version an approval would publish: the request's draft revision and hash. */
function version(actor: Actor, at: Date, extra: Partial<NewVersion> = {}): NewVersion {
  return {
    policyId: 'p',
    draftRevision: 1,
    contentHash: HASH,
    graph: stayGraph(),
    settings: minimalSettings(),
    routing: null,
    compiledRules: { conditions: {}, rules: [{ name: 'stay' }] },
    comment: 'Route refunds to billing',
    expectedActiveVersion: null,
    makeDefault: false,
    at,
    actor,
    ...extra,
  };
}

async function expectBatonError(promise: Promise<unknown>, code: BatonErrorCode): Promise<BatonError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: 'BatonError', code });
  return error as BatonError;
}

async function createPolicy({ policies }: PolicyFeatureStores, id = 'p'): Promise<void> {
  await policies.createPolicy(newStayPolicy(id, T0, AUTHOR, { name: `Policy ${id}` }));
}

/** Actions of the events appended after the first `skip`, in order. */
async function actionsAfter({ auditLog }: PolicyFeatureStores, skip: number): Promise<string[]> {
  return (await auditLog.scanEvents(skip, 100)).map((e) => e.action);
}

/** Registers the change request store contract; `store()` returns a fresh, empty store per test. */
export function describeChangeRequestStoreContract(store: () => PolicyFeatureStores): void {
  describe('change requests', () => {
    it('opens a request for the current draft revision and lists requests newest first', async () => {
      const { changeRequests, auditLog } = store();
      await createPolicy(store());
      const opened = await changeRequests.openChangeRequest(request());
      expect(opened).toEqual({
        id: 'cr-1',
        policyId: 'p',
        draftRevision: 1,
        contentHash: HASH,
        comment: 'Route refunds to billing',
        makeDefault: false,
        requiredApprovals: 2,
        status: 'OPEN',
        author: 'key-author',
        createdAt: T0,
        closedAt: null,
        closedBy: null,
        rejectionReason: null,
        publishedVersion: null,
        approvals: [],
      });
      expect(await changeRequests.getChangeRequest('cr-1')).toEqual(opened);
      expect(await changeRequests.getChangeRequest('nope')).toBeNull();
      expect(await auditLog.listEvents({ targetType: 'changeRequest', targetId: 'cr-1' }, 10, null)).toMatchObject([
        { action: 'changeRequest.open', actor: AUTHOR, after: { policyId: 'p', draftRevision: 1, contentHash: HASH, requiredApprovals: 2 }, at: T0 },
      ]);
      await changeRequests.rejectChangeRequest('cr-1', 'not yet', T1, ALICE);
      await changeRequests.openChangeRequest(request({ id: 'cr-2', at: T1 }));
      expect((await changeRequests.listChangeRequests('p')).map((r) => [r.id, r.status])).toEqual([
        ['cr-2', 'OPEN'],
        ['cr-1', 'REJECTED'],
      ]);
      expect(await changeRequests.listChangeRequests('other')).toEqual([]);
    });

    it('refuses an unknown policy, a draft that moved on, a second open request and a taken id, writing nothing', async () => {
      const s = store();
      const { changeRequests, policies } = s;
      await createPolicy(s);
      await expectBatonError(changeRequests.openChangeRequest(request({ policyId: 'nope' })), BatonErrorCode.NotFound);
      await policies.saveDraft({
        policyId: 'p',
        graph: stayGraph('edited'),
        settings: minimalSettings(),
        routing: null,
        baseRevision: 1,
        at: T0,
        actor: AUTHOR,
      });
      const skip = (await s.auditLog.scanEvents(0, 100)).length;
      const moved = await expectBatonError(changeRequests.openChangeRequest(request()), BatonErrorCode.Conflict);
      expect(moved.details).toMatchObject({ currentRevision: 2 });
      await changeRequests.openChangeRequest(request({ draftRevision: 2 }));
      const open = await expectBatonError(changeRequests.openChangeRequest(request({ id: 'cr-2', draftRevision: 2 })), BatonErrorCode.Conflict);
      expect(open.details).toMatchObject({ changeRequestId: 'cr-1' });
      await changeRequests.rejectChangeRequest('cr-1', 'wrong queue', T1, ALICE);
      const taken = await expectBatonError(changeRequests.openChangeRequest(request({ draftRevision: 2 })), BatonErrorCode.Conflict);
      expect(taken.details).toMatchObject({ changeRequestId: 'cr-1' });
      expect((await changeRequests.listChangeRequests('p')).map((r) => r.id)).toEqual(['cr-1']);
      expect(await actionsAfter(s, skip)).toEqual(['changeRequest.open', 'changeRequest.reject']);
    });

    it('counts approvals from publishers other than the author; the last one needed publishes in the same write', async () => {
      const s = store();
      const { changeRequests, policies } = s;
      await createPolicy(s);
      const skip = (await s.auditLog.scanEvents(0, 100)).length;
      await changeRequests.openChangeRequest(request());
      await expectBatonError(
        changeRequests.approveChangeRequest({ id: 'cr-1', at: T1, actor: AUTHOR, version: version(AUTHOR, T1) }),
        BatonErrorCode.Forbidden,
      );
      const first = await changeRequests.approveChangeRequest({ id: 'cr-1', at: T1, actor: ALICE, version: version(ALICE, T1) });
      expect(first).toEqual({ request: expect.objectContaining({ status: 'OPEN', approvals: [{ approver: 'key-alice', at: T1 }] }), version: null });
      expect((await policies.getPolicy('p'))?.activeVersion).toBeNull();
      await expectBatonError(
        changeRequests.approveChangeRequest({ id: 'cr-1', at: T2, actor: ALICE, version: version(ALICE, T2) }),
        BatonErrorCode.BadUserInput,
      );
      await expectBatonError(changeRequests.approveChangeRequest({ id: 'nope', at: T2, actor: BOB, version: version(BOB, T2) }), BatonErrorCode.NotFound);

      const last = await changeRequests.approveChangeRequest({ id: 'cr-1', at: T2, actor: BOB, version: version(BOB, T2) });
      expect(last.version).toMatchObject({ policyId: 'p', version: 1, contentHash: HASH, publishedBy: 'key-bob', publishedAt: T2, parentVersion: null });
      expect(last.request).toMatchObject({
        status: 'PUBLISHED',
        publishedVersion: 1,
        closedAt: T2,
        closedBy: 'key-bob',
        rejectionReason: null,
        approvals: [
          { approver: 'key-alice', at: T1 },
          { approver: 'key-bob', at: T2 },
        ],
      });
      expect(await changeRequests.getChangeRequest('cr-1')).toEqual(last.request);
      expect(await policies.getVersion('p', 1)).toEqual(last.version);
      expect(await policies.getPolicyHead('p')).toMatchObject({ activeVersion: 1, activeContentHash: HASH });
      expect(await actionsAfter(s, skip)).toEqual([
        'changeRequest.open',
        'changeRequest.approve',
        'changeRequest.approve',
        'policy.publish',
        'changeRequest.publish',
      ]);
    });

    it('records a system approval as "system"; makeDefault moves the default with the publish', async () => {
      const s = store();
      await createPolicy(s, 'first');
      await createPolicy(s);
      await s.changeRequests.openChangeRequest(request({ requiredApprovals: 1, makeDefault: true }));
      const { request: closed } = await s.changeRequests.approveChangeRequest({
        id: 'cr-1',
        at: T1,
        actor: SYSTEM_ACTOR,
        version: version(SYSTEM_ACTOR, T1, { makeDefault: true }),
      });
      expect(closed).toMatchObject({ status: 'PUBLISHED', closedBy: null, approvals: [{ approver: 'system', at: T1 }] });
      expect((await s.policies.getPolicyHead(null))?.id).toBe('p');
    });

    it('makes open requests stale when the draft is saved; refuses approvals for another draft without recording them', async () => {
      const s = store();
      const { changeRequests, policies } = s;
      await createPolicy(s);
      await changeRequests.openChangeRequest(request({ requiredApprovals: 1 }));
      const skip = (await s.auditLog.scanEvents(0, 100)).length;
      const mismatch = await expectBatonError(
        changeRequests.approveChangeRequest({ id: 'cr-1', at: T1, actor: ALICE, version: version(ALICE, T1, { contentHash: 'cd'.repeat(32) }) }),
        BatonErrorCode.Conflict,
      );
      expect(mismatch.details).toMatchObject({ changeRequestId: 'cr-1', currentRevision: 1 });
      expect((await changeRequests.getChangeRequest('cr-1'))?.approvals).toEqual([]);
      expect(await actionsAfter(s, skip)).toEqual([]);

      await policies.saveDraft({ policyId: 'p', graph: stayGraph('edited'), settings: minimalSettings(), routing: null, baseRevision: 1, at: T1, actor: BOB });
      expect(await changeRequests.getChangeRequest('cr-1')).toMatchObject({ status: 'STALE', closedAt: T1, closedBy: 'key-bob', publishedVersion: null });
      expect(await actionsAfter(s, skip)).toEqual(['policy.draft.save', 'changeRequest.stale']);
      const stale = await expectBatonError(
        changeRequests.approveChangeRequest({ id: 'cr-1', at: T2, actor: ALICE, version: version(ALICE, T2) }),
        BatonErrorCode.Conflict,
      );
      expect(stale.details).toMatchObject({ changeRequestId: 'cr-1', status: 'STALE' });
      expect(await policies.listVersions('p')).toEqual([]);
    });

    it('rejects an open request once; a closed request can be neither approved nor rejected', async () => {
      const s = store();
      const { changeRequests, auditLog } = s;
      await createPolicy(s);
      await changeRequests.openChangeRequest(request());
      const rejected = await changeRequests.rejectChangeRequest('cr-1', 'Refunds go to the retention team', T1, ALICE);
      expect(rejected).toMatchObject({
        status: 'REJECTED',
        rejectionReason: 'Refunds go to the retention team',
        closedAt: T1,
        closedBy: 'key-alice',
        publishedVersion: null,
        approvals: [],
      });
      const again = await expectBatonError(changeRequests.rejectChangeRequest('cr-1', 'again', T2, BOB), BatonErrorCode.Conflict);
      expect(again.details).toMatchObject({ changeRequestId: 'cr-1', status: 'REJECTED' });
      await expectBatonError(changeRequests.approveChangeRequest({ id: 'cr-1', at: T2, actor: BOB, version: version(BOB, T2) }), BatonErrorCode.Conflict);
      await expectBatonError(changeRequests.rejectChangeRequest('nope', 'x', T2, BOB), BatonErrorCode.NotFound);
      expect(await changeRequests.getChangeRequest('cr-1')).toEqual(rejected);
      expect(await auditLog.listEvents({ action: 'changeRequest.reject' }, 10, null)).toMatchObject([
        { actor: ALICE, targetId: 'cr-1', before: { status: 'OPEN' }, after: { status: 'REJECTED', reason: 'Refunds go to the retention team' } },
      ]);
    });

    it('keeps the request open with no approval recorded when the publishing approval fails', async () => {
      const s = store();
      const { changeRequests, policies } = s;
      await createPolicy(s);
      // A version is published before the request opens: the approval's version expected none active.
      await policies.publishVersion(version(BOB, T1));
      await changeRequests.openChangeRequest(request({ requiredApprovals: 1 }));
      const skip = (await s.auditLog.scanEvents(0, 100)).length;
      const error = await expectBatonError(
        changeRequests.approveChangeRequest({ id: 'cr-1', at: T2, actor: ALICE, version: version(ALICE, T2) }),
        BatonErrorCode.Conflict,
      );
      expect(error.details).toMatchObject({ activeVersion: 1 });
      expect(await changeRequests.getChangeRequest('cr-1')).toMatchObject({ status: 'OPEN', approvals: [] });
      expect(await actionsAfter(s, skip)).toEqual([]);
      expect((await policies.listVersions('p')).map((v) => v.version)).toEqual([1]);
    });

    it('lets exactly one of two racing approvals publish', async () => {
      const s = store();
      await createPolicy(s);
      await s.changeRequests.openChangeRequest(request({ requiredApprovals: 1 }));
      const results = await Promise.allSettled([
        s.changeRequests.approveChangeRequest({ id: 'cr-1', at: T1, actor: ALICE, version: version(ALICE, T1) }),
        s.changeRequests.approveChangeRequest({ id: 'cr-1', at: T1, actor: BOB, version: version(BOB, T1) }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: BatonErrorCode.Conflict, details: { status: 'PUBLISHED' } } });
      expect((await s.changeRequests.getChangeRequest('cr-1'))?.approvals).toHaveLength(1);
      expect((await s.policies.listVersions('p')).map((v) => v.version)).toEqual([1]);
    });

    it('refuses a direct publish while a request is open; a lower quorum completes no request', async () => {
      const s = store();
      await createPolicy(s);
      await s.policies.setRequiredApprovals('p', 2, T0, ALICE);
      await s.changeRequests.openChangeRequest(request({ requiredApprovals: 2 }));
      // An admin lowers the quorum to 0: the request keeps its 2, and the draft it holds cannot be published around it.
      await s.policies.setRequiredApprovals('p', 0, T1, { keyId: 'key-admin', role: 'admin' });
      const skip = (await s.auditLog.scanEvents(0, 100)).length;
      const refused = await expectBatonError(s.policies.publishVersion(version(AUTHOR, T1)), BatonErrorCode.Conflict);
      expect(refused.details).toMatchObject({ policyId: 'p', changeRequestId: 'cr-1' });
      expect(await actionsAfter(s, skip)).toEqual([]);
      const first = await s.changeRequests.approveChangeRequest({ id: 'cr-1', at: T1, actor: ALICE, version: version(ALICE, T1) });
      expect(first).toMatchObject({ request: { status: 'OPEN', requiredApprovals: 2 }, version: null });
      const second = await s.changeRequests.approveChangeRequest({ id: 'cr-1', at: T2, actor: BOB, version: version(BOB, T2) });
      expect(second).toMatchObject({ request: { status: 'PUBLISHED', publishedVersion: 1 }, version: { version: 1 } });
    });

    it('activates the version an activation request names with the approval that completes it; a draft save leaves it open', async () => {
      const s = store();
      await createPolicy(s);
      await s.policies.publishVersion(version(BOB, T0));
      await s.policies.publishVersion(version(BOB, T0, { contentHash: 'cd'.repeat(32), expectedActiveVersion: 1 }));
      await expectBatonError(s.changeRequests.openChangeRequest(request({ requiredApprovals: 1, activateVersion: 2 })), BatonErrorCode.BadUserInput);
      await expectBatonError(s.changeRequests.openChangeRequest(request({ requiredApprovals: 1, activateVersion: 9 })), BatonErrorCode.NotFound);
      const opened = await s.changeRequests.openChangeRequest(request({ requiredApprovals: 1, activateVersion: 1 }));
      expect(opened).toMatchObject({ status: 'OPEN', activateVersion: 1, contentHash: HASH });
      expect(await s.changeRequests.getChangeRequest('cr-1')).toEqual(opened);
      await s.policies.saveDraft({ policyId: 'p', graph: stayGraph(), settings: minimalSettings(), routing: null, baseRevision: 1, at: T1, actor: AUTHOR });
      expect(await s.changeRequests.getChangeRequest('cr-1')).toMatchObject({ status: 'OPEN' });
      const skip = (await s.auditLog.scanEvents(0, 100)).length;
      const approved = await s.changeRequests.approveChangeRequest({ id: 'cr-1', at: T2, actor: ALICE, version: null });
      expect(approved).toMatchObject({ request: { status: 'PUBLISHED', publishedVersion: 1, activateVersion: 1 }, version: { version: 1, contentHash: HASH } });
      expect((await s.policies.getPolicy('p'))?.activeVersion).toBe(1);
      expect((await s.policies.listVersions('p')).map((v) => v.version)).toEqual([2, 1]);
      expect(await actionsAfter(s, skip)).toEqual(['changeRequest.approve', 'policy.activate', 'changeRequest.publish']);
    });
  });
}

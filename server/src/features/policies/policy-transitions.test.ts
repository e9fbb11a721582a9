import { BatonErrorCode } from '@baton/schemas';
import { minimalSettings, newStayPolicy, stayGraph } from '../../test-support/fixtures';
import type { Actor } from '../audit/audit-event';
import type { ChangeRequestRecord } from './change-request-store';
import type { NewVersion, PolicyRecord, VersionRecord } from './policy-store';
import {
  activatedVersion,
  approvedRequest,
  changedApprovals,
  createdPolicy,
  movedDefault,
  openedRequest,
  publishedVersion,
  rejectedRequest,
  removedTestCase,
  requireNoOpenRequest,
  savedDraft,
  savedTestCase,
} from './policy-transitions';

const T0 = new Date('2026-03-01T09:00:00.000Z');
const T1 = new Date('2026-03-01T10:00:00.000Z');
const ALICE: Actor = { keyId: 'key-alice', role: 'publisher' };
const BOB: Actor = { keyId: 'key-bob', role: 'publisher' };
const ADMIN: Actor = { keyId: 'key-admin', role: 'admin' };

function policy(extra: Partial<PolicyRecord> = {}): PolicyRecord {
  const { record } = createdPolicy(newStayPolicy('p', T0, ALICE, { name: 'P' }));
  return { ...record, ...extra };
}

function version(extra: Partial<NewVersion> = {}): NewVersion {
  return {
    policyId: 'p',
    draftRevision: 1,
    contentHash: 'a'.repeat(64),
    graph: stayGraph(),
    settings: minimalSettings(),
    routing: null,
    compiledRules: {},
    comment: 'c',
    expectedActiveVersion: null,
    makeDefault: false,
    at: T1,
    actor: BOB,
    ...extra,
  };
}

function request(extra: Partial<ChangeRequestRecord> = {}): ChangeRequestRecord {
  const { record } = openedRequest(policy(), [], {
    id: 'cr',
    policyId: 'p',
    draftRevision: 1,
    contentHash: 'a'.repeat(64),
    comment: 'c',
    makeDefault: false,
    requiredApprovals: 2,
    at: T0,
    actor: ALICE,
  });
  return { ...record, ...extra };
}

describe('policy transitions (the domain rules, without storage)', () => {
  it('moves the default by clearing the old one first, and does nothing for the current default', () => {
    const old = policy({ id: 'old', isDefault: true });
    const target = { next: policy(), expected: policy() };
    const moved = movedDefault(target, old, T1, BOB);
    expect(moved.writes.map((w) => [w.next.id, w.next.isDefault])).toEqual([
      ['old', false],
      ['p', true],
    ]);
    expect(moved.events).toMatchObject([{ action: 'policy.setDefault', before: { defaultPolicy: 'old' }, after: { defaultPolicy: 'p' } }]);
    expect(movedDefault(target, target.next, T1, BOB)).toEqual({ writes: [target], events: [] });
  });

  it('saves a draft one revision on, makes open change requests stale, and refuses a stale base revision', () => {
    const saved = savedDraft(
      policy(),
      { policyId: 'p', graph: stayGraph('v2'), settings: minimalSettings(), routing: null, baseRevision: 1, at: T1, actor: BOB },
      [request()],
    );
    expect(saved.write.next.draft).toMatchObject({ revision: 2, updatedBy: 'key-bob' });
    expect(saved.stale.map((w) => w.next)).toMatchObject([{ id: 'cr', status: 'STALE', closedBy: 'key-bob' }]);
    expect(saved.events.map((e) => e.action)).toEqual(['policy.draft.save', 'changeRequest.stale']);
    expect(() =>
      savedDraft(policy(), { policyId: 'p', graph: stayGraph(), settings: minimalSettings(), routing: null, baseRevision: 0, at: T1, actor: BOB }, []),
    ).toThrow(expect.objectContaining({ code: BatonErrorCode.Conflict, details: { policyId: 'p', currentRevision: 1 } }));
  });

  it('publishes as the next number with the active version as parent, and refuses when the active version moved', () => {
    const published = publishedVersion(policy({ activeVersion: 3 }), version({ expectedActiveVersion: 3 }), 4);
    expect(published.record).toMatchObject({ version: 5, parentVersion: 3, publishedBy: 'key-bob' });
    expect(published.write.next.activeVersion).toBe(5);
    expect(() => publishedVersion(policy({ activeVersion: 3 }), version({ expectedActiveVersion: null }), 4)).toThrow(
      expect.objectContaining({ code: BatonErrorCode.Conflict, details: { policyId: 'p', activeVersion: 3 } }),
    );
  });

  it('counts approvals from others towards the quorum: never the author, never twice, never for another draft', () => {
    const first = approvedRequest(request(), 1, version(), T1, BOB);
    expect(first.publish).toBe(false);
    expect(first.write.next.approvals).toEqual([{ approver: 'key-bob', at: T1 }]);
    const carol: Actor = { keyId: 'key-carol', role: 'publisher' };
    expect(approvedRequest(first.write.next, 1, version(), T1, carol).publish).toBe(true);
    expect(() => approvedRequest(request(), 1, version(), T1, ALICE)).toThrow(expect.objectContaining({ code: BatonErrorCode.Forbidden }));
    expect(() => approvedRequest(first.write.next, 1, version(), T1, BOB)).toThrow(expect.objectContaining({ code: BatonErrorCode.BadUserInput }));
    expect(() => approvedRequest(request(), 2, version(), T1, BOB)).toThrow(
      expect.objectContaining({ code: BatonErrorCode.Conflict, details: { changeRequestId: 'cr', currentRevision: 2 } }),
    );
    expect(() => approvedRequest(request(), 1, version({ contentHash: 'b'.repeat(64) }), T1, BOB)).toThrow(
      expect.objectContaining({ code: BatonErrorCode.Conflict }),
    );
  });

  it('opens one request per policy, for the current draft only; closed requests cannot be rejected', () => {
    const open = {
      id: 'cr-2',
      policyId: 'p',
      draftRevision: 1,
      contentHash: 'a'.repeat(64),
      comment: 'c',
      makeDefault: false,
      requiredApprovals: 1,
      at: T1,
      actor: BOB,
    };
    expect(() => openedRequest(policy(), [request()], open)).toThrow(
      expect.objectContaining({ code: BatonErrorCode.Conflict, details: { changeRequestId: 'cr' } }),
    );
    expect(() => openedRequest(policy(), [], { ...open, draftRevision: 2 })).toThrow(expect.objectContaining({ details: { currentRevision: 1 } }));
    expect(() => rejectedRequest(request({ status: 'STALE' }), 'no', T1, BOB)).toThrow(
      expect.objectContaining({ code: BatonErrorCode.Conflict, details: { changeRequestId: 'cr', status: 'STALE' } }),
    );
  });

  it('stamps a saved test case and audits what it replaced; removing a case that is not there is NOT_FOUND', () => {
    const testCase = { id: 'angry-refund', name: 'Angry refund', input: { messages: [] }, expected: { action: 'HANDOFF' as const } };
    const first = savedTestCase('p', null, testCase, T0, ALICE);
    expect(first.record).toMatchObject({ id: 'angry-refund', updatedAt: T0, updatedBy: 'key-alice' });
    expect(first.event.before).toBeUndefined();
    const again = savedTestCase('p', first.record, { ...testCase, expected: { action: 'STAY' } }, T1, BOB);
    expect(again.event).toMatchObject({
      action: 'policyTestCase.save',
      before: { testCase: 'angry-refund', expected: { action: 'HANDOFF' } },
      after: { expected: { action: 'STAY' } },
    });
    expect(removedTestCase('p', first.record, 'angry-refund', T1, BOB).event).toMatchObject({
      action: 'policyTestCase.remove',
      before: { testCase: 'angry-refund' },
    });
    expect(() => removedTestCase('p', null, 'gone', T1, BOB)).toThrow(
      expect.objectContaining({ code: BatonErrorCode.NotFound, details: { policyId: 'p', testCaseId: 'gone' } }),
    );
  });

  describe('four eyes cannot be bypassed (issue 17)', () => {
    const stored = (n: number): VersionRecord => ({
      ...version(),
      version: n,
      contentHash: `${n}`.repeat(64),
      publishedAt: T0,
      publishedBy: 'key-bob',
      parentVersion: null,
    });
    const guarded = policy({ activeVersion: 2, requiredApprovals: 1 });

    it('lets a publisher raise the required approvals, and only an ADMIN lower them', () => {
      expect(changedApprovals(policy(), 2, T1, BOB)?.write.next.requiredApprovals).toBe(2);
      expect(() => changedApprovals(policy({ requiredApprovals: 2 }), 0, T1, BOB)).toThrow(
        expect.objectContaining({ code: BatonErrorCode.Forbidden, details: { policyId: 'p', requiredApprovals: 2 } }),
      );
      expect(changedApprovals(policy({ requiredApprovals: 2 }), 0, T1, ADMIN)?.event).toMatchObject({ after: { requiredApprovals: 0 } });
    });

    it('never completes a pending request by a lower quorum: it keeps its own count, and a direct publish is refused while it is open', () => {
      const pending = request({ requiredApprovals: 2 });
      // The policy now requires 0 (an admin lowered it): one approval still leaves the request open.
      expect(approvedRequest(pending, 1, version(), T1, BOB).publish).toBe(false);
      expect(() => requireNoOpenRequest('p', [pending])).toThrow(
        expect.objectContaining({ code: BatonErrorCode.Conflict, details: { policyId: 'p', changeRequestId: 'cr' } }),
      );
      expect(() => requireNoOpenRequest('p', [])).not.toThrow();
    });

    it('refuses activating another version under required approvals, except through a request or an ADMIN emergency audited as such', () => {
      const activation = { policyId: 'p', version: 1, comment: 'v2 misroutes', at: T1, actor: BOB };
      expect(() => activatedVersion(guarded, stored(1), 2, activation)).toThrow(
        expect.objectContaining({ code: BatonErrorCode.Forbidden, details: { policyId: 'p', requiredApprovals: 1 } }),
      );
      expect(() => activatedVersion(guarded, stored(1), 2, { ...activation, emergency: true })).toThrow(
        expect.objectContaining({ code: BatonErrorCode.Forbidden, details: { policyId: 'p' } }),
      );
      expect(activatedVersion(guarded, stored(1), 2, activation, true).event).toMatchObject({ action: 'policy.activate', after: { activeVersion: 1 } });
      const emergency = activatedVersion(guarded, stored(1), 2, { ...activation, actor: ADMIN, emergency: true });
      expect(emergency.write.next.activeVersion).toBe(1);
      expect(emergency.event).toMatchObject({
        action: 'policy.emergencyActivate',
        actor: ADMIN,
        before: { activeVersion: 2 },
        after: { activeVersion: 1, comment: 'v2 misroutes', requiredApprovals: 1 },
      });
      // Without required approvals any publisher activates at once, as before.
      expect(activatedVersion(policy({ activeVersion: 2 }), stored(1), 2, activation).event.action).toBe('policy.activate');
    });

    it('opens an activation request for an existing, inactive version; the draft does not make it stale; its quorum activates', () => {
      const open = {
        id: 'act',
        policyId: 'p',
        draftRevision: 1,
        contentHash: '1'.repeat(64),
        comment: 'back to v1',
        makeDefault: false,
        requiredApprovals: 1,
        activateVersion: 1,
        at: T1,
        actor: ALICE,
      };
      expect(() => openedRequest(guarded, [], open, { record: null, latest: 2 })).toThrow(expect.objectContaining({ code: BatonErrorCode.NotFound }));
      expect(() => openedRequest(guarded, [], { ...open, activateVersion: 2 }, { record: stored(2), latest: 2 })).toThrow(
        expect.objectContaining({ code: BatonErrorCode.BadUserInput }),
      );
      const { record, event } = openedRequest(guarded, [], open, { record: stored(1), latest: 2 });
      expect(record).toMatchObject({ status: 'OPEN', activateVersion: 1 });
      expect(event.after).toMatchObject({ activateVersion: 1 });
      const saved = savedDraft(
        guarded,
        { policyId: 'p', graph: stayGraph('v3'), settings: minimalSettings(), routing: null, baseRevision: 1, at: T1, actor: BOB },
        [record],
      );
      expect(saved.stale).toEqual([]);
      // Approved after the draft moved on: still not stale, and one approval reaches its count.
      expect(approvedRequest(record, 2, null, T1, BOB).publish).toBe(true);
      expect(() => approvedRequest(record, 1, null, T1, ALICE)).toThrow(expect.objectContaining({ code: BatonErrorCode.Forbidden }));
    });
  });
});

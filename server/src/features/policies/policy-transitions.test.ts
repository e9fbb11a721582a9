import { BatonErrorCode } from '@baton/schemas';
import { minimalSettings, stayGraph } from '../../test-support/fixtures';
import type { Actor } from '../audit/audit-event';
import type { ChangeRequestRecord } from './change-request-store';
import type { NewVersion, PolicyRecord } from './policy-store';
import {
  approvedRequest,
  createdPolicy,
  movedDefault,
  openedRequest,
  publishedVersion,
  rejectedRequest,
  removedTestCase,
  savedDraft,
  savedTestCase,
} from './policy-transitions';

const T0 = new Date('2026-03-01T09:00:00.000Z');
const T1 = new Date('2026-03-01T10:00:00.000Z');
const ALICE: Actor = { keyId: 'key-alice', role: 'publisher' };
const BOB: Actor = { keyId: 'key-bob', role: 'publisher' };

function policy(extra: Partial<PolicyRecord> = {}): PolicyRecord {
  const { record } = createdPolicy({
    id: 'p',
    name: 'P',
    description: null,
    graph: stayGraph(),
    settings: minimalSettings(),
    routing: null,
    makeDefault: false,
    at: T0,
    actor: ALICE,
  });
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
});

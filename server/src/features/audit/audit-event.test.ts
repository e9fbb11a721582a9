import { SYSTEM_ACTOR, type AuditEventInput } from './audit-event';

const at = new Date('2026-03-01T09:00:00.000Z');

// The type check of `npm test` is what checks this: each @ts-expect-error fails the build once the
// union stops refusing that event.
describe('audit event input', () => {
  it("takes each action's own target type and before/after, and nothing else", () => {
    const publish: AuditEventInput = {
      actor: SYSTEM_ACTOR,
      action: 'policy.publish',
      targetType: 'policy',
      targetId: 'p',
      before: { activeVersion: null },
      after: { activeVersion: 1, contentHash: 'a'.repeat(64), draftRevision: 1, comment: 'first' },
      at,
    };
    // @ts-expect-error an action the log does not know
    const unknownAction: AuditEventInput = { actor: SYSTEM_ACTOR, action: 'policy.delete', targetType: 'policy', targetId: 'p', at };
    // @ts-expect-error a publish records the version it made active
    const missingField: AuditEventInput = {
      actor: SYSTEM_ACTOR,
      action: 'policy.publish',
      targetType: 'policy',
      targetId: 'p',
      after: { activeVersion: 1 },
      at,
    };
    // @ts-expect-error a change request is not a policy
    const wrongTarget: AuditEventInput = { actor: SYSTEM_ACTOR, action: 'changeRequest.stale', targetType: 'policy', targetId: 'cr', at };
    expect([publish, unknownAction, missingField, wrongTarget].map((e) => e.action)).toEqual([
      'policy.publish',
      'policy.delete',
      'policy.publish',
      'changeRequest.stale',
    ]);
  });
});

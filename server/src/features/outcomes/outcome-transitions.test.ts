import { BatonErrorCode } from '@baton/schemas';
import type { Actor } from '../audit/audit-event';
import type { OutcomeAnchor, OutcomeRecord } from './outcome-store';
import { checkJudgement, checkOutcomeUpdate, mergeOutcome, type OutcomeUpdate } from './outcome-transitions';

const DESK: Actor = { keyId: 'desk-key-001', role: 'integration' };
const at = (time: string) => new Date(`2026-03-09T${time}Z`);
const ANCHOR: OutcomeAnchor = {
  conversationId: 'c1',
  decisionId: 'd1',
  decidedAt: at('09:00:00'),
  policyId: 'p',
  policyVersion: 2,
  reasonCode: 'billing_dispute',
  queue: 'billing',
  channel: 'chat',
  language: 'en',
};
const NOW = at('12:00:00');
const update = (occurredAt: string, values: OutcomeUpdate['values'], kind: OutcomeUpdate['kind'] = 'HANDOFF'): OutcomeUpdate => ({
  kind,
  occurredAt: at(occurredAt),
  values,
});

/** Merges updates in the order given, as the store would (each onto the stored result). */
function mergeAll(...updates: OutcomeUpdate[]): OutcomeRecord | null {
  let stored: OutcomeRecord | null = null;
  updates.forEach((u, i) => {
    const merged = mergeOutcome(stored, ANCHOR, u, new Date(NOW.getTime() + i * 1000), DESK);
    if (merged) stored = merged.record;
  });
  return stored;
}

describe('checkOutcomeUpdate', () => {
  const refusal = (u: OutcomeUpdate) => {
    try {
      checkOutcomeUpdate(u, ANCHOR, NOW);
      return null;
    } catch (error) {
      return { code: (error as { code: string }).code, message: (error as Error).message };
    }
  };

  it('accepts what a helpdesk sends', () => {
    expect(refusal(update('09:30:00', { csat: 5, firstAgentResponseAt: at('09:00:00'), resolvedAt: at('12:04:59') }))).toBeNull();
  });

  it.each([
    ['no field', update('09:30:00', {}), /carries no outcome field/],
    ['CSAT 0', update('09:30:00', { csat: 0 }), /csat must be a whole number from 1 to 5; got 0/],
    ['CSAT 6', update('09:30:00', { csat: 6 }), /got 6/],
    ['CSAT 4.5', update('09:30:00', { csat: 4.5 }), /got 4.5/],
    ['a first response before the decision', update('09:30:00', { firstAgentResponseAt: at('08:59:59') }), /firstAgentResponseAt .* is before decision 'd1'/],
    ['a resolution before the decision', update('09:30:00', { resolvedAt: at('08:00:00') }), /resolvedAt .* is before decision/],
    ['an update that happened before the decision', update('08:00:00', { csat: 3 }), /occurredAt .* is before decision/],
    ['a time in the future', update('09:30:00', { resolvedAt: at('12:05:01') }), /in the future/],
    ['an empty reason', update('09:30:00', { correctedReasonCode: '  ' }), /correctedReasonCode must be a reason code/],
    ['a long reason', update('09:30:00', { correctedReasonCode: 'x'.repeat(101) }), /1 to 100 characters/],
  ])('refuses %s', (_what, u, message) => {
    expect(refusal(u)).toEqual({ code: BatonErrorCode.BadUserInput, message: expect.stringMatching(message) });
  });
});

describe('checkJudgement', () => {
  it("refuses the agent's verdict and reason correction from a bot key, and lets people's integrations give them", () => {
    expect(() => checkJudgement({ agentVerdict: 'YES' }, 'bot')).toThrow(
      expect.objectContaining({ code: BatonErrorCode.Forbidden, details: { role: 'bot', fields: ['agentVerdict'] } }),
    );
    expect(() => checkJudgement({ correctedReasonCode: 'x', csat: 3 }, 'bot')).toThrow(/correctedReasonCode/);
    expect(() => checkJudgement({ csat: 3, resolution: 'RESOLVED', agentVerdict: null }, 'bot')).not.toThrow();
    for (const role of ['integration', 'admin']) expect(() => checkJudgement({ agentVerdict: 'NO', correctedReasonCode: 'x' }, role)).not.toThrow();
  });
});

describe('mergeOutcome', () => {
  it('creates the record with the anchor, the values and when each was true, and its audit event', () => {
    const merged = mergeOutcome(null, ANCHOR, update('09:30:00', { resolution: 'RESOLVED', csat: 4, correctedReasonCode: ' refund ' }), NOW, DESK);
    expect(merged?.record).toEqual({
      ...ANCHOR,
      kind: 'HANDOFF',
      firstAgentResponseAt: null,
      resolution: 'RESOLVED',
      resolvedAt: null,
      csat: 4,
      agentVerdict: null,
      correctedReasonCode: 'refund',
      reopened: null,
      resolvedByAi: null,
      fieldTimes: { resolution: at('09:30:00'), csat: at('09:30:00'), correctedReasonCode: at('09:30:00') },
      createdAt: NOW,
      updatedAt: NOW,
      updatedBy: 'desk-key-001',
    });
    expect(merged?.event).toEqual({
      actor: DESK,
      action: 'outcome.record',
      targetType: 'conversation',
      targetId: 'c1',
      before: undefined,
      after: { kind: 'HANDOFF', decisionId: 'd1', fields: { resolution: 'RESOLVED', csat: 4, correctedReasonCode: 'refund' } },
      at: NOW,
    });
  });

  it('is idempotent: the same update again changes nothing', () => {
    const u = update('09:30:00', { resolution: 'RESOLVED', resolvedAt: at('09:30:00') });
    const first = mergeOutcome(null, ANCHOR, u, NOW, DESK)?.record ?? null;
    expect(mergeOutcome(first, ANCHOR, u, at('12:30:00'), DESK)).toBeNull();
    // So is a value already stored, sent again later.
    expect(mergeOutcome(first, ANCHOR, update('11:00:00', { resolution: 'RESOLVED' }), at('12:30:00'), DESK)).toBeNull();
  });

  it('never erases a field a later update leaves out, and records only what changed', () => {
    const first = mergeOutcome(null, ANCHOR, update('09:30:00', { resolution: 'RESOLVED', csat: 4 }), NOW, DESK)?.record ?? null;
    const second = mergeOutcome(first, ANCHOR, update('10:00:00', { agentVerdict: 'YES', csat: 4 }), at('12:01:00'), DESK);
    expect(second?.record).toMatchObject({ resolution: 'RESOLVED', csat: 4, agentVerdict: 'YES', createdAt: NOW, updatedAt: at('12:01:00') });
    expect(second?.event).toMatchObject({ before: { fields: { agentVerdict: null } }, after: { fields: { agentVerdict: 'YES' } } });
  });

  it('keeps the newest value of each field whatever order the updates arrive in', () => {
    const early = update('09:20:00', { resolution: 'UNRESOLVED', csat: 2 });
    const late = update('09:40:00', { resolution: 'RESOLVED', reopened: false });
    const reopened = update('10:30:00', { reopened: true });
    const inOrder = mergeAll(early, late, reopened);
    const shuffled = mergeAll(reopened, late, early);
    for (const merged of [inOrder, shuffled]) {
      expect(merged).toMatchObject({ resolution: 'RESOLVED', csat: 2, reopened: true });
      expect(merged?.fieldTimes).toEqual({ resolution: at('09:40:00'), csat: at('09:20:00'), reopened: at('10:30:00') });
    }
  });

  it('keeps the earliest first agent response, however late it arrives', () => {
    const merged = mergeAll(
      update('09:10:00', { firstAgentResponseAt: at('09:07:00') }),
      update('09:05:00', { firstAgentResponseAt: at('09:05:00') }),
      update('11:00:00', { firstAgentResponseAt: at('09:09:00') }),
    );
    expect(merged?.firstAgentResponseAt).toEqual(at('09:05:00'));
  });

  it('keeps only the fields of its kind', () => {
    const merged = mergeOutcome(null, ANCHOR, update('09:30:00', { resolvedByAi: true, csat: 5, agentVerdict: 'YES' }, 'AI_ONLY'), NOW, DESK);
    expect(merged?.record).toMatchObject({ kind: 'AI_ONLY', resolvedByAi: true, csat: 5, agentVerdict: null });
  });

  it('refuses another decision than the stored outcome follows, and a resolution before the first response', () => {
    const stored = mergeOutcome(null, ANCHOR, update('09:30:00', { firstAgentResponseAt: at('09:10:00') }), NOW, DESK)?.record ?? null;
    expect(() => mergeOutcome(stored, { ...ANCHOR, decisionId: 'd2' }, update('09:40:00', { csat: 1 }), NOW, DESK)).toThrow(
      expect.objectContaining({ code: BatonErrorCode.Conflict, details: { conversationId: 'c1', decisionId: 'd1' } }),
    );
    expect(() => mergeOutcome(stored, ANCHOR, update('09:40:00', { resolvedAt: at('09:09:00') }), NOW, DESK)).toThrow(
      expect.objectContaining({ code: BatonErrorCode.BadUserInput, message: expect.stringMatching(/before firstAgentResponseAt/) }),
    );
  });
});

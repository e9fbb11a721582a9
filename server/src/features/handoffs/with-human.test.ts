/**
 * The with_human answer without a server: STAY with the with_human reason first and the
 * policy's reasons after it, routing and customer message dropped, the rest of the evaluation
 * kept; and a replayed outcome overridden alike, so a replay of such an answer is identical.
 */
import { compareOutcomes, type ComparableOutcome } from '@baton/rules';
import type { HandoffDecision } from '@baton/schemas';
import type { AssignmentRecord } from './handoff-store';
import { answerWithHuman, isWithHumanAnswer, WITH_HUMAN, withHumanOutcome } from './with-human';

const T0 = new Date('2026-03-10T10:00:00.000Z');

const decision = {
  decisionId: 'd-2',
  action: 'HANDOFF',
  reasonCode: 'billing_dispute',
  reasons: [{ code: 'billing_dispute', category: 'CONTENT', description: 'Billing dispute', evidence: ['charged twice'], nodeId: 'h_billing' }],
  priority: 'HIGH',
  tier: 'HUMAN_LED',
  routing: { queueId: 'billing', queueName: 'Billing', requiredSkills: [], fallbackUsed: false, explanation: [], candidates: [] },
  context: { summary: 'Maria was charged twice' },
  customerMessage: 'Connecting you with billing.',
  policy: { id: 'p', name: 'P', version: 1, contentHash: 'h' },
  signals: { topics: ['billing_dispute'] },
  trace: [],
  evaluatedAt: T0,
} as unknown as HandoffDecision;

const open = (status: AssignmentRecord['status'], extra: Partial<AssignmentRecord> = {}): AssignmentRecord => ({
  decisionId: 'd-1',
  conversationId: 'conv-1',
  customerId: 'cus-1',
  queueId: 'billing',
  agentId: status === 'QUEUED' ? null : 'ag-1',
  channel: 'chat',
  status,
  rank: 205,
  fallbackUsed: false,
  explanation: [],
  createdAt: T0,
  assignedAt: status === 'QUEUED' ? null : new Date('2026-03-10T10:00:05.000Z'),
  acceptedAt: status === 'ACCEPTED' ? new Date('2026-03-10T10:01:00.000Z') : null,
  releasedAt: null,
  requeues: 0,
  startedBy: 'bk_bot',
  position: status === 'QUEUED' ? 2 : null,
  ...extra,
});

describe('answerWithHuman', () => {
  it('answers STAY, with_human, with the open handoff; the policy reasons follow; nothing to route or say', () => {
    const handoff = open('QUEUED');
    const answer = answerWithHuman(decision, handoff);
    expect(answer).toEqual({
      ...decision,
      action: 'STAY',
      reasonCode: WITH_HUMAN,
      reasons: [
        {
          code: 'with_human',
          category: 'BUSINESS',
          description: 'The conversation already has an open handoff: it is with a person (or waiting for one), so Baton does not escalate it again.',
          evidence: ['handoff d-1: QUEUED in billing, position 2 since 2026-03-10T10:00:00.000Z'],
        },
        ...decision.reasons,
      ],
      tier: 'HUMAN_LED',
      routing: null,
      customerMessage: null,
      activeHandoff: handoff,
    });
  });

  it('says where the handoff stands in the evidence', () => {
    expect(answerWithHuman(decision, open('ASSIGNED')).reasons[0]?.evidence).toEqual([
      'handoff d-1: ASSIGNED to ag-1 in billing since 2026-03-10T10:00:05.000Z',
    ]);
    expect(answerWithHuman(decision, open('ACCEPTED')).reasons[0]?.evidence).toEqual([
      'handoff d-1: ACCEPTED by ag-1 in billing since 2026-03-10T10:01:00.000Z',
    ]);
  });
});

describe('replaying a with_human answer', () => {
  it('recognises the answer by its first reason, which no leaf carries', () => {
    expect(isWithHumanAnswer(answerWithHuman(decision, open('ASSIGNED')).reasons)).toBe(true);
    expect(isWithHumanAnswer(decision.reasons)).toBe(false);
    expect(isWithHumanAnswer([{ code: 'with_human', nodeId: 'a_leaf_named_so' }])).toBe(false);
    expect(isWithHumanAnswer([])).toBe(false);
  });

  it('overrides the replayed outcome alike, so the replay is identical', () => {
    const answered = answerWithHuman(decision, open('ASSIGNED'));
    const logged: ComparableOutcome = {
      action: answered.action,
      reasonCode: answered.reasonCode,
      reasonCodes: answered.reasons.map((r) => r.code),
      priority: answered.priority,
      tier: answered.tier,
      queue: null,
    };
    const replayed: ComparableOutcome = {
      action: 'HANDOFF',
      reasonCode: 'billing_dispute',
      reasonCodes: ['billing_dispute'],
      priority: 'HIGH',
      tier: 'HUMAN_LED',
      queue: 'billing',
    };
    expect(compareOutcomes(logged, replayed)).not.toEqual([]);
    expect(compareOutcomes(logged, withHumanOutcome(replayed))).toEqual([]);
  });
});

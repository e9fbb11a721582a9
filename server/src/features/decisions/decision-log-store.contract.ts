/**
 * Internal (tests only): the behaviour every `DecisionLogStore` adapter must show. Called by
 * `defineStoreContractTests`.
 */
import type { BatonStore } from '../../store/baton-store';
import type { DecisionLogEntry } from './decision-log-store';

/** A logged decision with distinct values in every field. */
export function sampleEntry(decisionId: string, extra: Partial<DecisionLogEntry> = {}): DecisionLogEntry {
  return {
    decisionId,
    evaluatedAt: new Date('2025-02-01T09:30:00.123Z'),
    policyId: 'support-default',
    policyVersion: 3,
    contentHash: 'f'.repeat(64),
    conversationId: 'conv-1',
    input: {
      conversationId: 'conv-1',
      customer: { id: 'c1', tier: 'pro' },
      messages: [{ speaker: 'CUSTOMER', text: 'hello', at: new Date('2025-02-01T09:29:00.000Z') }],
    },
    facts: { humanRequested: false, topics: ['security'], negativeStreak: 0 },
    outcome: {
      action: 'HANDOFF',
      reasons: [{ code: 'security_incident', category: 'CONTENT', description: 'Security', evidence: ['message 1'], nodeId: 'h1' }],
      queue: 'trust_safety',
      priority: 'URGENT',
      tier: 'HUMAN_LED',
    },
    latencyMs: 1.25,
    ...extra,
  };
}

/** Registers the decision log contract; `store()` returns a fresh, empty store per test. */
export function describeDecisionLogStoreContract(store: () => BatonStore): void {
  describe('decision log', () => {
    it('appends a batch and reads entries back as JSON', async () => {
      const { decisionLog } = store();
      await decisionLog.appendDecisions([sampleEntry('d1'), sampleEntry('d2', { conversationId: 'conv-2' })]);
      expect(await decisionLog.countDecisions()).toBe(2);
      const stored = await decisionLog.getDecision('d1');
      const { input: _input, ...rest } = sampleEntry('d1');
      expect(stored).toEqual({
        ...rest,
        input: {
          conversationId: 'conv-1',
          customer: { id: 'c1', tier: 'pro' },
          messages: [{ speaker: 'CUSTOMER', text: 'hello', at: '2025-02-01T09:29:00.000Z' }],
        },
      });
      expect(await decisionLog.getDecision('missing')).toBeNull();
    });

    it('lists newest first, optionally per conversation', async () => {
      const { decisionLog } = store();
      await decisionLog.appendDecisions([
        sampleEntry('old', { evaluatedAt: new Date('2025-01-01T00:00:00Z') }),
        sampleEntry('new', { evaluatedAt: new Date('2025-03-01T00:00:00Z') }),
        sampleEntry('other', { conversationId: 'conv-9' }),
      ]);
      expect((await decisionLog.listDecisions({ limit: 10 })).map((d) => d.decisionId)).toEqual(['new', 'other', 'old']);
      expect((await decisionLog.listDecisions({ conversationId: 'conv-1', limit: 1 })).map((d) => d.decisionId)).toEqual(['new']);
    });

    it('writes a batch atomically: a duplicate id rejects the whole batch', async () => {
      const { decisionLog } = store();
      await decisionLog.appendDecisions([sampleEntry('d1')]);
      // Not toThrow(): a native driver's errors may come from another realm under jest.
      await expect(decisionLog.appendDecisions([sampleEntry('d2'), sampleEntry('d1')])).rejects.toHaveProperty('message');
      expect(await decisionLog.countDecisions()).toBe(1);
      expect(await decisionLog.getDecision('d2')).toBeNull();
    });
  });
}
